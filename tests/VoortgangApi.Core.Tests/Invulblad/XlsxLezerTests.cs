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
}
