using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using VoortgangApi.Core.Cycli;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// A 200 answer to a GET as it goes on the wire, prepared once: the body, its strong ETag (hash of the bytes) and, for
/// bodies over 1 KiB, Brotli and gzip copies made on first demand. Each content coding has its own strong ETag
/// ("…-br", "…-gz"), as RFC 9110 §8.8.3 requires of different representations.
/// </summary>
public sealed class Voorbereid(byte[] body, string contentType, IReadOnlyDictionary<string, string> headers)
{
    private const int MinimaalTeComprimeren = 1024;
    private readonly Lazy<byte[]> _br = new(() => Comprimeer(body, s => new BrotliStream(s, CompressionLevel.Optimal)));
    private readonly Lazy<byte[]> _gzip = new(() => Comprimeer(body, s => new GZipStream(s, CompressionLevel.Optimal)));

    public byte[] Body { get; } = body;
    public string ContentType { get; } = contentType + "; charset=utf-8";
    public IReadOnlyDictionary<string, string> Headers { get; } = headers;
    public string ETag { get; } = Canoniek.ETag(body);
    public bool Comprimeerbaar => Body.Length > MinimaalTeComprimeren;

    /// <summary>The coding to send for this Accept-Encoding: "br", "gzip" or null (identity), with its bytes and ETag.</summary>
    public (string? Codering, byte[] Bytes, string ETag) Voor(string acceptEncoding)
    {
        if (Comprimeerbaar && Accepteert(acceptEncoding, "br"))
        {
            return ("br", _br.Value, ETag[..^1] + "-br\"");
        }

        return Comprimeerbaar && Accepteert(acceptEncoding, "gzip") ? ("gzip", _gzip.Value, ETag[..^1] + "-gz\"") : (null, Body, ETag);
    }

    private static bool Accepteert(string acceptEncoding, string codering) =>
        acceptEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(d =>
        {
            var delen = d.Split(';', StringSplitOptions.TrimEntries);
            return delen[0].Equals(codering, StringComparison.OrdinalIgnoreCase) && !delen.Skip(1).Any(p => p.Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000");
        });

    private static byte[] Comprimeer(byte[] bytes, Func<Stream, Stream> maak)
    {
        using var uit = new MemoryStream();
        using (var stroom = maak(uit))
        {
            stroom.Write(bytes);
        }

        return uit.ToArray();
    }
}

/// <summary>
/// Writes a response body with a strong ETag and answers If-None-Match with 304: the same headers, no body
/// (RFC 9110 §13.1.2). Shared by every result type so caching behaves the same everywhere; HEAD gets the GET's headers.
/// </summary>
public static class Representatie
{
    public static async Task SchrijfAsync(HttpContext context, byte[] bytes, int status, string contentType, IReadOnlyDictionary<string, string> headers)
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && status == StatusCodes.Status200OK)
        {
            await SchrijfAsync(context, new Voorbereid(bytes, contentType, headers));
            return;
        }

        var response = context.Response;
        foreach (var (naam, waarde) in headers)
        {
            response.Headers[naam] = waarde;
        }

        response.StatusCode = status;
        response.ContentType = contentType + "; charset=utf-8";
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    /// <summary>Writes a prepared answer in the coding the client accepts, or 304 when its ETag is still current.</summary>
    public static async Task SchrijfAsync(HttpContext context, Voorbereid v)
    {
        var request = context.Request;
        var response = context.Response;
        foreach (var (naam, waarde) in v.Headers)
        {
            response.Headers[naam] = waarde;
        }

        var (codering, bytes, etag) = v.Voor(request.Headers.AcceptEncoding.ToString());
        response.Headers.ETag = etag;
        if (v.Comprimeerbaar)
        {
            response.Headers.Append("Vary", "Accept-Encoding");
        }

        if (Past(request.Headers.IfNoneMatch.ToString(), etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = v.ContentType;
        if (codering is not null)
        {
            response.Headers.ContentEncoding = codering;
        }

        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    // Weak comparison, as If-None-Match requires: W/"x" matches "x"; * matches any current representation.
    private static bool Past(string ifNoneMatch, string etag) =>
        ifNoneMatch.Length > 0 && ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(t => t == "*" || (t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t) == etag);
}
