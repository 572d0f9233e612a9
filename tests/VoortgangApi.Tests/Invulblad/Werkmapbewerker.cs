using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace VoortgangApi.Tests.Invulblad;

/// <summary>
/// Edits a downloaded invulblad the way Excel saves one, with a different library than the one that wrote it (the
/// Open XML SDK; the API writes with SpreadCheetah): texts in the shared string table, dates as serial numbers, and
/// every row and cell with its reference.
/// </summary>
internal sealed class Werkmapbewerker : IDisposable
{
    private readonly MemoryStream _stroom = new();
    private readonly SpreadsheetDocument _document;
    private readonly Worksheet _blad;

    public Werkmapbewerker(byte[] xlsx, string blad = "Invulblad")
    {
        _stroom.Write(xlsx);
        _document = SpreadsheetDocument.Open(_stroom, true);
        var werkboek = _document.WorkbookPart!;
        var sheet = werkboek.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == blad);
        _blad = ((WorksheetPart)werkboek.GetPartById(sheet.Id!)).Worksheet;
    }

    /// <summary>The row (as Excel numbers it) whose column A holds this id.</summary>
    public uint RijVan(string id)
    {
        var rijen = _blad.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        for (var i = 0; i < rijen.Count; i++)
        {
            if (Tekst(rijen[i].Elements<Cell>().First()) == id)
            {
                return (uint)i + 1;
            }
        }

        throw new InvalidOperationException($"{id} staat niet in het invulblad.");
    }

    public Werkmapbewerker Tekst(string id, string kolom, string waarde) => Tekst(RijVan(id), kolom, waarde);

    public Werkmapbewerker Tekst(uint rij, string kolom, string waarde)
    {
        var strings = Gedeeld();
        strings.AppendChild(new SharedStringItem(new Text(waarde)));
        Zet(rij, kolom, new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(strings.Count() - 1) });
        return this;
    }

    /// <summary>A date as Excel stores one typed into a date cell: the serial day number.</summary>
    public Werkmapbewerker Datum(string id, string kolom, DateOnly datum)
    {
        Zet(RijVan(id), kolom, new Cell { CellValue = new CellValue(datum.ToDateTime(TimeOnly.MinValue).ToOADate()) });
        return this;
    }

    public Werkmapbewerker Formule(string id, string kolom, string formule, string resultaat)
    {
        Zet(RijVan(id), kolom, new Cell { DataType = CellValues.String, CellFormula = new CellFormula(formule), CellValue = new CellValue(resultaat) });
        return this;
    }

    /// <summary>A row for an id, appended below the last.</summary>
    public Werkmapbewerker NieuweRij(string id)
    {
        var data = _blad.GetFirstChild<SheetData>()!;
        data.AppendChild(new Row());
        return Tekst((uint)data.Elements<Row>().Count(), "A", id).Tekst((uint)data.Elements<Row>().Count(), "H", "gepland");
    }

    public byte[] Bewaar()
    {
        var rijen = _blad.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        for (var r = 0; r < rijen.Count; r++)
        {
            rijen[r].RowIndex = (uint)r + 1;
            var cellen = rijen[r].Elements<Cell>().ToList();
            for (var c = 0; c < cellen.Count; c++)
            {
                cellen[c].CellReference = $"{(char)('A' + c)}{r + 1}";
            }
        }

        _blad.Save();
        _document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Save();
        _document.Dispose();
        return _stroom.ToArray();
    }

    public void Dispose()
    {
        _document.Dispose();
        _stroom.Dispose();
    }

    private SharedStringTable Gedeeld()
    {
        var werkboek = _document.WorkbookPart!;
        var deel = werkboek.SharedStringTablePart ?? werkboek.AddNewPart<SharedStringTablePart>();
        deel.SharedStringTable ??= new SharedStringTable();
        return deel.SharedStringTable;
    }

    private string Tekst(Cell cel) =>
        cel.DataType?.Value == CellValues.SharedString
            ? Gedeeld().Elements<SharedStringItem>().ElementAt(int.Parse(cel.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText
            : cel.InlineString?.InnerText ?? cel.CellValue?.Text ?? "";

    // Cells by position (SpreadCheetah writes no references); the style of the cell replaced is kept, as Excel keeps it.
    private void Zet(uint rij, string kolom, Cell nieuw)
    {
        var row = _blad.GetFirstChild<SheetData>()!.Elements<Row>().ElementAt((int)rij - 1);
        var index = kolom[0] - 'A';
        while (row.Elements<Cell>().Count() <= index)
        {
            row.AppendChild(new Cell());
        }

        var oud = row.Elements<Cell>().ElementAt(index);
        nieuw.StyleIndex = oud.StyleIndex;
        row.ReplaceChild(nieuw, oud);
    }
}
