using Microsoft.AspNetCore.Mvc;

namespace VoortgangApi.Functions.Http;

/// <summary>Who may keep an answer: the function says which kind it is, <see cref="Cachebeleid"/> turns that into headers.</summary>
public enum Openbaarheid
{
    /// <summary>The result's own headers decide (no-store for admin answers, or set by the function).</summary>
    Eigen,

    /// <summary>Current public data: <c>public, max-age=…</c>, and Age while storage is unreachable.</summary>
    Openbaar,

    /// <summary>Can never change (a snapshot, the differences between two): <c>immutable</c> for a year.</summary>
    Onveranderlijk,
}

/// <summary>
/// An answer whose bytes are known before it is written, so the middleware can apply the cache policy, give it a strong
/// ETag and keep it in the answer cache — one path for every JSON and text answer (no hand-off through HttpContext.Items).
/// </summary>
public abstract class Bytesantwoord(int status, string contentType) : IActionResult
{
    public int Status { get; } = status;
    public string ContentType { get; } = contentType;

    /// <summary>Extra response headers, such as Link, Location or Cache-Control.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Openbaarheid Openbaarheid { get; set; } = Openbaarheid.Eigen;

    public abstract byte[] Bytes();

    /// <summary>Written outside the middleware (a unit test, a host without it): the bytes and headers as they are.</summary>
    public Task ExecuteResultAsync(ActionContext context) =>
        Representatie.SchrijfAsync(context.HttpContext, Bytes(), Status, ContentType, Headers);
}
