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

    // Sized to what an invulblad can hold (16 columns, at most 1,000 rows, texts of at most a few thousand characters),
    // so the work per upload is bounded by the form, not only by the inflate budget: a small file of a million empty
    // shared strings, or one row of half a million cells, stops early instead of costing hundreds of MiB.
    public const int MaxCellenPerRij = 100;
    public const int MaxGedeeldeTeksten = 20_000;
    public const long MaxTekens = 4_000_000;

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

            // The stated sizes, summed without overflow: a Zip64 directory can claim 2^62 bytes per entry.
            var gemeld = 0L;
            foreach (var e in zip.Entries)
            {
                gemeld += Math.Min(e.Length, MaxUitgepakt + 1);
                if (e.Length < 0 || gemeld > MaxUitgepakt)
                {
                    throw new OnleesbareWerkmapException("teGrootUitgepakt", $"de werkmap is uitgepakt groter dan {MaxUitgepakt / (1024 * 1024)} MiB.", teGroot: true);
                }
            }

            var budget = new Budget();
            try
            {
                var typen = Tekst(zip, "[Content_Types].xml", budget)
                    ?? throw new OnleesbareWerkmapException("geenXlsx", "het bestand is geen Excel-werkmap (.xlsx): [Content_Types].xml ontbreekt.");
                if (typen.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || typen.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)
                    || zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
                {
                    throw new OnleesbareWerkmapException("macros", "de werkmap bevat macro's (.xlsm); sla hem op als gewone Excel-werkmap (.xlsx) zonder macro's.");
                }

                var (pad, datum1904) = Blad(zip, blad, budget);
                var gedeeld = GedeeldeTeksten(zip, budget);
                using var stroom = Open(zip, pad, budget) ?? throw new OnleesbareWerkmapException("geenXlsx", $"het blad '{blad}' ontbreekt in het archief.");
                return (Rijen(stroom, gedeeld, budget), datum1904);
            }
            catch (Exception ex) when (ex is XmlException or InvalidDataException or NotSupportedException or System.Text.DecoderFallbackException)
            {
                // Broken XML, a DTD (refused: no entity is ever expanded), a damaged deflate stream or a compression method
                // that zip readers do not support: a bad file, not our fault.
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
                if (teksten.Count >= MaxGedeeldeTeksten)
                {
                    throw new OnleesbareWerkmapException("teVeelTeksten", $"de werkmap heeft meer dan {MaxGedeeldeTeksten} gedeelde teksten.", teGroot: true);
                }

                teksten.Add(Teksten(xml.ReadSubtree(), budget));
            }
        }

        return teksten;
    }

    // The text of an <si> or <is>: its <t>, or the <t> of each rich-text run; phonetic hints (<rPh>) are not the text.
    private static string Teksten(XmlReader sub, Budget budget)
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
                    var deel = sub.ReadElementContentAsString();
                    tekst.Append(deel);
                    budget.Tekens -= deel.Length;
                    if (budget.Tekens < 0)
                    {
                        throw new OnleesbareWerkmapException("teVeelTekst", $"de werkmap bevat meer dan {MaxTekens} tekens tekst.", teGroot: true);
                    }
                }
                else
                {
                    sub.Read();
                }
            }
        }

        return tekst.ToString();
    }

    private static List<Rij> Rijen(Stream stroom, List<string> gedeeld, Budget budget)
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
                        if (positie >= MaxCellenPerRij)
                        {
                            throw new OnleesbareWerkmapException("teVeelCellen", $"rij {nummer} heeft meer dan {MaxCellenPerRij} cellen.", teGroot: true);
                        }

                        var kolom = rij.GetAttribute("r") is { } refr ? Kolom(refr) : Letters(positie);
                        positie++;
                        var cel = Cel(kolom, rij.GetAttribute("t"), rij.ReadSubtree(), gedeeld, budget);
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

    private static Cel Cel(string kolom, string? type, XmlReader sub, List<string> gedeeld, Budget budget)
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
                    inline = Teksten(sub.ReadSubtree(), budget);
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

        /// <summary>Characters of text still allowed (shared and inline strings together).</summary>
        public long Tekens { get; set; } = MaxTekens;
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
