using VoortgangApi.Core.Model;
using VoortgangApi.Core.Queries;

namespace VoortgangApi.Core.Cycli;

/// <summary>
/// The concept of a planned letter: what its snapshot would hold if it were taken now, with its content hash (equal to
/// the snapshot's when nothing is recorded in between) and the differences with the last letter before it.
/// </summary>
public sealed record Concept(
    string Cyclus, DateOnly Peildatum, [property: System.Text.Json.Serialization.JsonPropertyName("concept")] bool IsConcept, DateTimeOffset BekendTot, long Logpositie, string InhoudHash, Aantallen Aantallen,
    string? VorigeCyclus, Verschil? Verschillen, string Inhoud);

/// <summary>Reads of reporting cycles and the comparison of two cycles.</summary>
public sealed class RapportagecycliQueries(Voortgangslezer bron)
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

    public async Task<Resultaat<Concept>> ConceptAsync(string cyclusId, Parameters query, CancellationToken ct)
    {
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        if (!Ids.IsCyclusId(cyclusId))
        {
            return Ids.OngeldigeCyclusId();
        }

        var versie = await bron.CyclusAsync(cyclusId, ct);
        if (versie is null)
        {
            return Ids.OnbekendeCyclus(cyclusId);
        }

        var cyclus = versie.Cyclus;
        if (cyclus.Toestand != Toestanden.Gepland)
        {
            return Probleem.Conflict($"Rapportagecyclus '{cyclusId}' is al vastgesteld: lees haar momentopname (?cyclus={cyclusId}).");
        }

        var (data, log) = await bron.AlsMomentopnameAsync(cyclus.Peildatum, ct);
        // The last letter before this one: the vastgesteld cycle with the latest peildatum before this peildatum.
        var vorige = (await bron.CycliAsync(ct)).Select(v => v.Cyclus)
            .Where(c => c.Toestand == Toestanden.Vastgesteld && c.Peildatum < cyclus.Peildatum)
            .OrderBy(c => c.Peildatum).ThenBy(c => c.Id, StringComparer.Ordinal).LastOrDefault();
        Verschil? verschillen = null;
        if (vorige is not null && await bron.MomentopnameAsync(vorige.Id, ct) is { IsGelukt: true } oud)
        {
            verschillen = Verschillen.Bereken(cyclusId, data, vorige.Id, oud.Waarde!);
        }

        return new Concept(cyclusId, cyclus.Peildatum, true, log.BekendTot, log.Volgnummer, Canoniek.Hash(data), Canoniek.Tel(data),
            vorige?.Id, verschillen, $"/api/v1/oplossingsrichtingen?peildatum={cyclus.Peildatum:yyyy-MM-dd}");
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
