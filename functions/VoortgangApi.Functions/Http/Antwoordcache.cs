using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using VoortgangApi.Core;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// Public GET answers, prepared once per data version and served again without running the function: keyed by host,
/// path and query. An answer is fresh while its programme had no commit in this process since it was kept (the
/// post-commit signal counts them per programme, so a write to one programme leaves another's answers alone) and it is
/// younger than the version-check interval, so another instance's write is seen as soon as it would be without this cache.
/// </summary>
public sealed class Antwoordcache(TimeProvider tijd, IOptions<CacheOptions> opties, Core.Programmas.Programma standaard) : IWijzigingVolger
{
    private const int MaxItems = 5000;
    private const string Alle = "*";
    private static readonly string Programmas = ApiInfo.BasisPad + "/programmas";
    private readonly ConcurrentDictionary<string, Bewaard<Voorbereid>> _items = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _tellers = new(StringComparer.Ordinal);
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(opties.Value.VersieControleSeconden);

    public static bool Geldt(HttpRequest req) =>
        (HttpMethods.IsGet(req.Method) || HttpMethods.IsHead(req.Method)) && req.Path.StartsWithSegments(ApiInfo.BasisPad, StringComparison.Ordinal);

    /// <summary>The count of commits so far of the data this request reads: read it before the function runs.</summary>
    public long Stand(HttpRequest req) => _tellers.GetValueOrDefault(Groep(req));

    public Voorbereid? Zoek(HttpRequest req) =>
        _items.TryGetValue(Sleutel(req), out var item) && item.Teller == Stand(req) && tijd.GetUtcNow() - item.Moment < _interval ? item.Waarde : null;

    /// <summary>Keeps what the function just answered, if it is a public answer (never a no-store one, nor one served from an old log).</summary>
    public void Bewaar(HttpRequest req, Voorbereid antwoord, long tellerVooraf)
    {
        if (!antwoord.Headers.TryGetValue("Cache-Control", out var cc) || !cc.StartsWith("public", StringComparison.Ordinal)
            || antwoord.Headers.ContainsKey("Age") || tellerVooraf != Stand(req))
        {
            return;
        }

        if (_items.Count >= MaxItems)
        {
            _items.Clear();
        }

        _items[Sleutel(req)] = new Bewaard<Voorbereid>(antwoord, tellerVooraf, tijd.GetUtcNow());
    }

    /// <summary>A commit: that programme's answers and the answers about all programmes (their list and counts) are stale.</summary>
    public void Gewijzigd(Wijziging wijziging)
    {
        _tellers.AddOrUpdate(wijziging.ProgrammaId, 1, (_, n) => n + 1);
        _tellers.AddOrUpdate(Alle, 1, (_, n) => n + 1);
    }

    // Which data a path reads: one programme's (/programmas/{id}/…, or the paths without a programme: the standard
    // one), or all programmes (/programmas and /programmas/{id}, which show every programme's counts).
    private string Groep(HttpRequest req)
    {
        if (!req.Path.StartsWithSegments(Programmas, StringComparison.Ordinal, out var rest))
        {
            return standaard.Id;
        }

        var delen = (rest.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return delen.Length >= 2 ? delen[0] : Alle;
    }

    private static string Sleutel(HttpRequest req) => string.Concat(req.Host.Value, req.Path.Value, req.QueryString.Value);
}
