using System.Text.Json;
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

    /// <summary>Extra response headers, such as Link, Location or Cache-Control.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task ExecuteResultAsync(ActionContext context) =>
        Representatie.SchrijfAsync(context.HttpContext, JsonSerializer.SerializeToUtf8Bytes(Body, Body.GetType(), VoortgangJson.Options), Status, contentType, Headers);
}
