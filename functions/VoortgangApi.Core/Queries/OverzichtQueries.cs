using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.OpenData;

namespace VoortgangApi.Core.Queries;

/// <summary>The latest vastgesteld cycle, briefly.</summary>
public sealed record CyclusKort(string Id, string Titel, DateOnly Peildatum, Kamerbrief Kamerbrief);

/// <summary>Per theme: the current counts and how many items changed since the latest cycle.</summary>
public sealed record ThemaOverzicht(
    string Id, string Naam, int Volgorde, int AantalOplossingsrichtingen, IReadOnlyDictionary<string, int> AantalPerStatus,
    VerschilAantallen SindsLaatsteCyclus);

/// <summary>Where the open data of the releases can be found.</summary>
public sealed record OpenDataLinks(string Catalogus, string Laatste, string Feed);

/// <summary>
/// Everything the public website shows, in a few kilobytes; <see cref="AantalPerZekerheid"/> says how many of the
/// current statuses are confirmed by their source, derived, or unknown.
/// </summary>
public sealed record Overzicht(
    CyclusKort? LaatsteCyclus, IReadOnlyList<ThemaOverzicht> Themas, IReadOnlyList<Statusovergang> Statusovergangen, OpenDataLinks OpenData,
    IReadOnlyDictionary<string, int>? AantalPerZekerheid = null, CyclusKort? VorigeCyclus = null, TussenCycli? TussenLaatsteTweeCycli = null,
    IReadOnlyList<OplossingsrichtingKort>? ThemaOverstijgend = null, IReadOnlyList<CyclusVoortgang>? VoortgangPerCyclus = null);

/// <summary>One vastgesteld cycle in the progress chart: per theme the count per status in its snapshot.</summary>
public sealed record CyclusVoortgang(string Cyclus, string Titel, DateOnly Peildatum, IReadOnlyList<ThemaAantallen> Themas);

public sealed record ThemaAantallen(string ThemaId, IReadOnlyDictionary<string, int> AantalPerStatus);

/// <summary>What changed between the last two letters: transitions (with their source), new items, items without news.</summary>
public sealed record TussenCycli(
    IReadOnlyList<Statusovergang> Statusovergangen, IReadOnlyList<OplossingsrichtingKort> Toegevoegd, IReadOnlyList<OplossingsrichtingKort> GeenNieuweInformatie);

/// <summary>The summary for the public website: current state per theme and the change since the last letter.</summary>
/// <remarks>
/// This is the public website's call on every visit, so the result is kept until its inputs change: the current data
/// (the read cache hands back the same instance while nothing changed) and the latest snapshot.
/// </remarks>
public sealed class OverzichtQueries(Voortgangslezer bron, OpenDataInstellingen openData)
{
    private Bewaard? _laatste;

    public async Task<Resultaat<Overzicht>> OverzichtAsync(Parameters query, CancellationToken ct)
    {
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        var huidig = (await bron.LeesAsync(Leesmoment.Nu, ct)).Waarde!;
        var vastgesteld = (await bron.CycliAsync(ct)).Where(c => c.RunId is not null).OrderBy(c => c.Cyclus.Peildatum).ToList();
        var laatste = vastgesteld.LastOrDefault();
        if (_laatste is { } b && ReferenceEquals(b.Huidig, huidig) && b.RunId == laatste?.RunId)
        {
            return b.Overzicht;
        }

        var overzicht = await BerekenAsync(huidig, laatste?.Cyclus, ct);
        var perCyclus = new List<CyclusVoortgang>();
        foreach (var v in vastgesteld)
        {
            var stand = (await bron.MomentopnameAsync(v.Cyclus.Id, ct)).Waarde!;
            perCyclus.Add(new CyclusVoortgang(v.Cyclus.Id, v.Cyclus.Titel, v.Cyclus.Peildatum,
                [.. stand.Themas.Select(t => new ThemaAantallen(t.Id, ThemaSamenvatting.Van(t, stand).AantalPerStatus))]));
        }

        overzicht = overzicht with { VoortgangPerCyclus = perCyclus };
        if (vastgesteld.Count >= 2)
        {
            var vorige = vastgesteld[^2].Cyclus;
            var tussen = Verschillen.Bereken(laatste!.Cyclus.Id, (await bron.MomentopnameAsync(laatste.Cyclus.Id, ct)).Waarde!,
                vorige.Id, (await bron.MomentopnameAsync(vorige.Id, ct)).Waarde!);
            overzicht = overzicht with
            {
                VorigeCyclus = new CyclusKort(vorige.Id, vorige.Titel, vorige.Peildatum, vorige.Kamerbrief),
                TussenLaatsteTweeCycli = new TussenCycli(tussen.Statusovergangen, tussen.Toegevoegd, tussen.GeenNieuweInformatie ?? []),
            };
        }

        _laatste = new Bewaard(huidig, laatste?.RunId, overzicht);
        return overzicht;
    }

    private async Task<Overzicht> BerekenAsync(VoortgangData huidig, Rapportagecyclus? laatste, CancellationToken ct)
    {
        var verschil = laatste is null ? null : Verschillen.Bereken("huidig", huidig, laatste.Id, (await bron.MomentopnameAsync(laatste.Id, ct)).Waarde!);

        var themas = huidig.Themas.Select(t =>
        {
            var s = ThemaSamenvatting.Van(t, huidig);
            return new ThemaOverzicht(t.Id, t.Naam, t.Volgorde, s.AantalOplossingsrichtingen, s.AantalPerStatus, PerThema(verschil, huidig, t.Id));
        }).ToList();

        var links = new OpenDataLinks(openData.Url(Layout.Catalogus), openData.Url(Layout.Laatste), openData.Url(Layout.Feed));
        return new Overzicht(
            laatste is null ? null : new CyclusKort(laatste.Id, laatste.Titel, laatste.Peildatum, laatste.Kamerbrief),
            themas, verschil?.Statusovergangen ?? [], links, PerZekerheid(huidig),
            ThemaOverstijgend: [.. huidig.Oplossingsrichtingen.Where(o => o.ThemaId is null).Select(o => new OplossingsrichtingKort(o.Id, null, o.Titel, o.Status.Status))]);
    }

    private sealed record Bewaard(VoortgangData Huidig, string? RunId, Overzicht Overzicht);

    public static IReadOnlyDictionary<string, int> PerZekerheid(VoortgangData data) =>
        Zekerheden.Alle.ToDictionary(z => z, z => data.Oplossingsrichtingen.Count(o => o.Status.Zekerheid == z));

    private static VerschilAantallen PerThema(Verschil? v, VoortgangData huidig, string themaId)
    {
        if (v is null)
        {
            return new VerschilAantallen(0, 0, 0, 0);
        }

        var vanThema = huidig.Oplossingsrichtingen.Where(o => o.ThemaId == themaId).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        return new VerschilAantallen(
            v.Toegevoegd.Count(o => o.ThemaId == themaId),
            v.Verwijderd.Count(o => o.ThemaId == themaId),
            v.Statusovergangen.Count(o => o.ThemaId == themaId),
            v.Gewijzigd.Count(g => vanThema.Contains(g.Id)),
            v.GeenNieuweInformatie?.Count(o => o.ThemaId == themaId) ?? 0);
    }
}
