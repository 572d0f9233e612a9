using System.IO.Compression;
using System.Text;
using VoortgangApi.Core.Invulblad;

namespace VoortgangApi.Tests.Invulblad;

/// <summary>
/// The workbook reader on files no test of the API writes: what Excel and LibreOffice put in a sheet (rich text with
/// phonetic hints, inline strings, the 1904 date system, booleans), and files that try to harm it.
/// </summary>
public class XlsxLezerTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static byte[] Werkmap(string rijen, string? gedeeld = null, bool datum1904 = false, string? doctype = null)
    {
        using var stroom = new MemoryStream();
        using (var zip = new ZipArchive(stroom, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Zet(string pad, string tekst)
            {
                using var schrijf = new StreamWriter(zip.CreateEntry(pad).Open(), new UTF8Encoding(false));
                schrijf.Write(tekst);
            }

            Zet("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>""");
            Zet("xl/workbook.xml", $"""<?xml version="1.0"?><workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="{(datum1904 ? 1 : 0)}"/><sheets><sheet name="Invulblad" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Zet("xl/_rels/workbook.xml.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/blad.xml"/></Relationships>""");
            Zet("xl/worksheets/blad.xml", $"""<?xml version="1.0"?>{doctype}<worksheet xmlns="{Main}"><sheetData>{rijen}</sheetData></worksheet>""");
            if (gedeeld is not null)
            {
                Zet("xl/sharedStrings.xml", $"""<?xml version="1.0"?><sst xmlns="{Main}">{gedeeld}</sst>""");
            }
        }

        return stroom.ToArray();
    }

    [Fact]
    public void RichTextWithoutItsPhoneticHintsInlineStringsAndBooleansReadAsTheirText()
    {
        var xlsx = Werkmap(
            """<row r="3"><c r="B3" t="s"><v>0</v></c><c r="D3" t="inlineStr"><is><t>in_uitvoering</t></is></c><c r="E3" t="b"><v>1</v></c><c r="F3"><v>45000</v></c></row>""",
            """<si><r><t>Kamer</t></r><r><rPr><b/></rPr><t>brief</t></r><rPh sb="0" eb="1"><t>KAMER</t></rPh></si>""");

        var (rijen, _) = XlsxLezer.Lees(xlsx, "Invulblad");

        var rij = Assert.Single(rijen);
        Assert.Equal(3, rij.Nummer);
        Assert.Equal("Kamerbrief", rij.Tekst("B"));
        Assert.Equal("in_uitvoering", rij.Tekst("D"));
        Assert.Equal("WAAR", rij.Tekst("E"));
        Assert.True(rij.Cellen["F"].IsGetal);
        Assert.False(rij.Cellen["D"].IsGetal);
    }

    [Fact]
    public void TheWorkbooksDateSystemIsReportedSoA1904SerialIsNotReadAsA1900One()
    {
        Assert.True(XlsxLezer.Lees(Werkmap("", datum1904: true), "Invulblad").Datum1904);
        Assert.False(XlsxLezer.Lees(Werkmap(""), "Invulblad").Datum1904);
    }

    [Fact]
    public void ACellMadeByAFormulaIsMarkedAsSuchWhateverItsCachedValue()
    {
        var (rijen, _) = XlsxLezer.Lees(Werkmap("""<row r="2"><c r="H2" t="str"><f>"gestopt"</f><v>gestopt</v></c></row>"""), "Invulblad");

        Assert.True(rijen[0].Cellen["H"].IsFormule);
    }

    [Fact]
    public void ADocumentTypeDeclarationIsRefusedSoNoEntityIsEverExpanded()
    {
        var bom = """<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>""";

        var fout = Assert.Throws<OnleesbareWerkmapException>(() => XlsxLezer.Lees(Werkmap("""<row r="2"><c r="A2" t="inlineStr"><is><t>&b;</t></is></c></row>""", doctype: bom), "Invulblad"));

        Assert.Equal("onleesbaar", fout.Code);
    }

    [Fact]
    public void MoreRowsThanTheLimitStopTheReadingAsTooLarge()
    {
        var rijen = string.Concat(Enumerable.Range(1, XlsxLezer.MaxRijen + 1).Select(i => $"<row r=\"{i}\"/>"));

        var fout = Assert.Throws<OnleesbareWerkmapException>(() => XlsxLezer.Lees(Werkmap(rijen), "Invulblad"));

        Assert.True(fout.TeGroot);
        Assert.Equal("teVeelRijen", fout.Code);
    }

    // A zip written byte by byte, for what ZipArchive will not write: a stated size that lies, an unknown compression
    // method, a broken deflate stream. Each part: its name, its bytes as stored, the method, and optionally a Zip64 size.
    private static byte[] RuweZip(params (string Naam, byte[] Data, ushort Methode, long? Zip64Grootte)[] delen)
    {
        using var uit = new MemoryStream();
        using var w = new BinaryWriter(uit);
        var centraal = new MemoryStream();
        using var c = new BinaryWriter(centraal);
        foreach (var (naam, data, methode, zip64) in delen)
        {
            var offset = (uint)uit.Position;
            var naamBytes = Encoding.UTF8.GetBytes(naam);
            var crc = Crc32(data);
            w.Write(0x04034b50u); w.Write((ushort)45); w.Write((ushort)0); w.Write(methode); w.Write(0u); w.Write(crc);
            w.Write((uint)data.Length); w.Write((uint)data.Length); w.Write((ushort)naamBytes.Length); w.Write((ushort)0);
            w.Write(naamBytes); w.Write(data);
            var extra = zip64 is { } groot ? [.. BitConverter.GetBytes((ushort)1), .. BitConverter.GetBytes((ushort)8), .. BitConverter.GetBytes(groot)] : Array.Empty<byte>();
            c.Write(0x02014b50u); c.Write((ushort)45); c.Write((ushort)45); c.Write((ushort)0); c.Write(methode); c.Write(0u); c.Write(crc);
            c.Write((uint)data.Length); c.Write(zip64 is null ? (uint)data.Length : 0xFFFFFFFFu);
            c.Write((ushort)naamBytes.Length); c.Write((ushort)extra.Length); c.Write((ushort)0); c.Write((ushort)0); c.Write((ushort)0); c.Write(0u); c.Write(offset);
            c.Write(naamBytes); c.Write(extra);
        }

        c.Flush();
        var begin = (uint)uit.Position;
        w.Write(centraal.ToArray());
        w.Write(0x06054b50u); w.Write((ushort)0); w.Write((ushort)0); w.Write((ushort)delen.Length); w.Write((ushort)delen.Length);
        w.Write((uint)centraal.Length); w.Write(begin); w.Write((ushort)0);
        w.Flush();
        return uit.ToArray();
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static readonly byte[] Typen = Encoding.UTF8.GetBytes("""<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");

    [Fact]
    public void AZip64DirectoryThatClaimsEntriesOfTwoToTheSixtySecondBytesIsA400NotAnOverflow()
    {
        var zip = RuweZip(("[Content_Types].xml", Typen, 0, 1L << 62), ("xl/workbook.xml", Typen, 0, 1L << 62));

        var fout = Assert.Throws<OnleesbareWerkmapException>(() => XlsxLezer.Lees(zip, "Invulblad"));

        Assert.Equal("teGrootUitgepakt", fout.Code);
    }

    [Theory]
    [InlineData((ushort)99, new byte[] { 1, 2, 3, 4 })]              // a compression method no zip reader supports
    [InlineData((ushort)8, new byte[] { 0xFF, 0xFF, 0xFF, 0x00, 0x01 })] // deflate, but a broken stream
    public void AContentTypesPartThatCannotBeInflatedIsUnreadableNotAServerError(ushort methode, byte[] data)
    {
        var zip = RuweZip(("[Content_Types].xml", data, methode, null));

        var fout = Assert.Throws<OnleesbareWerkmapException>(() => XlsxLezer.Lees(zip, "Invulblad"));

        Assert.True(fout.Code is "onleesbaar" or "geenXlsx", fout.Code);
    }

    // The review's 37 KB workbooks: a million empty shared strings, or one row of half a million cells. Both stop at the
    // form's limits, and the allocation of the whole read stays bounded (it was ~600 MiB).
    [Theory]
    [InlineData("gedeeld", "teVeelTeksten")]
    [InlineData("cellen", "teVeelCellen")]
    public void ASmallFileThatUnfoldsIntoHugeTablesStopsAtTheFormsLimitsWithBoundedAllocation(string soort, string code)
    {
        var xlsx = soort == "gedeeld"
            ? Werkmap("", string.Concat(Enumerable.Repeat("<si><t/></si>", 1_000_000)))
            : Werkmap($"<row r=\"2\">{string.Concat(Enumerable.Repeat("<c/>", 500_000))}</row>");
        Assert.True(xlsx.Length < 128 * 1024, $"{xlsx.Length} bytes");

        var voor = GC.GetAllocatedBytesForCurrentThread();
        var fout = Assert.Throws<OnleesbareWerkmapException>(() => XlsxLezer.Lees(xlsx, "Invulblad"));
        var gealloceerd = GC.GetAllocatedBytesForCurrentThread() - voor;

        Assert.Equal(code, fout.Code);
        Assert.True(fout.TeGroot);
        Assert.True(gealloceerd < 32L * 1024 * 1024, $"{gealloceerd / (1024 * 1024)} MiB gealloceerd");
    }

    [Fact]
    public void TextBeyondTheFormsCharacterBudgetStopsTheReading()
    {
        var lang = new string('x', 50_000);
        var gedeeld = string.Concat(Enumerable.Repeat($"<si><t>{lang}</t></si>", (int)(XlsxLezer.MaxTekens / lang.Length) + 1));

        var fout = Assert.Throws<OnleesbareWerkmapException>(() => XlsxLezer.Lees(Werkmap("", gedeeld), "Invulblad"));

        Assert.Equal("teVeelTekst", fout.Code);
    }
}
