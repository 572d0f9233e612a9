using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace VoortgangApi.Functions.Identiteit;

/// <summary>How many writes one identity may make per instance: a steady rate per minute and a burst on top of it.</summary>
public sealed class SchrijfbudgetOptions
{
    public const string Sectie = "Schrijfbudget";

    /// <summary>Writes per minute an identity regains (the steady rate).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int PerMinuut { get; set; } = 120;

    /// <summary>The most writes an identity may make at once (the bucket's size).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int Piek { get; set; } = 60;
}

/// <summary>
/// A write budget per identity (a token bucket per instance): a runaway script or a leaked credential cannot append
/// without bound, and every append it makes would otherwise be folded by every instance and reset every cache. The
/// identity is the user's object id, or for an application token its client id (azp). Past the budget: how long until
/// the next write is allowed (429 with Retry-After).
/// </summary>
public sealed class Schrijfbudget(IOptions<SchrijfbudgetOptions> opties, TimeProvider tijd)
{
    private const int MaxIdentiteiten = 10_000;
    private readonly SchrijfbudgetOptions _o = opties.Value;
    private readonly ConcurrentDictionary<string, Emmer> _emmers = new(StringComparer.Ordinal);

    /// <summary>Takes one write from the identity's budget: null when allowed, otherwise the wait until the next.</summary>
    public TimeSpan? Neem(ClaimsPrincipal wie)
    {
        var sleutel = Sleutel(wie);
        if (_emmers.Count >= MaxIdentiteiten && !_emmers.ContainsKey(sleutel))
        {
            _emmers.Clear(); // a bound on memory; a cleared bucket is full again, which only ever allows more
        }

        var emmer = _emmers.GetOrAdd(sleutel, _ => new Emmer(_o.Piek, tijd.GetUtcNow()));
        lock (emmer)
        {
            var nu = tijd.GetUtcNow();
            emmer.Tokens = Math.Min(_o.Piek, emmer.Tokens + ((nu - emmer.Moment).TotalMinutes * _o.PerMinuut));
            emmer.Moment = nu;
            if (emmer.Tokens >= 1)
            {
                emmer.Tokens -= 1;
                return null;
            }

            return TimeSpan.FromMinutes((1 - emmer.Tokens) / _o.PerMinuut);
        }
    }

    // An application token (idtyp app, as Entra ID marks it) is its client; a user is their object id.
    private static string Sleutel(ClaimsPrincipal wie) =>
        wie.FindFirst("idtyp")?.Value == "app" && wie.FindFirst("azp")?.Value is { Length: > 0 } client
            ? "app:" + client
            : "oid:" + wie.FindFirst(TokenControle.ObjectIdClaim)?.Value;

    private sealed class Emmer(double tokens, DateTimeOffset moment)
    {
        public double Tokens { get; set; } = tokens;
        public DateTimeOffset Moment { get; set; } = moment;
    }
}
