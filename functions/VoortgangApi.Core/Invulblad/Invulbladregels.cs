using System.Globalization;
using System.Text.Json.Nodes;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Invulblad;

/// <summary>An error in one cell of the uploaded workbook, as an official finds it in Excel: sheet, row, column and why.</summary>
public sealed record Celfout(string Blad, int Rij, string Kolom, string Kolomnaam, string Code, string Reden)
{
    public string Cel => $"{Blad}!{Kolom}{Rij}";

    public OngeldigeInvoer AlsInvoer() => new(Cel, Code, $"rij {Rij}, kolom {Kolom} ({Kolomnaam}): {Reden}");
}

/// <summary>A row of the workbook for a known item: the body its filled cells stand for (the write API's JSON), or null when none is filled.</summary>
public sealed record IngevuldeRij(int Rij, string Id, string? Json);

/// <summary>
/// Turns the invulblad's rows into write-API bodies. What makes the whole file unusable (a changed header, a formula,
/// an unknown or repeated id) is a <see cref="Probleem"/>; what is wrong in a filled row is judged later by the write
/// API's own rules, so a row in the workbook and a POST with the same values get the same answer.
/// </summary>
public static class Invulbladregels
{
    public const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>At most this many rows are recorded in one upload: they go into one append.</summary>
    public const int MaxIngevuld = Toevoeging.MaxRegels;

    public static Resultaat<IReadOnlyList<IngevuldeRij>> Lees(byte[] bestand, VoortgangData huidig)
    {
        IReadOnlyList<Rij> rijen;
        bool datum1904;
        try
        {
            (rijen, datum1904) = XlsxLezer.Lees(bestand, Kolommen.Blad);
        }
        catch (OnleesbareWerkmapException fout)
        {
            return new Probleem(fout.TeGroot ? ProbleemSoort.TeGroot : ProbleemSoort.OngeldigeInvoer, $"bestand: {fout.Message}", [new("bestand", fout.Code, fout.Message)]);
        }

        var fouten = new List<Celfout>();
        var kop = rijen.FirstOrDefault(r => r.Nummer == 1);
        foreach (var k in Kolommen.Alle.Where(k => kop?.Tekst(k.Letter) != k.Kop))
        {
            fouten.Add(new(Kolommen.Blad, 1, k.Letter, k.Kop, "kopGewijzigd", $"de kop hoort '{k.Kop}' te zijn, niet '{Queries.Parameters.Kort(kop?.Tekst(k.Letter) ?? "")}'; download een nieuw invulblad."));
        }

        var bekend = huidig.Oplossingsrichtingen.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var gezien = new Dictionary<string, int>(StringComparer.Ordinal);
        var ingevuld = new List<IngevuldeRij>();
        foreach (var rij in rijen.Where(r => r.Nummer > 1))
        {
            foreach (var cel in rij.Cellen.Values.Where(c => c.IsFormule))
            {
                fouten.Add(new(Kolommen.Blad, rij.Nummer, cel.Kolom, Naam(cel.Kolom), "formule", "hier hoort een waarde, geen formule; plak de waarde (Plakken speciaal → Waarden)."));
            }

            var id = rij.Tekst("A");
            var gevuld = Kolommen.InTeVullen.Any(k => rij.Tekst(k.Letter).Length > 0);
            if (id.Length == 0)
            {
                if (gevuld)
                {
                    fouten.Add(new(Kolommen.Blad, rij.Nummer, "A", "id", "idOntbreekt", "een ingevulde rij zonder id; het id hoort bij de rij."));
                }

                continue;
            }

            if (!bekend.Contains(id))
            {
                fouten.Add(new(Kolommen.Blad, rij.Nummer, "A", "id", "onbekendId", $"'{Queries.Parameters.Kort(id)}' is geen oplossingsrichting die de API kent; download een nieuw invulblad."));
            }
            else if (!gezien.TryAdd(id, rij.Nummer))
            {
                fouten.Add(new(Kolommen.Blad, rij.Nummer, "A", "id", "dubbelId", $"{id} staat ook al in rij {gezien[id]}."));
            }
            else
            {
                ingevuld.Add(new IngevuldeRij(rij.Nummer, id, gevuld ? Body(rij, datum1904) : null));
            }
        }

        if (fouten.Count == 0 && ingevuld.Count(r => r.Json is not null) > MaxIngevuld)
        {
            return new Probleem(ProbleemSoort.TeGroot, $"bestand: hooguit {MaxIngevuld} ingevulde rijen per upload.", [new("bestand", "teVeelIngevuld", $"hooguit {MaxIngevuld} ingevulde rijen per upload.")]);
        }

        return fouten.Count > 0 ? Probleem.Ongeldig([.. fouten.Select(f => f.AlsInvoer())]) : ingevuld;
    }

    /// <summary>The column's header for a letter (or the letter itself for a column the invulblad does not have).</summary>
    public static string Naam(string letter) => Kolommen.Alle.FirstOrDefault(k => k.Letter == letter)?.Kop ?? $"kolom {letter}";

    // The row as the body of POST …/statussen: only what is filled; dates from a date cell or text in either order.
    private static string Body(Rij rij, bool datum1904)
    {
        var body = new JsonObject();
        var bron = new JsonObject();
        foreach (var k in Kolommen.InTeVullen)
        {
            var tekst = rij.Tekst(k.Letter);
            if (tekst.Length == 0)
            {
                continue;
            }

            var waarde = k.Pad is "$.peildatum" or "$.bron.datum" ? Datum(tekst, rij.Cellen[k.Letter].IsGetal, datum1904) : tekst;
            if (k.Pad!.StartsWith("$.bron.", StringComparison.Ordinal))
            {
                bron[k.Pad["$.bron.".Length..]] = waarde;
            }
            else
            {
                body[k.Pad[2..]] = waarde;
            }
        }

        if (bron.Count > 0)
        {
            body["bron"] = bron;
        }

        return body.ToJsonString(VoortgangJson.Options);
    }

    private static string Datum(string tekst, bool isGetal, bool datum1904)
    {
        if (isGetal && double.TryParse(tekst, NumberStyles.Float, CultureInfo.InvariantCulture, out var serieel) && serieel is > 0 and < 2958466)
        {
            // Excel counts days from 1899-12-30 (its 1900 system, leap-year bug included) or from 1904-01-01.
            var dag = DateTime.FromOADate(Math.Floor(serieel)).AddDays(datum1904 ? 1462 : 0);
            return dag.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        string[] vormen = ["yyyy-MM-dd", "d-M-yyyy", "d/M/yyyy", "yyyy-MM-ddTHH:mm:ss"];
        return DateOnly.TryParseExact(tekst, vormen, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : tekst;
    }

    /// <summary>Whether an entry says exactly what the current status already says (then there is nothing to record).</summary>
    public static bool IsOngewijzigd(StatusInvoer invoer, StatusOpPeildatum huidig) =>
        huidig.Id is not null && invoer.Vervangt is null && invoer.Status == huidig.Status && invoer.Peildatum == huidig.Peildatum
        && invoer.Zekerheid == huidig.Zekerheid && invoer.Bron == huidig.Bron && invoer.Toelichting == huidig.Toelichting;
}
