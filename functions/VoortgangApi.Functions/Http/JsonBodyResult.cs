using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using VoortgangApi.Core;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// Writes a JSON body with the API's serializer settings. Used instead of ObjectResult so that the output is
/// identical under the Azure Functions host and the local host, whatever MVC formatters either one registers.
/// </summary>
public sealed class JsonBodyResult(object body, int status, string contentType = "application/json") : IActionResult
{
    public object Body { get; } = body;
    public int Status { get; } = status;

    /// <summary>Extra response headers, such as Link or Location.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(Body, Body.GetType(), VoortgangJson.Options);
        response.StatusCode = Status;
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
