using System.Drawing;
using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Validations;
using SpreadCheetah.Worksheets;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Invulblad;

/// <summary>
/// Writes the invulblad: one row per solution direction with its current status (locked), empty yellow cells for a new
/// status (unlocked), drop-down lists for the vocabularies and a sheet that explains the columns and the rules.
/// SpreadCheetah writes cells, styles and validations but not sheet protection; that is added to its XML afterwards.
/// </summary>
public static class InvulbladSchrijver
{
    // The fill of the cells an official fills in; the post-processing unlocks exactly the styles that use it.
    private static readonly Color Invulkleur = Color.FromArgb(0xFF, 0xFF, 0xF4, 0xC2);

    public static byte[] Maak(VoortgangData data, DateOnly vandaag)
    {
        using var stroom = new MemoryStream();
        SchrijfAsync(stroom, data, vandaag).AsTask().GetAwaiter().GetResult();
        return Beveiligd(stroom.ToArray());
    }

    private static async ValueTask SchrijfAsync(Stream stroom, VoortgangData data, DateOnly vandaag)
    {
        await using var werkmap = await Spreadsheet.CreateNewAsync(stroom);
        var kop = werkmap.AddStyle(new Style { Font = { Bold = true }, Fill = { Color = Color.FromArgb(0xFF, 0xDD, 0xE6, 0xF0) } });
        var datum = werkmap.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
        var invullen = werkmap.AddStyle(new Style { Fill = { Color = Invulkleur } });
        var invullenDatum = werkmap.AddStyle(new Style { Fill = { Color = Invulkleur }, Format = NumberFormat.Custom("yyyy-mm-dd") });

        var opties = new WorksheetOptions { FrozenRows = 1, FrozenColumns = 1 };
        for (var i = 0; i < Kolommen.Alle.Count; i++)
        {
            opties.Column(i + 1).Width = Kolommen.Alle[i].Breedte;
        }

        await werkmap.StartWorksheetAsync(Kolommen.Blad, opties);
        await werkmap.AddRowAsync([.. Kolommen.Alle.Select(k => new Cell(k.Kop, kop))]);
        var themas = data.Themas.ToDictionary(t => t.Id, t => t.Naam, StringComparer.Ordinal);
        foreach (var o in data.Oplossingsrichtingen.OrderBy(o => o.Id, StringComparer.Ordinal))
        {
            var s = o.Status;
            await werkmap.AddRowAsync(
            [
                new Cell(o.Id), new Cell(o.ThemaId is { } t && themas.TryGetValue(t, out var naam) ? naam : "programma als geheel"), new Cell(o.Titel),
                new Cell(s.Status), new Cell(s.Peildatum.ToDateTime(TimeOnly.MinValue), datum), new Cell(s.Zekerheid), new Cell(s.Bron?.Titel ?? ""),
                .. Kolommen.InTeVullen.Select(k => new Cell("", k.Pad is "$.peildatum" or "$.bron.datum" ? invullenDatum : invullen)),
            ]);
        }

        var laatste = Math.Max(2, data.Oplossingsrichtingen.Count + 1);
        Lijst(werkmap, "H", laatste, Statussen.Alle, "Kies een status uit de lijst.");
        Lijst(werkmap, "J", laatste, Zekerheden.Alle, "bevestigd, afgeleid of onbekend.");
        Lijst(werkmap, "L", laatste, Bronsoorten.Alle, "kamerbrief, nota, overheid of derden.");
        foreach (var kolom in new[] { "I", "M" })
        {
            var geldig = DataValidation.DateTimeBetween(new DateTime(2000, 1, 1), vandaag.ToDateTime(TimeOnly.MinValue));
            geldig.ErrorTitle = "Datum";
            geldig.ErrorMessage = $"Een datum van 2000-01-01 tot en met vandaag ({vandaag:yyyy-MM-dd}).";
            werkmap.AddDataValidation($"{kolom}2:{kolom}{laatste}", geldig);
        }

        await werkmap.StartWorksheetAsync(Kolommen.UitlegBlad, new WorksheetOptions().MetBreedtes(28, 110));
        foreach (var (links, rechts) in Uitleg(vandaag))
        {
            await werkmap.AddRowAsync([new Cell(links, links.Length > 0 && rechts.Length == 0 ? kop : null), new Cell(rechts)]);
        }

        await werkmap.FinishAsync();
    }

    private static WorksheetOptions MetBreedtes(this WorksheetOptions opties, params double[] breedtes)
    {
        for (var i = 0; i < breedtes.Length; i++)
        {
            opties.Column(i + 1).Width = breedtes[i];
        }

        return opties;
    }

    private static void Lijst(Spreadsheet werkmap, string kolom, int laatste, IReadOnlyList<string> waarden, string uitleg)
    {
        var lijst = DataValidation.ListValues(waarden);
        lijst.ErrorTitle = "Kies uit de lijst";
        lijst.ErrorMessage = uitleg;
        werkmap.AddDataValidation($"{kolom}2:{kolom}{laatste}", lijst);
    }

    private static IEnumerable<(string, string)> Uitleg(DateOnly vandaag)
    {
        yield return ("Invulblad Voortgang API", "");
        yield return ("Gemaakt op", vandaag.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return ("Zo werkt het", "Vul per oplossingsrichting waarvan de status verandert de gele cellen in. Laat rijen zonder wijziging leeg. " +
            "Upload het blad eerst als proef (er wordt dan niets vastgelegd): u ziet per rij wat er vastgelegd zou worden en elke fout met rij en kolom. " +
            "Klopt alles, upload het dan zonder proef: alle ingevulde rijen worden in één keer vastgelegd, of geen enkele.");
        yield return ("Nogmaals uploaden", "Hetzelfde blad nog eens uploaden legt niets nieuws vast.");
        yield return ("", "");
        yield return ("Kolommen", "");
        foreach (var k in Kolommen.Alle)
        {
            yield return ($"{k.Letter}: {k.Kop}", (k.Invullen ? "In te vullen. " : "Alleen lezen. ") + k.Uitleg);
        }

        yield return ("", "");
        yield return ("Regels", "");
        yield return ("Status", string.Join(", ", Statussen.Alle) + ".");
        yield return ("Zekerheid", "bevestigd vraagt een bron met een datum; afgeleid als de status uit de bronnen volgt maar " +
            "er niet letterlijk staat (de toelichting zegt waarom; verplicht); onbekend als niemand het weet. De bron is nooit van na de peildatum.");
        yield return ("Datums", "Een datum als datum of als tekst jjjj-mm-dd (of dd-mm-jjjj); niet vóór 2000 en niet in de toekomst.");
        yield return ("Bron", "Elke nieuwe status noemt een openbare bron: titel en soort; datum, url en kamerstuk waar bekend. Geen namen van personen.");
        yield return ("Niet toegestaan", "Formules, macro's, een gewijzigde kopregel, een id dat de API niet kent, of een id dat twee keer voorkomt: " +
            "dan wordt het hele bestand geweigerd.");
        yield return ("Grenzen", $"Hooguit {Invulbladregels.MaxBytes / (1024 * 1024)} MiB, {XlsxLezer.MaxRijen} rijen, " +
            $"{XlsxLezer.MaxUitgepakt / (1024 * 1024)} MiB uitgepakt en {Invulbladregels.MaxIngevuld} ingevulde rijen per upload.");
    }

    // Turns on sheet protection for the invulblad and unlocks the styles with the fill colour: the current status
    // cannot be typed over by mistake, the new-status cells can. No password: it guards against slips, not people.
    private static byte[] Beveiligd(byte[] xlsx)
    {
        using var uit = new MemoryStream();
        using (var bron = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read))
        using (var doel = new ZipArchive(uit, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in bron.Entries)
            {
                string tekst;
                using (var lees = new StreamReader(entry.Open()))
                {
                    tekst = lees.ReadToEnd();
                }

                tekst = entry.FullName switch
                {
                    "xl/styles.xml" => Ontgrendeld(tekst),
                    "xl/worksheets/sheet1.xml" => tekst.Replace("</sheetData>",
                        "</sheetData><sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\" autoFilter=\"0\" sort=\"0\"/>",
                        StringComparison.Ordinal),
                    _ => tekst,
                };
                using var schrijf = new StreamWriter(doel.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open());
                schrijf.Write(tekst);
            }
        }

        return uit.ToArray();
    }

    private static string Ontgrendeld(string styles)
    {
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var doc = XDocument.Parse(styles);
        var kleur = $"{Invulkleur.A:X2}{Invulkleur.R:X2}{Invulkleur.G:X2}{Invulkleur.B:X2}";
        var fills = doc.Root!.Element(ns + "fills")!.Elements(ns + "fill").ToList();
        var index = fills.FindIndex(f => f.Descendants(ns + "fgColor").Any(c => string.Equals((string?)c.Attribute("rgb"), kleur, StringComparison.OrdinalIgnoreCase)));
        foreach (var xf in doc.Root.Element(ns + "cellXfs")!.Elements(ns + "xf").Where(x => (string?)x.Attribute("fillId") == index.ToString(CultureInfo.InvariantCulture)))
        {
            xf.SetAttributeValue("applyProtection", "1");
            xf.Add(new XElement(ns + "protection", new XAttribute("locked", "0")));
        }

        return doc.Declaration + doc.ToString(SaveOptions.DisableFormatting);
    }
}
