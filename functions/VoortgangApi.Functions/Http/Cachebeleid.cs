using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Queries;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// The Cache-Control of every answer, in one place. Public data may be cached (a deliberate, documented deviation
/// from ADR's no-store: the data is public): current data for <c>max-age</c> by clients and, with an edge in front,
/// for <c>s-maxage</c> by the edge, which is purged on every commit; answers from a snapshot (?cyclus=…) never change,
/// so they are immutable. Every answer to a request with a token or a cookie is <c>private, no-store</c>, whatever the
/// function said, and an answer without a policy of its own (an error, a page) gets <c>no-store</c>: a shared cache
/// that meets an answer without Cache-Control keeps it for as long as it likes (Front Door: one to three days).
/// The log of the programme the request read (<c>logboekVan</c>; null when it read none) says whether storage is out.
/// </summary>
public sealed class Cachebeleid(IOptions<CacheOptions> opties, IOptions<Rand.RandOptions> rand, Func<HttpRequest, Logboek?> logboekVan)
{
    public const string Prive = "private, no-store";
    private readonly int _maxAge = opties.Value.MaxAgeSeconden;
    private readonly int? _sMaxAge = rand.Value.Aan ? rand.Value.SMaxAgeSeconden : null;

    /// <summary>The last word on every response, as its headers go out (also on answers that never passed <see cref="PasToe"/>).</summary>
    public static void Sluit(HttpContext context)
    {
        var headers = context.Response.Headers;
        if (context.Request.Headers.ContainsKey("Authorization") || context.Request.Headers.ContainsKey("Cookie"))
        {
            headers.CacheControl = Prive;
            headers.Remove("Age");
        }
        else if (string.IsNullOrEmpty(headers.CacheControl))
        {
            headers.CacheControl = "no-store";
        }
    }

    public void PasToe(Bytesantwoord antwoord, HttpRequest req)
    {
        // A Cache-Control the result set itself (no-store on an admin answer) is final: the policy only fills what is open.
        if (antwoord.Openbaarheid == Openbaarheid.Eigen || antwoord.Headers.ContainsKey("Cache-Control"))
        {
            return;
        }

        var onveranderlijk = antwoord.Openbaarheid == Openbaarheid.Onveranderlijk || req.Query.ContainsKey(Leesmoment.CyclusParameter);
        if (onveranderlijk)
        {
            antwoord.Headers["Cache-Control"] = "public, max-age=31536000, immutable";
            return;
        }

        // During a storage outage reads are answered from memory; Age (RFC 9111 §5.1) says how old that answer may be,
        // and the edge keeps such an answer no longer than a client would (no s-maxage).
        if (logboekVan(req) is { OnbevestigdSinds: { } sinds } logboek)
        {
            antwoord.Headers["Cache-Control"] = $"public, max-age={_maxAge}";
            antwoord.Headers["Age"] = Math.Max(0, (long)(logboek.Tijd.GetUtcNow() - sinds).TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return;
        }

        antwoord.Headers["Cache-Control"] = _sMaxAge is { } s ? $"public, max-age={_maxAge}, s-maxage={s}" : $"public, max-age={_maxAge}";
    }
}
