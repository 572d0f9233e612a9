using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Queries;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// The Cache-Control of public answers, in one place. Public data may be cached (a deliberate, documented deviation
/// from ADR's no-store: the data is public); answers from a snapshot (?cyclus=…) never change, so they are immutable.
/// The log of the programme the request read (<c>logboekVan</c>; null when it read none) says whether storage is out.
/// </summary>
public sealed class Cachebeleid(IOptions<CacheOptions> opties, Func<HttpRequest, Logboek?> logboekVan)
{
    private readonly int _maxAge = opties.Value.MaxAgeSeconden;

    public void PasToe(Bytesantwoord antwoord, HttpRequest req)
    {
        // A Cache-Control the result set itself (no-store on an admin answer) is final: the policy only fills what is open.
        if (antwoord.Openbaarheid == Openbaarheid.Eigen || antwoord.Headers.ContainsKey("Cache-Control"))
        {
            return;
        }

        var onveranderlijk = antwoord.Openbaarheid == Openbaarheid.Onveranderlijk || req.Query.ContainsKey(Leesmoment.CyclusParameter);
        antwoord.Headers["Cache-Control"] = onveranderlijk ? "public, max-age=31536000, immutable" : $"public, max-age={_maxAge}";

        // During a storage outage reads are answered from memory; Age (RFC 9111 §5.1) says how old that answer may be.
        if (!onveranderlijk && logboekVan(req) is { OnbevestigdSinds: { } sinds } logboek)
        {
            antwoord.Headers["Age"] = Math.Max(0, (long)(logboek.Tijd.GetUtcNow() - sinds).TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
    }
}
