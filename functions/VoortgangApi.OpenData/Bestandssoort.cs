namespace VoortgangApi.OpenData;

/// <summary>A published file as the catalogue needs it: name, size and checksum (read back from the store and SHA256SUMS).</summary>
public sealed record BestandInfo(string Naam, long Bytes, string Sha256);

/// <summary>Media type, EU file type and title per file name of a release.</summary>
public static class Bestandssoort
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static (string MediaType, string EuBestandstype, string Titel) Van(string naam) => Path.GetExtension(naam) switch
    {
        ".csv" => ("text/csv", "CSV", $"{Path.GetFileNameWithoutExtension(naam)} (CSV)"),
        ".json" when naam == "datapackage.json" => ("application/json", "JSON", "Frictionless Data Package (JSON)"),
        ".json" => ("application/json", "JSON", "Volledige momentopname (JSON)"),
        ".html" => ("text/html", "HTML", "Beschrijving van de uitgave (HTML)"),
        ".xlsx" => (Xlsx, "XLSX", "Alle tabellen in één werkmap (Excel)"),
        _ => ("text/plain", "TXT", "SHA-256-controlegetallen"),
    };

    /// <summary>Parses a SHA256SUMS file into (name → hash).</summary>
    public static Dictionary<string, string> LeesControlelijst(string inhoud) =>
        inhoud.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Split("  ", 2))
            .Where(d => d.Length == 2)
            .ToDictionary(d => d[1].Trim(), d => d[0], StringComparer.Ordinal);
}

/// <summary>One file of a publication, with the facts a catalogue and checksum list need.</summary>
public sealed record Bestand(string Naam, byte[] Inhoud, string ContentType, string Titel)
{
    /// <summary>Computed once: the data package, the landing page and SHA256SUMS all need it.</summary>
    public string Sha256 { get; } = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Inhoud));
}
