using System.Text.Json;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Validation;

namespace VoortgangApi.Core.Cycli;

/// <summary>The body of PUT rapportagecycli/{cyclusId} (schemas/rapportagecyclus-plan.schema.json).</summary>
public sealed record CyclusPlan(string Titel, DateOnly Peildatum, Kamerbrief Kamerbrief, [property: Persoonsgegeven] Behandelaar? Behandelaar = null);

/// <summary>The outcome of a plan: the cycle, whether it was created, and its entity tag.</summary>
public sealed record PlanUitkomst(Rapportagecyclus Cyclus, bool Nieuw, string ETag);

/// <summary>HTTP preconditions as the client sent them.</summary>
public sealed record Voorwaarden(string? IfMatch, string? IfNoneMatch);

/// <summary>Plans or re-plans a cycle. A vastgesteld cycle never changes; a change to an existing plan needs If-Match.</summary>
public sealed class CyclusPlanner(ICyclusStore cycli, SchemaCatalogus schemas, Wijzigingen? wijzigingen = null)
{
    public const string PlanSchema = "rapportagecyclus-plan.schema.json";

    public async Task<Resultaat<PlanUitkomst>> PlanAsync(string cyclusId, string body, Voorwaarden voorwaarden, CancellationToken ct)
    {
        if (!Ids.IsCyclusId(cyclusId))
        {
            return Ids.OngeldigeCyclusId();
        }

        var fouten = await schemas.ValideerAsync(PlanSchema, body);
        if (fouten.Count > 0)
        {
            return Probleem.Ongeldig(fouten);
        }

        var plan = JsonSerializer.Deserialize<CyclusPlan>(body, VoortgangJson.Options)!;
        if (plan.Kamerbrief.Datum < plan.Peildatum)
        {
            return Probleem.Ongeldig([new("$.kamerbrief.datum", "voorPeildatum", "de Kamerbrief kan niet dateren van vóór de peildatum.")]);
        }

        var bestaand = await cycli.LeesAsync(cyclusId, ct);
        if (bestaand?.Cyclus.Toestand == Toestanden.Vastgesteld)
        {
            return Probleem.Conflict($"Rapportagecyclus '{cyclusId}' is vastgesteld; een vastgestelde cyclus verandert nooit meer.");
        }

        if (Controleer(bestaand, voorwaarden) is { } mislukt)
        {
            return mislukt;
        }

        var cyclus = new Rapportagecyclus(cyclusId, plan.Titel, plan.Peildatum, plan.Kamerbrief, Toestanden.Gepland, null, plan.Behandelaar);
        try
        {
            var bewaard = await cycli.BewaarAsync(cyclus, bestaand?.Versie, ct);
            wijzigingen?.Meld();
            return new PlanUitkomst(bewaard.Cyclus, bestaand is null, Inhoud.ETag(bewaard.Cyclus));
        }
        catch (GelijktijdigeWijzigingException)
        {
            return new Probleem(ProbleemSoort.VoorwaardeMislukt,
                $"Rapportagecyclus '{cyclusId}' is intussen door een ander gewijzigd; haal hem opnieuw op en probeer het nog eens.", []);
        }
    }

    // RFC 9110 §13: a change to an existing cycle needs If-Match with its current ETag (428 without, 412 when stale);
    // If-None-Match: * means "only create" and fails when the cycle exists.
    private static Probleem? Controleer(CyclusVersie? bestaand, Voorwaarden v)
    {
        var etag = bestaand is null ? null : Inhoud.ETag(bestaand.Cyclus);
        if (v.IfNoneMatch is not null && v.IfNoneMatch.Trim() == "*" && bestaand is not null)
        {
            return new Probleem(ProbleemSoort.VoorwaardeMislukt, "If-None-Match: * maar de cyclus bestaat al.", []);
        }

        if (bestaand is null)
        {
            return v.IfMatch is null ? null : new Probleem(ProbleemSoort.VoorwaardeMislukt, "If-Match opgegeven maar de cyclus bestaat niet.", []);
        }

        if (v.IfMatch is null)
        {
            return new Probleem(ProbleemSoort.VoorwaardeVereist,
                $"Deze cyclus bestaat al; stuur If-Match met de huidige ETag ({etag}) om hem te wijzigen.", []);
        }

        var gegeven = v.IfMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return gegeven.Contains("*") || gegeven.Contains(etag)
            ? null
            : new Probleem(ProbleemSoort.VoorwaardeMislukt, $"If-Match komt niet overeen met de huidige ETag ({etag}).", []);
    }
}
