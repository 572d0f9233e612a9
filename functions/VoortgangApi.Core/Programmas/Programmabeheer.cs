using System.Text.Json.Serialization;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Queries;
using VoortgangApi.Core.Validation;

namespace VoortgangApi.Core.Programmas;

/// <summary>A link in <c>_links</c>: a path on this API's host.</summary>
public sealed record Koppeling(string Href);

/// <summary>A programme in the list: what it is, its latest letter and its current counts per status.</summary>
public sealed record ProgrammaSamenvatting(
    string Id, string Titel, IReadOnlyList<string> Ministeries, CyclusKort? LaatsteBrief,
    int AantalOplossingsrichtingen, IReadOnlyDictionary<string, int> AantalPerStatus,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, Koppeling> Links);

/// <summary>A cycle of a programme, briefly.</summary>
public sealed record CyclusInProgramma(string Id, string Titel, DateOnly Peildatum, string Toestand);

/// <summary>One programme with its themes (current counts), its cycles and where everything of it is.</summary>
public sealed record ProgrammaDetail(
    string Id, string Titel, string Omschrijving, IReadOnlyList<string> Ministeries, CyclusKort? LaatsteBrief,
    int AantalOplossingsrichtingen, IReadOnlyDictionary<string, int> AantalPerStatus,
    IReadOnlyList<ThemaSamenvatting> Themas, IReadOnlyList<CyclusInProgramma> Rapportagecycli,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, Koppeling> Links);

/// <summary>Body of PUT programmas/{programmaId} (schemas/programma-invoer.schema.json).</summary>
public sealed record ProgrammaInvoer(string Titel, string Omschrijving, IReadOnlyList<string> Ministeries);

public sealed record ProgrammaUitkomst(ProgrammaDetail Programma, bool Nieuw, string ETag);

public sealed record ToegangUitkomst(Programmatoegang Toegang, string ETag);

/// <summary>Reads a programme's own data: implemented by the composition root, which keeps one set of services per programme.</summary>
public interface IProgrammalezers
{
    Voortgangslezer Lezer(string programmaId);
}

/// <summary>The programmes as a resource: list and detail (public), create and edit, and grants (role Programmas.Beheren).</summary>
public sealed class Programmabeheer(Programmaregister register, IProgrammalezers lezers, SchemaCatalogus schemas)
{
    public const string Basispad = "/api/v1";
    public static readonly IReadOnlyCollection<string> LijstParameters = ["page", "pageSize"];

    public async Task<Resultaat<Pagina<ProgrammaSamenvatting>>> LijstAsync(Parameters query, CancellationToken ct)
    {
        var page = query.Geheel("page", 1, 1, 100_000);
        var pageSize = query.Geheel("pageSize", 20, 1, 100);
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        var alle = await register.LijstAsync(ct);
        var items = new List<ProgrammaSamenvatting>();
        foreach (var v in alle.Skip((page - 1) * pageSize).Take(pageSize))
        {
            var d = await DetailAsync(v.Programma, ct);
            items.Add(new ProgrammaSamenvatting(d.Id, d.Titel, d.Ministeries, d.LaatsteBrief, d.AantalOplossingsrichtingen, d.AantalPerStatus, d.Links));
        }

        return new Pagina<ProgrammaSamenvatting>(items, page, pageSize, alle.Count);
    }

    public async Task<Resultaat<ProgrammaDetail>> ProgrammaAsync(string programmaId, Parameters query, CancellationToken ct)
    {
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        var gevonden = await register.ZoekAsync(programmaId, ct);
        return gevonden.IsGelukt ? await DetailAsync(gevonden.Waarde!.Programma, ct) : gevonden.Probleem!;
    }

    /// <summary>Creates or edits a programme: If-None-Match: * or nothing to create, If-Match with the ETag of its GET to edit.</summary>
    public async Task<Resultaat<ProgrammaUitkomst>> BewaarAsync(string programmaId, string body, Voorwaarden voorwaarden, Vastlegger door, CancellationToken ct)
    {
        if (!Ids.IsProgrammaId(programmaId))
        {
            return Ids.OngeldigeProgrammaId();
        }

        var bestaand = await register.VersAsync(programmaId, ct);
        if (voorwaarden.Controleer(bestaand is null ? null : Canoniek.ETag(await DetailAsync(bestaand.Programma, ct)), "het programma") is { } mislukt)
        {
            return mislukt;
        }

        var gelezen = await Invoer.LeesAsync<ProgrammaInvoer>(schemas, "programma-invoer.schema.json", body);
        if (!gelezen.IsGelukt)
        {
            return gelezen.Probleem!;
        }

        if (gelezen.Waarde!.Id is { } gegeven && gegeven != programmaId)
        {
            return Probleem.Ongeldig([new("$.id", "andereId", $"het id in de body ({Parameters.Kort(gegeven)}) is niet het id in het pad ({programmaId}).")]);
        }

        var i = gelezen.Waarde.Waarde;
        var programma = new Programma(programmaId, i.Titel, i.Omschrijving, i.Ministeries);
        // A new programme starts with no grants: only Programmas.Beheren can then name its officials.
        var toegang = bestaand is null ? Programmatoegang.Leeg : bestaand.Toegang;
        return await Bewaar(programmaId, async () =>
        {
            await register.BewaarAsync(programma, toegang, bestaand?.Versie, door, ct);
            var detail = await DetailAsync(programma, ct);
            return new ProgrammaUitkomst(detail, bestaand is null, Canoniek.ETag(detail));
        });
    }

    /// <summary>The grants of a programme (internal: object ids), with the ETag to send with a change.</summary>
    public async Task<Resultaat<ToegangUitkomst>> ToegangAsync(string programmaId, CancellationToken ct)
    {
        var gevonden = await register.ZoekAsync(programmaId, ct);
        if (!gevonden.IsGelukt)
        {
            return gevonden.Probleem!;
        }

        var toegang = gevonden.Waarde!.Toegang ?? Programmatoegang.Leeg;
        return new ToegangUitkomst(toegang, Canoniek.ETag(toegang));
    }

    /// <summary>Replaces the grants of a programme (If-Match required once it has any, as every change of an existing resource).</summary>
    public async Task<Resultaat<ToegangUitkomst>> BewaarToegangAsync(string programmaId, string body, Voorwaarden voorwaarden, Vastlegger door, CancellationToken ct)
    {
        if (!Ids.IsProgrammaId(programmaId))
        {
            return Ids.OngeldigeProgrammaId();
        }

        if (await register.VersAsync(programmaId, ct) is not { } bestaand)
        {
            return Ids.OnbekendProgramma(programmaId);
        }

        if (voorwaarden.Controleer(Canoniek.ETag(bestaand.Toegang ?? Programmatoegang.Leeg), "de toegang") is { } mislukt)
        {
            return mislukt;
        }

        var gelezen = await Invoer.LeesAsync<Programmatoegang>(schemas, "programmatoegang.schema.json", body);
        if (!gelezen.IsGelukt)
        {
            return gelezen.Probleem!;
        }

        var toegang = new Programmatoegang(gelezen.Waarde!.Waarde.Rollen
            .Where(r => r.Value.Count > 0)
            .ToDictionary(r => r.Key, r => (IReadOnlyList<string>)[.. r.Value.Select(id => id.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)], StringComparer.Ordinal));
        return await Bewaar(programmaId, async () =>
        {
            await register.BewaarAsync(bestaand.Programma, toegang, bestaand.Versie, door, ct);
            return new ToegangUitkomst(toegang, Canoniek.ETag(toegang));
        });
    }

    private static async Task<Resultaat<T>> Bewaar<T>(string programmaId, Func<Task<T>> bewaar)
    {
        try
        {
            return await bewaar();
        }
        catch (GelijktijdigeWijzigingException)
        {
            return new Probleem(ProbleemSoort.VoorwaardeMislukt,
                $"Programma '{programmaId}' is intussen door een ander gewijzigd; haal het opnieuw op en probeer het nog eens.", []);
        }
    }

    private async Task<ProgrammaDetail> DetailAsync(Programma p, CancellationToken ct)
    {
        var lezer = lezers.Lezer(p.Id);
        var huidig = (await lezer.LeesAsync(Leesmoment.Nu, ct)).Waarde!;
        var cycli = (await lezer.CycliAsync(ct)).OrderBy(c => c.Cyclus.Peildatum).ToList();
        var laatste = cycli.LastOrDefault(c => c.RunId is not null)?.Cyclus;
        var perStatus = Statussen.Alle.ToDictionary(s => s, s => huidig.Oplossingsrichtingen.Count(o => o.Status.Status == s));
        var basis = $"{Basispad}/programmas/{p.Id}";
        var links = new Dictionary<string, Koppeling>(StringComparer.Ordinal)
        {
            ["self"] = new(basis), ["themas"] = new($"{basis}/themas"), ["oplossingsrichtingen"] = new($"{basis}/oplossingsrichtingen"),
            ["knelpunten"] = new($"{basis}/knelpunten"), ["partijen"] = new($"{basis}/partijen"), ["overzicht"] = new($"{basis}/overzicht"),
            ["wijzigingen"] = new($"{basis}/wijzigingen"), ["rapportagecycli"] = new($"{basis}/rapportagecycli"),
            ["feed"] = new($"{basis}/feed"), ["abonnementen"] = new($"{basis}/abonnementen"),
        };
        return new ProgrammaDetail(p.Id, p.Titel, p.Omschrijving, p.Ministeries,
            laatste is null ? null : new CyclusKort(laatste.Id, laatste.Titel, laatste.Peildatum, laatste.Kamerbrief),
            huidig.Oplossingsrichtingen.Count, perStatus,
            [.. huidig.Themas.Select(t => ThemaSamenvatting.Van(t, huidig))],
            [.. cycli.Select(c => new CyclusInProgramma(c.Cyclus.Id, c.Cyclus.Titel, c.Cyclus.Peildatum, c.Cyclus.Toestand))], links);
    }
}
