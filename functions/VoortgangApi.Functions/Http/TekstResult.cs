using System.Text;

namespace VoortgangApi.Functions.Http;

/// <summary>A UTF-8 text body (OpenAPI JSON/YAML, HTML) with explicit headers; the same under either host.</summary>
public sealed class TekstResult(string body, string contentType) : Bytesantwoord(200, contentType)
{
    public override byte[] Bytes() => Encoding.UTF8.GetBytes(body);
}
