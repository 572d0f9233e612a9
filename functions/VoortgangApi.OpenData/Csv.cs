using CsvHelper;

namespace VoortgangApi.OpenData;

/// <summary>
/// RFC 4180 CSV (CRLF, quotes where needed) in UTF-8 without a byte-order mark, as the data package declares (a BOM
/// becomes part of the first header for Python's csv and Frictionless readers; Excel users get voortgang.xlsx).
/// Fields that a spreadsheet would run as a formula (=, +, -, @ at the start) are escaped.
/// </summary>
public static class Csv
{
    private static readonly CsvWriterOptions Opties = new() { WriteByteOrderMark = false, NewLine = "\r\n", Injection = CsvInjection.Escape };

    public static byte[] Schrijf(Tabel tabel, Uitgave uitgave)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Opties, leaveOpen: true))
        {
            foreach (var veld in tabel.Velden)
            {
                csv.WriteField(veld.Naam);
            }

            csv.EndRecord();
            foreach (var rij in tabel.Rijen(uitgave))
            {
                foreach (var waarde in rij)
                {
                    csv.WriteField(waarde ?? "");
                }

                csv.EndRecord();
            }

            csv.Flush();
        }

        return stream.ToArray();
    }
}
