using System.Net;
using System.Text;

namespace VoortgangApi.OpenData;

/// <summary>
/// The status page for the public website (index.html, status.css, status.js), embedded in this assembly so the
/// open-data publication and the local host serve the very same files. Only the API address differs per place.
/// </summary>
public static class Statuspagina
{
    public static readonly IReadOnlyList<string> Bestanden = ["index.html", "status.css", "status.js", "rhc-tokens.css", "rhc-componenten.css"];

    public static string ContentType(string bestand) => Path.GetExtension(bestand) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "text/javascript; charset=utf-8",
    };

    /// <summary>The file's bytes; index.html gets the API base URL the page must call and the programme's names.</summary>
    public static byte[] Lees(string bestand, string apiBasisUrl, Core.OpenData.Publicatietitels? titels = null)
    {
        var t = titels ?? Core.OpenData.Publicatietitels.Standaard;
        if (!Bestanden.Contains(bestand))
        {
            throw new FileNotFoundException(bestand);
        }

        using var stream = typeof(Statuspagina).Assembly.GetManifestResourceStream($"Statuspagina.{bestand}")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var tekst = reader.ReadToEnd();
        return Encoding.UTF8.GetBytes(bestand != "index.html" ? tekst : tekst
            .Replace("{{API}}", WebUtility.HtmlEncode(apiBasisUrl), StringComparison.Ordinal)
            .Replace("{{KORT}}", WebUtility.HtmlEncode(t.Kort), StringComparison.Ordinal)
            .Replace("{{VOLLEDIG}}", WebUtility.HtmlEncode(t.Volledig), StringComparison.Ordinal)
            .Replace("{{AFZENDER}}", WebUtility.HtmlEncode(t.Afzender), StringComparison.Ordinal));
    }
}
