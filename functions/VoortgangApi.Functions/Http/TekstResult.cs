using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace VoortgangApi.Functions.Http;

/// <summary>A UTF-8 text body (OpenAPI JSON/YAML, HTML) with explicit headers; the same under either host.</summary>
public sealed class TekstResult(string body, string contentType) : IActionResult
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType + "; charset=utf-8";
        foreach (var (naam, waarde) in Headers)
        {
            response.Headers[naam] = waarde;
        }

        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            await response.Body.WriteAsync(bytes, context.HttpContext.RequestAborted);
        }
    }
}
