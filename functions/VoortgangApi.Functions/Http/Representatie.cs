using Microsoft.AspNetCore.Http;
using VoortgangApi.Core.Cycli;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// Writes a response body with a strong ETag (hash of the bytes) and answers If-None-Match with 304: the
/// same headers, no body (RFC 9110 §13.1.2). Shared by every result type so caching behaves the same everywhere.
/// </summary>
public static class Representatie
{
    public static async Task SchrijfAsync(HttpContext context, byte[] bytes, int status, string contentType, IReadOnlyDictionary<string, string> headers)
    {
        var request = context.Request;
        var response = context.Response;
        foreach (var (naam, waarde) in headers)
        {
            response.Headers[naam] = waarde;
        }

        var lezen = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (lezen && status == StatusCodes.Status200OK)
        {
            var etag = Inhoud.ETag(bytes);
            response.Headers.ETag = etag;
            if (Past(request.Headers.IfNoneMatch.ToString(), etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        response.StatusCode = status;
        response.ContentType = contentType + "; charset=utf-8";
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    // Weak comparison, as If-None-Match requires: W/"x" matches "x"; * matches any current representation.
    private static bool Past(string ifNoneMatch, string etag) =>
        ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(t => t == "*" || (t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t) == etag);
}
