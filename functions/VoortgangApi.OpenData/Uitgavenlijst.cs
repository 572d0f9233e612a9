using System.Text;
using System.Text.Json;

namespace VoortgangApi.OpenData;

/// <summary>One complete release in the list: the cycle and its files (name, size, SHA-256).</summary>
public sealed record CompleteUitgave(string Cyclus, IReadOnlyList<BestandInfo> Bestanden);

/// <summary>
/// <c>v1/uitgaven.json</c>: the list of complete releases, so that publishing one cycle reads and writes a bounded number
/// of blobs however many cycles were published before. A release is added after its SHA256SUMS exists (written with
/// If-Match, so concurrent publishers lose no entry); a store without the list gets it once from a full scan.
/// </summary>
public sealed class Uitgavenlijst(IOpenDataStore store)
{
    public const string Pad = "v1/uitgaven.json";
    private const string ContentType = "application/json; charset=utf-8";

    private sealed record Inhoud(IReadOnlyList<CompleteUitgave> Uitgaven);

    /// <summary>The complete releases by cycle id; built once from the folders when the list is missing.</summary>
    public async Task<Dictionary<string, IReadOnlyList<BestandInfo>>> LeesAsync(CancellationToken ct)
    {
        if (await store.LeesMetVersieAsync(Pad, ct) is { } gelezen)
        {
            return Van(gelezen.Inhoud);
        }

        var gevonden = await ScanAsync(ct);
        await store.SchrijfAlsOngewijzigdAsync(Pad, Bytes(gevonden), ContentType, null, ct);
        return gevonden;
    }

    /// <summary>Adds (or confirms) one complete release.</summary>
    public async Task VoegToeAsync(string cyclusId, IReadOnlyList<BestandInfo> bestanden, CancellationToken ct)
    {
        for (var poging = 0; poging < 20; poging++)
        {
            var gelezen = await store.LeesMetVersieAsync(Pad, ct);
            var lijst = gelezen is { } g ? Van(g.Inhoud) : new Dictionary<string, IReadOnlyList<BestandInfo>>(StringComparer.Ordinal);
            if (lijst.ContainsKey(cyclusId))
            {
                return;
            }

            lijst[cyclusId] = bestanden;
            if (await store.SchrijfAlsOngewijzigdAsync(Pad, Bytes(lijst), ContentType, gelezen?.Versie, ct))
            {
                return;
            }
        }

        throw new IOException($"{Pad} bleef gelijktijdig veranderen; de timer probeert het opnieuw.");
    }

    /// <summary>A complete folder's files: sizes from its listing, hashes from its SHA256SUMS (and the hash of SHA256SUMS itself).</summary>
    public async Task<IReadOnlyList<BestandInfo>> BestandenAsync(string cyclusId, byte[] controlelijst, CancellationToken ct)
    {
        var lijst = Bestandssoort.LeesControlelijst(Encoding.ASCII.GetString(controlelijst));
        lijst[Layout.Controlelijst] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(controlelijst));
        return [.. (await store.LijstAsync(Layout.Map(cyclusId), ct))
            .Select(b => (Naam: b.Pad.Split('/')[^1], b.Bytes))
            .Where(b => lijst.ContainsKey(b.Naam))
            .Select(b => new BestandInfo(b.Naam, b.Bytes, lijst[b.Naam]))];
    }

    // Only when the list does not exist yet (a store published by an earlier version): every complete folder, once.
    private async Task<Dictionary<string, IReadOnlyList<BestandInfo>>> ScanAsync(CancellationToken ct)
    {
        var resultaat = new Dictionary<string, IReadOnlyList<BestandInfo>>(StringComparer.Ordinal);
        foreach (var map in (await store.LijstAsync("v1/cycli/", ct)).GroupBy(b => b.Pad.Split('/')[2], StringComparer.Ordinal))
        {
            if (map.Any(b => b.Pad.EndsWith("/" + Layout.Controlelijst, StringComparison.Ordinal))
                && await store.LeesAsync(Layout.Pad(map.Key, Layout.Controlelijst), ct) is { } controlelijst)
            {
                resultaat[map.Key] = await BestandenAsync(map.Key, controlelijst, ct);
            }
        }

        return resultaat;
    }

    private static Dictionary<string, IReadOnlyList<BestandInfo>> Van(byte[] json) =>
        (JsonSerializer.Deserialize<Inhoud>(json, VoortgangJson.Options)?.Uitgaven ?? [])
            .ToDictionary(u => u.Cyclus, u => u.Bestanden, StringComparer.Ordinal);

    private static byte[] Bytes(Dictionary<string, IReadOnlyList<BestandInfo>> lijst) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
            new Inhoud([.. lijst.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => new CompleteUitgave(u.Key, u.Value))]), VoortgangJson.Bestand));
}
