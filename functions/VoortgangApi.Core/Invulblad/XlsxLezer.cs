using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace VoortgangApi.Core.Invulblad;

/// <summary>One cell as the file holds it: its text (a shared string resolved), whether it is a number, and whether a formula made it.</summary>
public sealed record Cel(string Kolom, string Tekst, bool IsGetal, bool IsFormule);

/// <summary>One row of a sheet, with its number as Excel shows it.</summary>
public sealed record Rij(int Nummer, IReadOnlyDictionary<string, Cel> Cellen)
{
    public string Tekst(string kolom) => Cellen.TryGetValue(kolom, out var c) ? c.Tekst.Trim() : "";
}

/// <summary>Why an uploaded file cannot be read as a workbook; <see cref="TeGroot"/> when a limit stopped it.</summary>
public sealed class OnleesbareWerkmapException(string code, string reden, bool teGroot = false) : Exception(reden)
{
    public string Code { get; } = code;
    public bool TeGroot { get; } = teGroot;
}

/// <summary>
/// Reads the values of one sheet of an .xlsx without trusting it: the zip and its XML are read with limits on entries,
/// uncompressed bytes (counted while inflating, not taken from the zip's own claims) and rows; no DTDs or external
/// entities; a workbook with macros is refused before anything in it is read. Only values are taken: a formula is
/// reported as such, never evaluated, and its cached result is not trusted as a value.
/// </summary>
public static class XlsxLezer
{
    public const int MaxOnderdelen = 200;
    public const long MaxUitgepakt = 16 * 1024 * 1024;
    public const int MaxRijen = 1000;

    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Veilig = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = false, IgnoreComments = true, MaxCharactersFromEntities = 0,
    };

    /// <summary>The rows of the sheet named <paramref name="blad"/>, and whether the workbook counts dates from 1904.</summary>
    /// <exception cref="OnleesbareWerkmapException">Not an xlsx, macros, a limit passed, or no such sheet.</exception>
    public static (IReadOnlyList<Rij> Rijen, bool Datum1904) Lees(byte[] bestand, string blad)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bestand, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new OnleesbareWerkmapException("geenXlsx", "het bestand is geen Excel-werkmap (.xlsx): het is geen zip-archief.");
        }

        using (zip)
        {
            if (zip.Entries.Count > MaxOnderdelen)
            {
                throw new OnleesbareWerkmapException("teVeelOnderdelen", $"de werkmap heeft meer dan {MaxOnderdelen} onderdelen.", teGroot: true);
            }

            if (zip.Entries.Sum(e => e.Length) > MaxUitgepakt)
            {
                throw new OnleesbareWerkmapException("teGrootUitgepakt", $"de werkmap is uitgepakt groter dan {MaxUitgepakt / (1024 * 1024)} MiB.", teGroot: true);
            }

            var budget = new Budget();
            var typen = Tekst(zip, "[Content_Types].xml", budget)
                ?? throw new OnleesbareWerkmapException("geenXlsx", "het bestand is geen Excel-werkmap (.xlsx): [Content_Types].xml ontbreekt.");
            if (typen.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || typen.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)
                || zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                throw new OnleesbareWerkmapException("macros", "de werkmap bevat macro's (.xlsm); sla hem op als gewone Excel-werkmap (.xlsx) zonder macro's.");
            }

            try
            {
                var (pad, datum1904) = Blad(zip, blad, budget);
                var gedeeld = GedeeldeTeksten(zip, budget);
                using var stroom = Open(zip, pad, budget) ?? throw new OnleesbareWerkmapException("geenXlsx", $"het blad '{blad}' ontbreekt in het archief.");
                return (Rijen(stroom, gedeeld), datum1904);
            }
            catch (Exception ex) when (ex is XmlException or InvalidDataException)
            {
                // Broken XML, a DTD (refused: no entity is ever expanded) or a damaged deflate stream: a bad file, not our fault.
                throw new OnleesbareWerkmapException("onleesbaar", "de werkmap is beschadigd of bevat XML die de API niet leest (zoals een DTD).");
            }
        }
    }

    /// <summary>A column letter (A, B, …, AA) from a cell reference such as "H12".</summary>
    public static string Kolom(string referentie) => new([.. referentie.TakeWhile(char.IsAsciiLetter)]);

    private static string Letters(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            s = (char)('A' + ((n - 1) % 26)) + s;
        }

        return s;
    }

    private static (string Pad, bool Datum1904) Blad(ZipArchive zip, string naam, Budget budget)
    {
        string? relatie = null;
        var datum1904 = false;
        using (var stroom = Open(zip, "xl/workbook.xml", budget) ?? throw new OnleesbareWerkmapException("geenXlsx", "het bestand is geen Excel-werkmap: xl/workbook.xml ontbreekt."))
        using (var xml = Lezer(stroom))
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != MainNs)
                {
                    continue;
                }

                if (xml.LocalName == "workbookPr")
                {
                    datum1904 = xml.GetAttribute("date1904") is "1" or "true";
                }
                else if (xml.LocalName == "sheet" && xml.GetAttribute("name") == naam)
                {
                    relatie = xml.GetAttribute("id", RelNs);
                }
            }
        }

        if (relatie is null)
        {
            throw new OnleesbareWerkmapException("bladOntbreekt", $"de werkmap heeft geen blad '{naam}'; gebruik het invulblad zoals het gedownload is.");
        }

        using (var stroom = Open(zip, "xl/_rels/workbook.xml.rels", budget) ?? throw new OnleesbareWerkmapException("geenXlsx", "xl/_rels/workbook.xml.rels ontbreekt."))
        using (var xml = Lezer(stroom))
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") == relatie)
                {
                    var doel = xml.GetAttribute("Target") ?? "";
                    return (doel.StartsWith('/') ? doel.TrimStart('/') : "xl/" + doel, datum1904);
                }
            }
        }

        throw new OnleesbareWerkmapException("geenXlsx", $"het blad '{naam}' verwijst naar een onderdeel dat er niet is.");
    }

    private static List<string> GedeeldeTeksten(ZipArchive zip, Budget budget)
    {
        var teksten = new List<string>();
        using var stroom = Open(zip, "xl/sharedStrings.xml", budget);
        if (stroom is null)
        {
            return teksten;
        }

        using var xml = Lezer(stroom);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                teksten.Add(Teksten(xml.ReadSubtree()));
            }
        }

        return teksten;
    }

    // The text of an <si> or <is>: its <t>, or the <t> of each rich-text run; phonetic hints (<rPh>) are not the text.
    private static string Teksten(XmlReader sub)
    {
        var tekst = new System.Text.StringBuilder();
        using (sub)
        {
            sub.Read();
            while (!sub.EOF)
            {
                if (sub.NodeType == XmlNodeType.Element && sub.LocalName == "rPh")
                {
                    sub.Skip();
                }
                else if (sub.NodeType == XmlNodeType.Element && sub.LocalName == "t")
                {
                    tekst.Append(sub.ReadElementContentAsString());
                }
                else
                {
                    sub.Read();
                }
            }
        }

        return tekst.ToString();
    }

    private static List<Rij> Rijen(Stream stroom, List<string> gedeeld)
    {
        var rijen = new List<Rij>();
        using var xml = Lezer(stroom);
        var volgende = 1;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                continue;
            }

            if (rijen.Count >= MaxRijen)
            {
                throw new OnleesbareWerkmapException("teVeelRijen", $"het blad heeft meer dan {MaxRijen} rijen.", teGroot: true);
            }

            var nummer = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : volgende;
            volgende = nummer + 1;
            var cellen = new Dictionary<string, Cel>(StringComparer.Ordinal);
            using (var rij = xml.ReadSubtree())
            {
                var positie = 0;
                while (rij.Read())
                {
                    if (rij.NodeType == XmlNodeType.Element && rij.LocalName == "c")
                    {
                        var kolom = rij.GetAttribute("r") is { } refr ? Kolom(refr) : Letters(positie);
                        positie++;
                        var cel = Cel(kolom, rij.GetAttribute("t"), rij.ReadSubtree(), gedeeld);
                        if (cel.IsFormule || cel.Tekst.Length > 0)
                        {
                            cellen[kolom] = cel;
                        }
                    }
                }
            }

            rijen.Add(new Rij(nummer, cellen));
        }

        return rijen;
    }

    private static Cel Cel(string kolom, string? type, XmlReader sub, List<string> gedeeld)
    {
        string? waarde = null;
        string? inline = null;
        var formule = false;
        using (sub)
        {
            sub.Read();
            while (!sub.EOF)
            {
                if (sub.NodeType == XmlNodeType.Element && sub.LocalName == "v")
                {
                    waarde = sub.ReadElementContentAsString();
                }
                else if (sub.NodeType == XmlNodeType.Element && sub.LocalName == "is")
                {
                    inline = Teksten(sub.ReadSubtree());
                    sub.Read();
                }
                else
                {
                    formule |= sub.NodeType == XmlNodeType.Element && sub.LocalName == "f";
                    sub.Read();
                }
            }
        }

        var tekst = type switch
        {
            "s" => int.TryParse(waarde, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < gedeeld.Count ? gedeeld[i] : "",
            "inlineStr" => inline ?? "",
            "b" => waarde == "1" ? "WAAR" : "ONWAAR",
            _ => waarde ?? "",
        };
        return new Cel(kolom, tekst, type is null or "n" && waarde is not null, formule);
    }

    private static XmlReader Lezer(Stream stroom) => XmlReader.Create(stroom, Veilig);

    private static string? Tekst(ZipArchive zip, string pad, Budget budget)
    {
        using var stroom = Open(zip, pad, budget);
        return stroom is null ? null : new StreamReader(stroom).ReadToEnd();
    }

    private static BegrensdeStroom? Open(ZipArchive zip, string pad, Budget budget) =>
        zip.GetEntry(pad) is { } entry ? new BegrensdeStroom(entry.Open(), budget) : null;

    // What may still be inflated, shared by every part read: the zip's stated sizes can lie, the count cannot.
    private sealed class Budget
    {
        public long Over { get; set; } = MaxUitgepakt;
    }

    private sealed class BegrensdeStroom(Stream binnen, Budget budget) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = binnen.Read(buffer, offset, count);
            budget.Over -= n;
            return budget.Over < 0
                ? throw new OnleesbareWerkmapException("teGrootUitgepakt", $"de werkmap is uitgepakt groter dan {MaxUitgepakt / (1024 * 1024)} MiB.", teGroot: true)
                : n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                binnen.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
