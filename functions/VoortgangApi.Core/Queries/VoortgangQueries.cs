using System.Globalization;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Queries;

/// <summary>The read side of the API: themes, solution directions and parties, filtered and paged in memory.</summary>
/// <remarks>
/// The whole data set is a few hundred rows at most, so it is read once and filtered here: no user input
/// ever becomes part of a Table Storage filter, which rules out OData filter injection by construction.
/// </remarks>
public sealed class VoortgangQueries(Voortgangslezer bron)
{
    public const int StandaardPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Every read can be asked as of a cycle, or at any date as known at any moment.</summary>
    public static readonly IReadOnlyList<string> LeesParameters = Leesmoment.Parameters;

    public static readonly IReadOnlyList<string> OplossingsrichtingParameters =
        [.. Leesmoment.Parameters, "thema", "status", "partij", "zoek", "page", "pageSize"];

    public static readonly IReadOnlyList<string> KnelpuntParameters = [.. Leesmoment.Parameters, "thema"];

    public static readonly IReadOnlyList<string> PartijParameters = KnelpuntParameters;

    public async Task<Resultaat<IReadOnlyList<ThemaSamenvatting>>> ThemasAsync(Parameters query, CancellationToken ct)
    {
        var gelezen = await LeesAsync(query, ct);
        return gelezen.IsGelukt ? gelezen.Waarde!.Themas.Select(t => ThemaSamenvatting.Van(t, gelezen.Waarde!)).ToList() : gelezen.Probleem!;
    }

    public async Task<Resultaat<ThemaDetail>> ThemaAsync(string themaId, Parameters query, CancellationToken ct)
    {
        var gelezen = await LeesAsync(query, ct);
        if (!gelezen.IsGelukt)
        {
            return gelezen.Probleem!;
        }

        var data = gelezen.Waarde!;
        if (data.Themas.FirstOrDefault(t => t.Id == themaId) is not { } thema)
        {
            return Probleem.NietGevonden($"Er is geen thema met id '{Parameters.Kort(themaId)}'.");
        }

        return ThemaDetail.Van(thema, data);
    }

    public async Task<Resultaat<Pagina<Oplossingsrichting>>> OplossingsrichtingenAsync(Parameters query, CancellationToken ct)
    {
        var vraag = Oplossingsrichtingvraag.Lees(query);
        var gelezen = await bron.LeesAsync(vraag.Moment, ct);
        if (gelezen.IsGelukt)
        {
            vraag.Controleer(gelezen.Waarde!, query);
        }

        if (Eerst(query, gelezen) is { } probleem)
        {
            return probleem;
        }

        var gevonden = gelezen.Waarde!.Oplossingsrichtingen.Where(o => Past(o, vraag)).ToList();
        var items = gevonden.Skip((vraag.Page - 1) * vraag.PageSize).Take(vraag.PageSize).ToList();
        return new Pagina<Oplossingsrichting>(items, vraag.Page, vraag.PageSize, gevonden.Count);
    }

    public async Task<Resultaat<Oplossingsrichting>> OplossingsrichtingAsync(string id, Parameters query, CancellationToken ct)
    {
        var gelezen = await LeesAsync(query, ct);
        if (!gelezen.IsGelukt)
        {
            return gelezen.Probleem!;
        }

        return gelezen.Waarde!.Oplossingsrichtingen.FirstOrDefault(o => o.Id == id) is { } gevonden
            ? gevonden
            : Probleem.NietGevonden($"Er is geen oplossingsrichting met id '{Parameters.Kort(id)}'.");
    }

    /// <summary>The parties; with <c>thema</c> only those responsible for or involved in an item of those themes.</summary>
    public async Task<Resultaat<IReadOnlyList<Partij>>> PartijenAsync(Parameters query, CancellationToken ct)
    {
        var (vraag, gelezen) = await ThemavraagAsync(query, ct);
        if (Eerst(query, gelezen) is { } probleem)
        {
            return probleem;
        }

        var data = gelezen.Waarde!;
        var betrokken = vraag.Themas is not { } themas ? null : data.Oplossingsrichtingen.Where(o => o.ThemaId is not null && themas.Contains(o.ThemaId))
            .SelectMany(o => o.VerantwoordelijkePartijen.Concat(o.BetrokkenPartijen)).ToHashSet(StringComparer.Ordinal);
        return data.Partijen.Where(p => betrokken is null || betrokken.Contains(p.Id)).ToList();
    }

    public async Task<Resultaat<IReadOnlyList<Historie.KnelpuntDetail>>> KnelpuntenAsync(Parameters query, CancellationToken ct)
    {
        var (vraag, gelezen) = await ThemavraagAsync(query, ct);
        return Eerst(query, gelezen) is { } probleem
            ? probleem
            : gelezen.Waarde!.Knelpunten.Where(k => vraag.Themas is null || vraag.Themas.Contains(k.ThemaId)).Select(k => Historie.Items.Knelpunt(k, gelezen.Waarde!)).ToList();
    }

    public Task<Resultaat<object>> KnelpuntAsync(string id, Parameters query, CancellationToken ct) =>
        ItemAsync(Historie.Itemsoorten.Knelpunt, id, "knelpunt", query, ct);

    public Task<Resultaat<object>> PartijAsync(string id, Parameters query, CancellationToken ct) =>
        ItemAsync(Historie.Itemsoorten.Partij, id, "partij", query, ct);

    private async Task<Resultaat<object>> ItemAsync(string soort, string id, string naam, Parameters query, CancellationToken ct)
    {
        var gelezen = await LeesAsync(query, ct);
        if (!gelezen.IsGelukt)
        {
            return gelezen.Probleem!;
        }

        return Historie.Items.Zoek(gelezen.Waarde!, soort, id) is { } item
            ? Resultaat<object>.Gelukt(item)
            : Probleem.NietGevonden($"Er is geen {naam} met id '{Parameters.Kort(id)}'.");
    }

    // Parse once, read at that moment, check the references against what was read.
    private async Task<(Themavraag Vraag, Resultaat<VoortgangData> Gelezen)> ThemavraagAsync(Parameters query, CancellationToken ct)
    {
        var vraag = Themavraag.Lees(query);
        var gelezen = await bron.LeesAsync(vraag.Moment, ct);
        if (gelezen.IsGelukt)
        {
            vraag.Controleer(gelezen.Waarde!, query);
        }

        return (vraag, gelezen);
    }

    private async Task<Resultaat<VoortgangData>> LeesAsync(Parameters query, CancellationToken ct)
    {
        var gelezen = await bron.LeesAsync(Leesmoment.Lees(query), ct);
        return Eerst(query, gelezen) is { } probleem ? probleem : gelezen;
    }

    // Every parameter problem at once comes first; then what the read itself found (an unknown or planned cycle).
    private static Probleem? Eerst(Parameters query, Resultaat<VoortgangData> gelezen) =>
        query.Fouten.Count > 0 ? Probleem.Ongeldig(query.Fouten) : gelezen.Probleem;

    private static bool Past(Oplossingsrichting o, Oplossingsrichtingvraag f) =>
        (f.Themas is null || (o.ThemaId is not null && f.Themas.Contains(o.ThemaId)))
        && (f.Statussen is null || f.Statussen.Contains(o.Status.Status))
        && (f.Partij is null || o.VerantwoordelijkePartijen.Contains(f.Partij) || o.BetrokkenPartijen.Contains(f.Partij))
        && (f.Zoek is null || Bevat(o, f.Zoek));

    // Case- and accent-insensitive: "realisatie" finds "Realisatie", "financien" finds "Financiën".
    private static bool Bevat(Oplossingsrichting o, string zoek)
    {
        const CompareOptions opties = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        return new[] { o.Id, o.Titel, o.Omschrijving, o.Planning, o.Status.Toelichting ?? "" }
            .Any(veld => compare.IndexOf(veld, zoek, opties) >= 0);
    }
}
