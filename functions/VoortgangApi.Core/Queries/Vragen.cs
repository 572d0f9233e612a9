using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Queries;

/// <summary>
/// The moment a read answers from, parsed once from the query: a vastgesteld cycle's snapshot (?cyclus=), or the fold
/// of the log at ?peildatum= as known at ?bekendOp= (both default to now). Errors are left in the parameters.
/// </summary>
public sealed record Leesmoment(string? CyclusId, DateOnly? Peildatum, DateTimeOffset? BekendOp)
{
    public const string CyclusParameter = "cyclus";
    public const string PeildatumParameter = "peildatum";
    public const string BekendOpParameter = "bekendOp";

    /// <summary>The parameters that choose the moment of a read.</summary>
    public static readonly IReadOnlyList<string> Parameters = [CyclusParameter, PeildatumParameter, BekendOpParameter];

    public static Leesmoment Nu { get; } = new(null, null, null);

    /// <summary>A malformed moment reads the current data, so the caller can still check the rest and report everything at once.</summary>
    public static Leesmoment Lees(Parameters q)
    {
        var cyclusId = q.Tekst(CyclusParameter, 60);
        if (cyclusId is not null && !Ids.IsCyclusId(cyclusId))
        {
            q.Fout(CyclusParameter, "ongeldigFormaat", Ids.CyclusIdReden);
            cyclusId = null;
        }

        var peildatum = q.Datum(PeildatumParameter);
        var bekendOp = q.Moment(BekendOpParameter);
        if (cyclusId is not null && (peildatum is not null || bekendOp is not null))
        {
            q.Fout(CyclusParameter, "nietCombineren", "cyclus is een vastgelegde momentopname; combineer hem niet met peildatum of bekendOp.");
            cyclusId = null;
        }

        return new Leesmoment(cyclusId, peildatum, bekendOp);
    }
}

/// <summary>GET /knelpunten and /partijen: the moment and the themes (ids, checked against the data read).</summary>
public sealed record Themavraag(Leesmoment Moment, IReadOnlySet<string>? Themas)
{
    public static readonly IReadOnlyList<string> Parameters = [.. Leesmoment.Parameters, "thema"];

    public static Themavraag Lees(Parameters q) => new(Leesmoment.Lees(q), q.Lijst("thema"));

    public void Controleer(VoortgangData data, Parameters q) => ControleerThemas(Themas, data, q);

    /// <summary>Unknown theme ids are errors too; only the data read knows them.</summary>
    internal static void ControleerThemas(IReadOnlySet<string>? themas, VoortgangData data, Parameters q)
    {
        if (themas is not null)
        {
            q.Binnen("thema", themas, [.. data.Themas.Select(t => t.Id)]);
        }
    }
}

/// <summary>GET /oplossingsrichtingen: the moment, the filters and the page, parsed once; references checked against the data read.</summary>
public sealed record Oplossingsrichtingvraag(
    Leesmoment Moment, IReadOnlySet<string>? Themas, IReadOnlySet<string>? Statussen, string? Partij, string? Zoek, int Page, int PageSize)
{
    public const int StandaardPageSize = 20;
    public const int MaxPageSize = 100;

    public static readonly IReadOnlyList<string> Parameters = [.. Leesmoment.Parameters, "thema", "status", "partij", "zoek", "page", "pageSize"];

    public static Oplossingsrichtingvraag Lees(Parameters q) => new(
        Leesmoment.Lees(q),
        q.Lijst("thema"),
        q.Keuzes("status", Model.Statussen.Alle),
        q.Tekst("partij", 60),
        q.Tekst("zoek"),
        q.Geheel("page", 1, 1, 100_000),
        q.Geheel("pageSize", StandaardPageSize, 1, MaxPageSize));

    public void Controleer(VoortgangData data, Parameters q)
    {
        Themavraag.ControleerThemas(Themas, data, q);

        // Listing all party ids in the error would be long; a short hint to GET /partijen is more useful.
        if (Partij is not null && !data.Partijen.Any(p => p.Id == Partij))
        {
            q.Fout("partij", "onbekendeWaarde", $"'{Queries.Parameters.Kort(Partij)}' is geen bekende partij; zie GET /v1/partijen.");
        }
    }
}
