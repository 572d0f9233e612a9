using VoortgangApi.Core.Model;
using VoortgangApi.Core.Queries;

namespace VoortgangApi.Core.Cycli;

/// <summary>Reads of reporting cycles and the comparison of two cycles.</summary>
public sealed class RapportagecycliQueries(VoortgangBron bron)
{
    public const string TenOpzichteVan = "tenOpzichteVan";

    /// <summary>The value of tenOpzichteVan that means the current state.</summary>
    public const string Huidig = "huidig";

    public async Task<Resultaat<IReadOnlyList<Rapportagecyclus>>> LijstAsync(Parameters query, CancellationToken ct)
    {
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        var lijst = await bron.CycliAsync(ct);
        return lijst.Select(v => v.Cyclus).OrderBy(c => c.Peildatum).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<Resultaat<Rapportagecyclus>> CyclusAsync(string cyclusId, Parameters query, CancellationToken ct)
    {
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        var versie = await bron.CyclusAsync(cyclusId, ct);
        return versie is null
            ? Ids.OnbekendeCyclus(cyclusId)
            : versie.Cyclus;
    }

    public async Task<Resultaat<Verschil>> VerschillenAsync(string cyclusId, Parameters query, CancellationToken ct)
    {
        var ander = query.Tekst(TenOpzichteVan, 60);
        if (ander is null && !query.Fouten.Any(f => f.Naam == TenOpzichteVan))
        {
            query.Fout(TenOpzichteVan, "verplicht", "geef de cyclus op waarmee vergeleken wordt, bijvoorbeeld tenOpzichteVan=aanpak-2023.");
        }

        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        var nieuw = await bron.MomentopnameAsync(cyclusId, ct);
        if (!nieuw.IsGelukt)
        {
            return nieuw.Probleem!;
        }

        // "huidig" or a date compares with the log's state now or at that date (as known now). Differences always run
        // from the older state to the newer one, so a transition reads as it happened.
        if (ander == Huidig || DateOnly.TryParseExact(ander, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out _))
        {
            var datum = ander == Huidig ? (DateOnly?)null : DateOnly.ParseExact(ander!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var stand = await bron.StandAsync(datum, ct);
            var cyclus = (await bron.CyclusAsync(cyclusId, ct))!.Cyclus;
            return datum is { } d && d < cyclus.Peildatum
                ? Verschillen.Bereken(cyclusId, nieuw.Waarde!, ander!, stand)
                : Verschillen.Bereken(ander!, stand, cyclusId, nieuw.Waarde!);
        }

        // An unknown comparison cycle is a bad parameter value (400), not a missing resource.
        var oud = await bron.MomentopnameAsync(ander!, ct);
        if (!oud.IsGelukt)
        {
            return oud.Probleem!.Soort == ProbleemSoort.NietGevonden
                ? Probleem.Ongeldig([new(TenOpzichteVan, "onbekendeCyclus", oud.Probleem.Detail)])
                : oud.Probleem;
        }

        return Verschillen.Bereken(cyclusId, nieuw.Waarde!, ander!, oud.Waarde!);
    }
}
