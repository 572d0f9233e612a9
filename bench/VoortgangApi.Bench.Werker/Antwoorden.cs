using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace VoortgangApi.Bench.Werker;

/// <summary>One recorded answer of the API: its bytes and the headers the baseline repeats.</summary>
public sealed record Opgenomen(string Pad, string Bestand, string ContentType, string ETag, string CacheControl);

/// <summary>The API's recorded answers, by path and query, in memory.</summary>
public sealed class Antwoorden(IReadOnlyDictionary<string, (Opgenomen Kop, byte[] Bytes)> perPad)
{
    public static Antwoorden Laad(string map)
    {
        var lijst = JsonSerializer.Deserialize<List<Opgenomen>>(File.ReadAllText(Path.Combine(map, "antwoorden.json")), JsonSerializerOptions.Web)!;
        return new Antwoorden(lijst.ToDictionary(o => o.Pad, o => (o, File.ReadAllBytes(Path.Combine(map, o.Bestand))), StringComparer.Ordinal));
    }

    public (Opgenomen Kop, byte[] Bytes)? Zoek(HttpRequest req) =>
        perPad.TryGetValue(req.Path.Value + req.QueryString.Value, out var a) ? a : null;
}

/// <summary>The whole app: one function for every path, the recorded bytes with their ETag and the 304 path.</summary>
public sealed class BasisFunctions(Antwoorden antwoorden)
{
    [Function("basis")]
    public IActionResult Basis([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "{*pad}")] HttpRequest req)
    {
        if (antwoorden.Zoek(req) is not { } a)
        {
            return new NotFoundResult();
        }

        req.HttpContext.Response.Headers.ETag = a.Kop.ETag;
        req.HttpContext.Response.Headers.CacheControl = a.Kop.CacheControl;
        if (req.Headers.IfNoneMatch == a.Kop.ETag)
        {
            return new StatusCodeResult(StatusCodes.Status304NotModified);
        }

        return HttpMethods.IsHead(req.Method)
            ? new EmptyHeadResult(a.Kop.ContentType, a.Bytes.Length)
            : new FileContentResult(a.Bytes, a.Kop.ContentType);
    }

    private sealed class EmptyHeadResult(string contentType, long lengte) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            context.HttpContext.Response.ContentType = contentType;
            context.HttpContext.Response.ContentLength = lengte;
            return Task.CompletedTask;
        }
    }
}
