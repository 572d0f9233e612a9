using System.Globalization;
using System.IO.Compression;
using SpreadCheetah;

namespace VoortgangApi.OpenData;

/// <summary>
/// The release as one .xlsx for people who work in Excel: a sheet per table with typed cells (numbers, true/false,
/// dates as dates), and a sheet with the source and the licence. The bytes depend only on the release: every zip entry
/// gets the snapshot's moment as its time, so a retried publication writes the same file (and the same SHA-256).
/// </summary>
public static class Werkmap
{
    public static byte[] Maak(Core.Model.Rapportagecyclus cyclus, Uitgave uitgave, OpenDataInstellingen instellingen)
    {
        using var stream = new MemoryStream();
        SchrijfAsync(stream, cyclus, uitgave, instellingen).AsTask().GetAwaiter().GetResult();
        return Vastgezet(stream.ToArray(), cyclus.Momentopname!.GenomenOp);
    }

    private static async ValueTask SchrijfAsync(Stream stream, Core.Model.Rapportagecyclus cyclus, Uitgave uitgave, OpenDataInstellingen instellingen)
    {
        // No document properties: they carry the moment of writing, and the bytes must depend on the release alone.
        await using var werkmap = await Spreadsheet.CreateNewAsync(stream, new SpreadCheetahOptions { DocumentProperties = null });
        var datum = werkmap.AddStyle(new SpreadCheetah.Styling.Style { Format = SpreadCheetah.Styling.NumberFormat.Custom("yyyy-mm-dd") });
        foreach (var tabel in Tabellen.Van(uitgave))
        {
            await werkmap.StartWorksheetAsync(tabel.Naam);
            await werkmap.AddRowAsync([.. tabel.Velden.Select(v => new Cell(v.Naam))]);
            foreach (var rij in tabel.Rijen(uitgave))
            {
                await werkmap.AddRowAsync([.. rij.Select((waarde, i) => Cel(tabel.Velden[i].Type, waarde, datum))]);
            }
        }

        await werkmap.StartWorksheetAsync("bron en licentie");
        foreach (var (sleutel, waarde) in new[]
        {
            ("Titel", cyclus.Titel),
            ("Peildatum", cyclus.Peildatum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Kamerbrief", $"{cyclus.Kamerbrief.Kamerstuk ?? "(nog zonder nummer)"}, {cyclus.Kamerbrief.Datum:yyyy-MM-dd}"),
            ("Inhoud-hash", cyclus.Momentopname!.InhoudHash),
            ("Uitgever", instellingen.ContactNaam),
            ("Licentie", "CC0 1.0 Universeel, https://creativecommons.org/publicdomain/zero/1.0/"),
            ("Vindplaats", instellingen.Url(Layout.Map(cyclus.Id))),
        })
        {
            await werkmap.AddRowAsync([new Cell(sleutel), new Cell(waarde)]);
        }

        await werkmap.FinishAsync();
    }

    private static Cell Cel(string type, string? waarde, SpreadCheetah.Styling.StyleId datum) => waarde switch
    {
        null or "" => new Cell(""),
        _ when type == "integer" => new Cell(int.Parse(waarde, CultureInfo.InvariantCulture)),
        _ when type == "boolean" => new Cell(waarde == "true"),
        _ when type == "date" => new Cell(DateTime.ParseExact(waarde, "yyyy-MM-dd", CultureInfo.InvariantCulture), datum),
        _ => new Cell(waarde),
    };

    // A zip records when each entry was written; pin that to the snapshot's moment so the bytes never vary.
    private static byte[] Vastgezet(byte[] xlsx, DateTimeOffset moment)
    {
        using var uit = new MemoryStream();
        using (var bron = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read))
        using (var doel = new ZipArchive(uit, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in bron.Entries)
            {
                var kopie = doel.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                kopie.LastWriteTime = new DateTimeOffset(moment.UtcDateTime.Date, TimeSpan.Zero);
                using var lees = entry.Open();
                using var schrijf = kopie.Open();
                lees.CopyTo(schrijf);
            }
        }

        return uit.ToArray();
    }
}
