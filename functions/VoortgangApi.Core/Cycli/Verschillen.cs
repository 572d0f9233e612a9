using System.Text.Json;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Cycli;

/// <summary>An item in a diff: enough to recognise it without a second call.</summary>
public sealed record OplossingsrichtingKort(string Id, string? ThemaId, string Titel, string Status);

/// <summary>A status change of one item between two cycles, with the source of the new status.</summary>
/// <remarks><see cref="Zekerheid"/> and <see cref="Bron"/> are the new status's: a derived change never reads as a confirmed one.</remarks>
public sealed record Statusovergang(string Id, string? ThemaId, string Titel, string Van, string Naar, Bron? Bron = null, string? Zekerheid = null);

/// <summary>One changed field (JSON path within the item) with its old and new value.</summary>
public sealed record Veldwijziging(string Veld, JsonElement? Oud, JsonElement? Nieuw);

public sealed record GewijzigdeOplossingsrichting(string Id, string Titel, IReadOnlyList<Veldwijziging> Velden);

public sealed record VerschilAantallen(int Toegevoegd, int Verwijderd, int Statusovergangen, int Gewijzigd, int GeenNieuweInformatie = 0);

/// <summary>
/// What changed in cycle <see cref="Cyclus"/> compared with cycle <see cref="TenOpzichteVan"/>. Items on which no new status
/// was recorded in between (the newer side still shows the same status entry) are listed as
/// <see cref="GeenNieuweInformatie"/>: no news is not a status change.
/// </summary>
public sealed record Verschil(
    string Cyclus, string TenOpzichteVan, VerschilAantallen Aantallen,
    IReadOnlyList<OplossingsrichtingKort> Toegevoegd, IReadOnlyList<OplossingsrichtingKort> Verwijderd,
    IReadOnlyList<Statusovergang> Statusovergangen, IReadOnlyList<GewijzigdeOplossingsrichting> Gewijzigd,
    IReadOnlyList<OplossingsrichtingKort>? GeenNieuweInformatie = null);

/// <summary>Compares the oplossingsrichtingen of two snapshots by their stable ids.</summary>
public static class Verschillen
{
    // The peildatum differs between any two cycles by definition, and the status itself is a transition.
    private static readonly HashSet<string> NietAlsVeld = ["status.peildatum", "status.status", "status.id"];

    public static Verschil Bereken(string cyclus, VoortgangData nieuw, string tenOpzichteVan, VoortgangData oud)
    {
        var oudPerId = oud.Oplossingsrichtingen.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var nieuwPerId = nieuw.Oplossingsrichtingen.ToDictionary(o => o.Id, StringComparer.Ordinal);

        var toegevoegd = nieuw.Oplossingsrichtingen.Where(o => !oudPerId.ContainsKey(o.Id)).Select(Kort).ToList();
        var verwijderd = oud.Oplossingsrichtingen.Where(o => !nieuwPerId.ContainsKey(o.Id)).Select(Kort).ToList();
        var overgangen = new List<Statusovergang>();
        var gewijzigd = new List<GewijzigdeOplossingsrichting>();
        var geenNieuws = new List<OplossingsrichtingKort>();
        foreach (var n in nieuw.Oplossingsrichtingen.Where(o => oudPerId.ContainsKey(o.Id)))
        {
            var o = oudPerId[n.Id];
            if (ZelfdeStatusregel(o.Status, n.Status))
            {
                geenNieuws.Add(Kort(n));
            }
            else if (o.Status.Status != n.Status.Status)
            {
                overgangen.Add(new Statusovergang(n.Id, n.ThemaId, n.Titel, o.Status.Status, n.Status.Status, n.Status.Bron, n.Status.Zekerheid));
            }

            var velden = Vergelijk(o, n);
            if (velden.Count > 0)
            {
                gewijzigd.Add(new GewijzigdeOplossingsrichting(n.Id, n.Titel, velden));
            }
        }

        return new Verschil(cyclus, tenOpzichteVan,
            new VerschilAantallen(toegevoegd.Count, verwijderd.Count, overgangen.Count, gewijzigd.Count, geenNieuws.Count),
            toegevoegd, verwijderd, overgangen, gewijzigd, geenNieuws);
    }

    // The same entry of the log on both sides (or, for snapshots from before the log, the same peildatum): nothing new
    // was recorded about the item's status in between.
    private static bool ZelfdeStatusregel(StatusOpPeildatum oud, StatusOpPeildatum nieuw) =>
        oud.Id is not null ? oud.Id == nieuw.Id : oud.Peildatum == nieuw.Peildatum && oud.Status == nieuw.Status;

    private static OplossingsrichtingKort Kort(Oplossingsrichting o) => new(o.Id, o.ThemaId, o.Titel, o.Status.Status);

    private static List<Veldwijziging> Vergelijk(Oplossingsrichting oud, Oplossingsrichting nieuw)
    {
        var a = Plat(JsonSerializer.SerializeToElement(oud, VoortgangJson.Options));
        var b = Plat(JsonSerializer.SerializeToElement(nieuw, VoortgangJson.Options));
        return a.Keys.Union(b.Keys).Where(k => !NietAlsVeld.Contains(k)).Order(StringComparer.Ordinal)
            .Where(k => !a.TryGetValue(k, out var x) || !b.TryGetValue(k, out var y) || !JsonElement.DeepEquals(x, y))
            .Select(k => new Veldwijziging(k, a.TryGetValue(k, out var x) ? x : null, b.TryGetValue(k, out var y) ? y : null))
            .ToList();
    }

    // Objects are walked into ("status.bron.url"); arrays and scalars are compared whole.
    private static Dictionary<string, JsonElement> Plat(JsonElement element, string prefix = "")
    {
        var velden = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
        {
            var pad = prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}";
            if (p.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var (k, v) in Plat(p.Value, pad))
                {
                    velden[k] = v;
                }
            }
            else
            {
                velden[pad] = p.Value;
            }
        }

        return velden;
    }
}
