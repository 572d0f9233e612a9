using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace VoortgangApi.Bench.Werker;

/// <summary>The whole app: one function for every path, the recorded bytes with their ETag and the 304 path.</summary>
public sealed class BasisFunctions(Antwoorden antwoorden)
{
    [Function("basis")]
    public IActionResult Basis([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "{*pad}")] HttpRequest req)
    {
        if (antwoorden.Zoek(req.Path.Value + req.QueryString.Value) is not { } a)
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
