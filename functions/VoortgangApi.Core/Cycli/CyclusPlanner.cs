using VoortgangApi.Core.Model;
using VoortgangApi.Core.Validation;

namespace VoortgangApi.Core.Cycli;

/// <summary>The body of PUT rapportagecycli/{cyclusId} (schemas/rapportagecyclus-plan.schema.json).</summary>
public sealed record CyclusPlan(string Titel, DateOnly Peildatum, Kamerbrief Kamerbrief, [property: Persoonsgegeven] Behandelaar? Behandelaar = null);

/// <summary>The outcome of a plan: the cycle, whether it was created, and its entity tag.</summary>
public sealed record PlanUitkomst(Rapportagecyclus Cyclus, bool Nieuw, string ETag);

/// <summary>HTTP preconditions as the client sent them.</summary>
public sealed record Voorwaarden(string? IfMatch, string? IfNoneMatch)
{
    /// <summary>
    /// RFC 9110 §13: a change to an existing resource needs If-Match with its current ETag (428 without, 412 when
    /// stale); If-None-Match: * means "only create" and fails when it exists. <paramref name="etag"/> null: it does not exist.
    /// </summary>
    public Probleem? Controleer(string? etag, string wat)
    {
        if (IfNoneMatch is not null && IfNoneMatch.Trim() == "*" && etag is not null)
        {
            return new Probleem(ProbleemSoort.VoorwaardeMislukt, $"If-None-Match: * maar {wat} bestaat al.", []);
        }

        if (etag is null)
        {
            return IfMatch is null ? null : new Probleem(ProbleemSoort.VoorwaardeMislukt, $"If-Match opgegeven maar {wat} bestaat niet.", []);
        }

        if (IfMatch is null)
        {
            return new Probleem(ProbleemSoort.VoorwaardeVereist,
                $"{char.ToUpperInvariant(wat[0])}{wat[1..]} bestaat al; stuur If-Match met de huidige ETag ({etag}) om te wijzigen.", []);
        }

        // A GET in a content coding carries that coding in its ETag ("…-br", "…-gz"); it names the same content.
        var gegeven = IfMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.EndsWith("-br\"", StringComparison.Ordinal) || t.EndsWith("-gz\"", StringComparison.Ordinal) ? t[..^4] + "\"" : t).ToList();
        return gegeven.Contains("*") || gegeven.Contains(etag)
            ? null
            : new Probleem(ProbleemSoort.VoorwaardeMislukt, $"If-Match komt niet overeen met de huidige ETag ({etag}).", []);
    }
}

/// <summary>Plans or re-plans a cycle. A vastgesteld cycle never changes; a change to an existing plan needs If-Match.</summary>
public sealed class CyclusPlanner(ICyclusStore cycli, SchemaCatalogus schemas, Wijzigingsteller? wijzigingen = null)
{
    public const string PlanSchema = "rapportagecyclus-plan.schema.json";

    public async Task<Resultaat<PlanUitkomst>> PlanAsync(string cyclusId, string body, Voorwaarden voorwaarden, Historie.Vastlegger door, CancellationToken ct)
    {
        if (!Ids.IsCyclusId(cyclusId))
        {
            return Ids.OngeldigeCyclusId();
        }

        // The state and the precondition before the body (RFC 9110 §13.2.1): a PUT on an existing cycle without If-Match
        // is a 428, a stale one a 412, whatever its body says; only then is the body judged.
        var bestaand = await cycli.LeesAsync(cyclusId, ct);
        if (bestaand?.Cyclus.Toestand == Toestanden.Vastgesteld)
        {
            return Probleem.Conflict($"Rapportagecyclus '{cyclusId}' is vastgesteld; een vastgestelde cyclus verandert nooit meer.");
        }

        if (voorwaarden.Controleer(bestaand is null ? null : Canoniek.ETag(bestaand.Cyclus), "de cyclus") is { } mislukt)
        {
            return mislukt;
        }

        var gelezen = await Invoer.LeesAsync<CyclusPlan>(schemas, PlanSchema, body);
        if (!gelezen.IsGelukt)
        {
            return gelezen.Probleem!;
        }

        var plan = gelezen.Waarde!.Waarde;
        var fouten = new List<OngeldigeInvoer>();
        Datums.Controleer(plan.Peildatum, default, "$.peildatum", fouten, toekomstToegestaan: true);
        Datums.Controleer(plan.Kamerbrief.Datum, default, "$.kamerbrief.datum", fouten, toekomstToegestaan: true);
        if (plan.Kamerbrief.Datum < plan.Peildatum)
        {
            fouten.Add(new("$.kamerbrief.datum", "voorPeildatum", "de Kamerbrief kan niet dateren van vóór de peildatum."));
        }

        if (fouten.Count > 0)
        {
            return Probleem.Ongeldig(fouten);
        }

        var cyclus = new Rapportagecyclus(cyclusId, plan.Titel, plan.Peildatum, plan.Kamerbrief, Toestanden.Gepland, null, plan.Behandelaar, door);
        try
        {
            var bewaard = await cycli.BewaarAsync(cyclus, bestaand?.Versie, ct);
            wijzigingen?.Meld(Wijzigingssoorten.Cyclus, [cyclusId]);
            return new PlanUitkomst(bewaard.Cyclus, bestaand is null, Canoniek.ETag(bewaard.Cyclus));
        }
        catch (GelijktijdigeWijzigingException)
        {
            return new Probleem(ProbleemSoort.VoorwaardeMislukt,
                $"Rapportagecyclus '{cyclusId}' is intussen door een ander gewijzigd; haal hem opnieuw op en probeer het nog eens.", []);
        }
    }

    /// <summary>Cancels a cycle that is still gepland (If-Match required); a vastgesteld cycle can never be cancelled.</summary>
    public async Task<Resultaat<Rapportagecyclus>> AnnuleerAsync(string cyclusId, Voorwaarden voorwaarden, CancellationToken ct)
    {
        if (!Ids.IsCyclusId(cyclusId))
        {
            return Ids.OngeldigeCyclusId();
        }

        var bestaand = await cycli.LeesAsync(cyclusId, ct);
        if (bestaand is null)
        {
            return Ids.OnbekendeCyclus(cyclusId);
        }

        if (bestaand.Cyclus.Toestand == Toestanden.Vastgesteld)
        {
            return Probleem.Conflict($"Rapportagecyclus '{cyclusId}' is vastgesteld en kan niet meer worden geannuleerd.");
        }

        if ((voorwaarden with { IfNoneMatch = null }).Controleer(Canoniek.ETag(bestaand.Cyclus), "de cyclus") is { } mislukt)
        {
            return mislukt;
        }

        try
        {
            await cycli.VerwijderAsync(cyclusId, bestaand.Versie, ct);
            wijzigingen?.Meld(Wijzigingssoorten.Cyclus, [cyclusId]);
            return bestaand.Cyclus;
        }
        catch (GelijktijdigeWijzigingException)
        {
            return new Probleem(ProbleemSoort.VoorwaardeMislukt,
                $"Rapportagecyclus '{cyclusId}' is intussen gewijzigd of vastgesteld; haal hem opnieuw op.", []);
        }
    }
}
