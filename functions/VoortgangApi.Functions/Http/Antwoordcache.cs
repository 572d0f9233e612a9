using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using VoortgangApi.Core;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// Public GET answers, prepared once per data version and served again without running the function: keyed by host,
/// path and query, fresh by the one rule of <see cref="Versheid"/> (no write in this process since, and younger than
/// the version-check interval, so another instance's write is seen as soon as it would be without this cache).
/// </summary>
public sealed class Antwoordcache(Versheid versheid)
{
    private const int MaxItems = 5000;
    private readonly ConcurrentDictionary<string, Bewaard<Voorbereid>> _items = new(StringComparer.Ordinal);

    public static bool Geldt(HttpRequest req) =>
        (HttpMethods.IsGet(req.Method) || HttpMethods.IsHead(req.Method)) && req.Path.StartsWithSegments(ApiInfo.BasisPad, StringComparison.Ordinal);

    public Voorbereid? Zoek(HttpRequest req) =>
        _items.TryGetValue(Sleutel(req), out var item) && versheid.IsVers(item) ? item.Waarde : null;

    /// <summary>Keeps what the function just answered, if it is a public answer (never a no-store one, nor one served from an old log).</summary>
    public void Bewaar(HttpRequest req, Voorbereid antwoord, long tellerVooraf)
    {
        if (!antwoord.Headers.TryGetValue("Cache-Control", out var cc) || !cc.StartsWith("public", StringComparison.Ordinal)
            || antwoord.Headers.ContainsKey("Age") || tellerVooraf != versheid.Teller)
        {
            return;
        }

        if (_items.Count >= MaxItems)
        {
            _items.Clear();
        }

        _items[Sleutel(req)] = versheid.Bewaar(antwoord, tellerVooraf);
    }

    private static string Sleutel(HttpRequest req) => string.Concat(req.Host.Value, req.Path.Value, req.QueryString.Value);
}
