using System.Buffers.Text;
using System.Globalization;
using System.Text;
using VoortgangApi.Core.Historie;

namespace VoortgangApi.Core.Queries;

/// <summary>A status entry in an item's history, with the entry that corrected it (if any).</summary>
public sealed record StatusregelInHistorie(
    string Id, string OplossingsrichtingId, string Status, DateOnly Peildatum, string Zekerheid, Model.Bron Bron,
    string? Toelichting, string? Vervangt, string? VervangenDoor, DateTimeOffset VastgelegdOp);

/// <summary>Everything recorded about one solution direction, in recording order.</summary>
public sealed record ItemHistorie(string Id, IReadOnlyList<StatusregelInHistorie> Statussen, IReadOnlyList<Revisie> Revisies);

/// <summary>One page of the change feed; <see cref="Cursor"/> is where the next page starts (also when this one is the last, for later).</summary>
public sealed record Wijzigingenpagina(IReadOnlyList<Logregel> Wijzigingen, string Cursor, bool MeerBeschikbaar);

/// <summary>The history of an item and the change feed: the log itself, read from memory.</summary>
public sealed class HistorieQueries(Voortgangslezer bron)
{
    public const int StandaardPageSize = 100;
    public const int MaxPageSize = 1000;
    public static readonly IReadOnlyList<string> WijzigingenParameters = ["na", "pageSize"];

    public async Task<Resultaat<ItemHistorie>> HistorieAsync(string id, Parameters query, CancellationToken ct)
    {
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        var regels = await ItemAsync(id, ct);
        var revisies = regels.Select(r => r.Revisie).OfType<Revisie>().ToList();
        if (revisies.Count == 0)
        {
            return Probleem.NietGevonden($"Er is geen oplossingsrichting met id '{Parameters.Kort(id)}'.");
        }

        var statussen = regels.Select(r => r.Status).OfType<Statusregel>().ToList();
        var vervangenDoor = statussen.Where(s => s.Vervangt is not null).ToDictionary(s => s.Vervangt!, s => s.Id, StringComparer.Ordinal);
        return new ItemHistorie(id,
            [.. statussen.Select(s => new StatusregelInHistorie(s.Id, s.OplossingsrichtingId, s.Status, s.Peildatum, s.Zekerheid, s.Bron,
                s.Toelichting, s.Vervangt, vervangenDoor.GetValueOrDefault(s.Id), s.VastgelegdOp))],
            revisies);
    }

    public async Task<Resultaat<Statusregel>> StatusregelAsync(string id, string statusId, Parameters query, CancellationToken ct)
    {
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        return (await ItemAsync(id, ct)).FirstOrDefault(r => r.Status?.Id == statusId)?.Status is { } s
            ? s
            : Probleem.NietGevonden($"Er is geen statusregel '{Parameters.Kort(statusId)}' bij oplossingsrichting '{Parameters.Kort(id)}'.");
    }

    /// <summary>The lines after the cursor, in recording order; the log is gapless, so paging never skips or repeats one.</summary>
    public async Task<Resultaat<Wijzigingenpagina>> WijzigingenAsync(Parameters query, CancellationToken ct)
    {
        var na = Cursor(query);
        var pageSize = query.Geheel("pageSize", StandaardPageSize, 1, MaxPageSize);
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        var (stand, pagina) = await bron.RegelsNaAsync(na, pageSize, ct); // a page, not a pass
        var tot = pagina.Count == 0 ? na : pagina[^1].Volgnummer;
        return new Wijzigingenpagina(pagina, MaakCursor(tot), tot < stand.Volgnummer);
    }

    // A solution direction's lines (its statuses and text revisions), in recording order; after a start from its own parts.
    private async Task<IReadOnlyList<Logregel>> ItemAsync(string id, CancellationToken ct) =>
        (await bron.ItemregelsAsync(_ => [Itemdelen.Sleutel(Itemsoorten.Oplossingsrichting, id)], null, ct)).Regels;

    /// <summary>An opaque cursor: the number of the last line seen, base64url-encoded with a version prefix.</summary>
    public static string MaakCursor(long volgnummer) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes("v1:" + volgnummer.ToString(CultureInfo.InvariantCulture)));

    private static long Cursor(Parameters query)
    {
        var tekst = query.Tekst("na", 40);
        if (tekst is null)
        {
            return 0;
        }

        try
        {
            var ruw = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(tekst));
            if (ruw.StartsWith("v1:", StringComparison.Ordinal)
                && long.TryParse(ruw[3..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 0)
            {
                return n;
            }
        }
        catch (FormatException)
        {
            // Falls through to the problem below.
        }

        query.Fout("na", "ongeldigeCursor", "gebruik een cursor uit een eerder antwoord (veld cursor of de Link-header), of laat na weg om vooraan te beginnen.");
        return 0;
    }
}
