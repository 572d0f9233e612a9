using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using VoortgangApi.Core;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// Public GET answers, prepared once per data version and served again without running the function: keyed by host,
/// path and query, valid while no write happened in this process (the change counter) and within the same
/// version-check interval (so another instance's write is seen as soon as it would be without this cache).
/// </summary>
public sealed class Antwoordcache(Wijzigingsteller wijzigingen, TimeProvider tijd, IOptions<CacheOptions> opties)
{
    private const int MaxItems = 5000;
    private readonly ConcurrentDictionary<string, (long Teller, long Vak, Voorbereid Antwoord)> _items = new(StringComparer.Ordinal);
    private readonly long _vakTicks = Math.Max(1, TimeSpan.FromSeconds(opties.Value.VersieControleSeconden).Ticks);

    public static bool Geldt(HttpRequest req) =>
        (HttpMethods.IsGet(req.Method) || HttpMethods.IsHead(req.Method)) && req.Path.StartsWithSegments(ApiInfo.BasisPad, StringComparison.Ordinal);

    public Voorbereid? Zoek(HttpRequest req) =>
        _items.TryGetValue(Sleutel(req), out var item) && item.Teller == wijzigingen.Teller && item.Vak == Vak() ? item.Antwoord : null;

    /// <summary>Keeps what the function just answered, if it is a public answer (never a no-store one).</summary>
    public void Bewaar(HttpRequest req, Voorbereid antwoord, long tellerVooraf)
    {
        if (!antwoord.Headers.TryGetValue("Cache-Control", out var cc) || !cc.StartsWith("public", StringComparison.Ordinal)
            || antwoord.Headers.ContainsKey("Age") || tellerVooraf != wijzigingen.Teller)
        {
            return;
        }

        if (_items.Count >= MaxItems)
        {
            _items.Clear();
        }

        _items[Sleutel(req)] = (tellerVooraf, Vak(), antwoord);
    }

    private long Vak() => tijd.GetUtcNow().UtcTicks / _vakTicks;

    private static string Sleutel(HttpRequest req) => string.Concat(req.Host.Value, req.Path.Value, req.QueryString.Value);
}
