using CsvHelper;

namespace VoortgangApi.Core.OpenData;

/// <summary>
/// RFC 4180 CSV (CRLF, quotes where needed) in UTF-8 with a byte-order mark, so Excel shows ë and é. Fields that
/// a spreadsheet would run as a formula (=, +, -, @ at the start) are escaped.
/// </summary>
public static class Csv
{
    private static readonly CsvWriterOptions Opties = new() { WriteByteOrderMark = true, NewLine = "\r\n", Injection = CsvInjection.Escape };

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
