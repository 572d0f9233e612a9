using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace VoortgangApi.Functions.Http;

/// <summary>A UTF-8 text body (OpenAPI JSON/YAML, HTML) with explicit headers; the same under either host.</summary>
public sealed class TekstResult(string body, string contentType) : IActionResult
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task ExecuteResultAsync(ActionContext context) =>
        Representatie.SchrijfAsync(context.HttpContext, Encoding.UTF8.GetBytes(body), 200, contentType, Headers);
}
