using System.Text.Json;
using VoortgangApi.Core;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// Writes a JSON body with the API's serializer settings. Used instead of ObjectResult so that the output is
/// identical under the Azure Functions host and the local host, whatever MVC formatters either one registers.
/// </summary>
public sealed class JsonBodyResult(object body, int status, string contentType = "application/json") : Bytesantwoord(status, contentType)
{
    public object Body { get; } = body;

    public override byte[] Bytes() => JsonSerializer.SerializeToUtf8Bytes(Body, Body.GetType(), VoortgangJson.Options);
}
