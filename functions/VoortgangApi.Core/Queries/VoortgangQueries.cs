using System.Globalization;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Queries;

/// <summary>The read side of the API: themes, solution directions and parties, filtered and paged in memory.</summary>
/// <remarks>
/// The whole data set is a few hundred rows at most, so it is read once and filtered here: no user input
/// ever becomes part of a Table Storage filter, which rules out OData filter injection by construction.
/// </remarks>
public sealed class VoortgangQueries(IVoortgangStore store)
{
    public const int StandaardPageSize = 20;
    public const int MaxPageSize = 100;

    public static readonly IReadOnlyList<string> OplossingsrichtingParameters = ["thema", "status", "partij", "zoek", "page", "pageSize"];

    public async Task<Resultaat<IReadOnlyList<ThemaSamenvatting>>> ThemasAsync(Parameters query, CancellationToken ct)
    {
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        var data = await store.LeesAsync(ct);
        return data.Themas.Select(t => Samenvat(t, data)).ToList();
    }

    public async Task<Resultaat<ThemaDetail>> ThemaAsync(string themaId, Parameters query, CancellationToken ct)
    {
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        var data = await store.LeesAsync(ct);
        var thema = data.Themas.FirstOrDefault(t => t.Id == themaId);
        if (thema is null)
        {
            return Probleem.NietGevonden($"Er is geen thema met id '{Parameters.Kort(themaId)}'.");
        }

        var s = Samenvat(thema, data);
        return new ThemaDetail(s.Id, s.Naam, s.Omschrijving, s.Volgorde, s.AantalOplossingsrichtingen, s.AantalPerStatus,
            [.. data.Knelpunten.Where(k => k.ThemaId == thema.Id)],
            [.. data.Oplossingsrichtingen.Where(o => o.ThemaId == thema.Id)]);
    }

    public async Task<Resultaat<Pagina<Oplossingsrichting>>> OplossingsrichtingenAsync(Parameters query, CancellationToken ct)
    {
        var data = await store.LeesAsync(ct);
        var filter = LeesFilter(query, data);
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        var gevonden = data.Oplossingsrichtingen.Where(o => Past(o, filter)).ToList();
        var items = gevonden.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToList();
        return new Pagina<Oplossingsrichting>(items, filter.Page, filter.PageSize, gevonden.Count);
    }

    public async Task<Resultaat<Oplossingsrichting>> OplossingsrichtingAsync(string id, Parameters query, CancellationToken ct)
    {
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        var data = await store.LeesAsync(ct);
        return data.Oplossingsrichtingen.FirstOrDefault(o => o.Id == id) is { } gevonden
            ? gevonden
            : Probleem.NietGevonden($"Er is geen oplossingsrichting met id '{Parameters.Kort(id)}'.");
    }

    public async Task<Resultaat<IReadOnlyList<Partij>>> PartijenAsync(Parameters query, CancellationToken ct)
    {
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        var data = await store.LeesAsync(ct);
        return Resultaat<IReadOnlyList<Partij>>.Gelukt(data.Partijen);
    }

    private static OplossingsrichtingFilter LeesFilter(Parameters q, VoortgangData data) => new(
        q.Keuze("thema", [.. data.Themas.Select(t => t.Id)]),
        q.Keuze("status", Statussen.Alle),
        PartijFilter(q, data),
        q.Tekst("zoek"),
        q.Geheel("page", 1, 1, 100_000),
        q.Geheel("pageSize", StandaardPageSize, 1, MaxPageSize));

    // Listing all party ids in the error would be long; a short hint to GET /partijen is more useful.
    private static string? PartijFilter(Parameters q, VoortgangData data)
    {
        var partij = q.Tekst("partij", 60);
        if (partij is not null && !data.Partijen.Any(p => p.Id == partij))
        {
            q.Fout("partij", "onbekendeWaarde", $"'{Parameters.Kort(partij)}' is geen bekende partij; zie GET /v1/partijen.");
            return null;
        }

        return partij;
    }

    private static bool Past(Oplossingsrichting o, OplossingsrichtingFilter f) =>
        (f.Thema is null || o.ThemaId == f.Thema)
        && (f.Status is null || o.Status.Status == f.Status)
        && (f.Partij is null || o.VerantwoordelijkePartijen.Contains(f.Partij) || o.BetrokkenPartijen.Contains(f.Partij))
        && (f.Zoek is null || Bevat(o, f.Zoek));

    // Case- and accent-insensitive, so "financien" finds "Financiën".
    private static bool Bevat(Oplossingsrichting o, string zoek)
    {
        const CompareOptions opties = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        return new[] { o.Id, o.Titel, o.Omschrijving, o.Planning, o.Status.Toelichting ?? "" }
            .Any(veld => compare.IndexOf(veld, zoek, opties) >= 0);
    }

    private static ThemaSamenvatting Samenvat(Thema t, VoortgangData data)
    {
        var vanThema = data.Oplossingsrichtingen.Where(o => o.ThemaId == t.Id).ToList();
        var perStatus = Statussen.Alle.ToDictionary(s => s, s => vanThema.Count(o => o.Status.Status == s));
        return new ThemaSamenvatting(t.Id, t.Naam, t.Omschrijving, t.Volgorde, vanThema.Count, perStatus);
    }
}
