using System.Security.Cryptography;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Validation;

namespace VoortgangApi.Core.Invulblad;

/// <summary>What happens, or would happen, to one row: <c>vastleggen</c> (a dry run), <c>vastgelegd</c>, <c>ongewijzigd</c> or <c>fout</c>.</summary>
public sealed record Rijverslag(int Rij, string Id, string Uitkomst, string Reden, StatusInvoer? Status, string? StatusregelId, IReadOnlyList<Celfout> Fouten);

/// <summary>
/// The answer to an upload: per row what it records (or would), with every error by sheet, row and column; the file's
/// SHA-256; whether this was a dry run, and whether an earlier upload of the same content already recorded it.
/// </summary>
public sealed record Invulbladverslag(bool Proef, bool Geldig, bool Herhaald, string Sha256, int Vastleggen, int Ongewijzigd, int Fouten, IReadOnlyList<Rijverslag> Rijen);

/// <summary>
/// The invulblad round trip: the workbook with the current state, and an upload judged row by row by the write API's
/// own rules (schema, vocabulary, dates, sources), then recorded in one append — all rows or none — at most once per
/// content: the key is the hash of what the filled rows say, so the same file again (or the same rows re-saved by
/// Excel, which changes the bytes but not the content) records nothing new and answers with what the first upload recorded.
/// </summary>
public sealed class InvulbladService(Logboek logboek, Vastlegging vastlegging, SchemaCatalogus schemas, TimeProvider tijd)
{
    public const string Mediatype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The invulblad with the current state, named after today's date in Amsterdam.</summary>
    public async Task<(byte[] Inhoud, string Naam)> DownloadAsync(CancellationToken ct)
    {
        var vandaag = tijd.Vandaag();
        return (InvulbladSchrijver.Maak((await logboek.LeesAsync(ct)).Huidig(vandaag), vandaag), $"invulblad-{vandaag:yyyy-MM-dd}.xlsx");
    }

    /// <summary>The query an upload takes: proef=true for a dry run.</summary>
    public static readonly IReadOnlyCollection<string> UploadParameters = ["proef"];

    public async Task<Resultaat<Invulbladverslag>> VerwerkAsync(byte[] bestand, Queries.Parameters query, Vastlegger door, CancellationToken ct)
    {
        var proef = query.Keuze("proef", ["true", "false"]) == "true";
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bestand));
        var gelezen = Invulbladregels.Lees(bestand, (await logboek.LeesAsync(ct)).Huidig(tijd.Vandaag()));
        if (!gelezen.IsGelukt)
        {
            return gelezen.Probleem!;
        }

        var rijen = new List<(IngevuldeRij Rij, Gelezen<StatusInvoer>? Invoer, List<Celfout> Fouten)>();
        foreach (var rij in gelezen.Waarde!)
        {
            var fouten = new List<Celfout>();
            Gelezen<StatusInvoer>? invoer = null;
            if (rij.Json is not null)
            {
                var r = await Invoer.LeesAsync<StatusInvoer>(schemas, "statusregel-invoer.schema.json", rij.Json);
                invoer = r.Waarde;
                fouten.AddRange(r.Probleem?.Fouten.Select(f => Fout(rij, f)) ?? []);
            }

            rijen.Add((rij, invoer, fouten));
        }

        var inhoud = Vastlegging.Hash(["invulblad", .. rijen.Where(r => r.Invoer is not null).OrderBy(r => r.Rij.Id, StringComparer.Ordinal)
            .Select(r => $"{r.Rij.Id}\n{r.Invoer!.Json}")]);
        if (proef)
        {
            var verslag = Beoordeel(rijen, await logboek.VersAsync(ct));
            return Verslag(true, false, sha, verslag);
        }

        if (rijen.Any(r => r.Fouten.Count > 0))
        {
            return Probleem.Ongeldig([.. rijen.SelectMany(r => r.Fouten).Select(f => f.AlsInvoer())]);
        }

        var geschreven = await vastlegging.EenmaligAsync($"invulblad:{inhoud}", inhoud, stand =>
        {
            var beoordeeld = Beoordeel(rijen, stand);
            return beoordeeld.Any(r => r.Fouten.Count > 0)
                ? Probleem.Ongeldig([.. beoordeeld.SelectMany(r => r.Fouten).Select(f => f.AlsInvoer())])
                : Resultaat<IReadOnlyList<Statusregel>>.Gelukt([.. beoordeeld.Where(r => r.Status is not null).Select(r => Regel(r.Id, r.Status!))]);
        }, door, ct);
        if (!geschreven.IsGelukt)
        {
            return geschreven.Probleem!;
        }

        var vastgelegd = geschreven.Waarde!.Regels.ToDictionary(r => r.OplossingsrichtingId, StringComparer.Ordinal);
        var uitkomst = rijen.Select(r => vastgelegd.TryGetValue(r.Rij.Id, out var regel)
            ? new Rijverslag(r.Rij.Rij, r.Rij.Id, "vastgelegd", "vastgelegd als " + regel.Id, r.Invoer!.Waarde, regel.Id, [])
            : new Rijverslag(r.Rij.Rij, r.Rij.Id, "ongewijzigd", Ongewijzigd(r.Rij), null, null, [])).ToList();
        return Verslag(false, geschreven.Waarde.Herhaald, sha, uitkomst);
    }

    // The write API's rules against this state of the log, per row; Status is set on the rows that would be recorded.
    private List<Rijverslag> Beoordeel(List<(IngevuldeRij Rij, Gelezen<StatusInvoer>? Invoer, List<Celfout> Fouten)> rijen, Logstand stand)
    {
        var vandaag = tijd.Vandaag();
        var huidig = stand.Huidig(vandaag).Oplossingsrichtingen.ToDictionary(o => o.Id, StringComparer.Ordinal);
        return [.. rijen.Select(r =>
        {
            if (r.Fouten.Count > 0)
            {
                return new Rijverslag(r.Rij.Rij, r.Rij.Id, "fout", $"{r.Fouten.Count} fout(en)", null, null, r.Fouten);
            }

            if (r.Invoer is null || Invulbladregels.IsOngewijzigd(r.Invoer.Waarde, huidig[r.Rij.Id].Status))
            {
                return new Rijverslag(r.Rij.Rij, r.Rij.Id, "ongewijzigd", Ongewijzigd(r.Rij), null, null, []);
            }

            var fouten = Statuseisen.Controleer(r.Invoer.Waarde, r.Rij.Id, stand, vandaag).Select(f => Fout(r.Rij, f)).ToList();
            return fouten.Count > 0
                ? new Rijverslag(r.Rij.Rij, r.Rij.Id, "fout", $"{fouten.Count} fout(en)", null, null, fouten)
                : new Rijverslag(r.Rij.Rij, r.Rij.Id, "vastleggen", "wordt vastgelegd als nieuwe status", r.Invoer.Waarde, null, []);
        })];
    }

    private static string Ongewijzigd(IngevuldeRij rij) => rij.Json is null ? "niets ingevuld" : "gelijk aan de huidige status";

    private static Statusregel Regel(string id, StatusInvoer s) =>
        new("", id, s.Status, s.Peildatum, s.Zekerheid, s.Bron, s.Toelichting, s.Vervangt, default);

    private static Celfout Fout(IngevuldeRij rij, OngeldigeInvoer f)
    {
        var kolom = Kolommen.VoorPad(f.Naam);
        return new Celfout(Kolommen.Blad, rij.Rij, kolom.Letter, kolom.Kop, f.Code, f.Reden);
    }

    private static Invulbladverslag Verslag(bool proef, bool herhaald, string sha, List<Rijverslag> rijen) =>
        new(proef, rijen.All(r => r.Fouten.Count == 0), herhaald, sha,
            rijen.Count(r => r.Uitkomst is "vastleggen" or "vastgelegd"), rijen.Count(r => r.Uitkomst == "ongewijzigd"), rijen.Count(r => r.Uitkomst == "fout"), rijen);
}
