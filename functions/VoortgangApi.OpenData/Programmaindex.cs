using System.Globalization;
using System.Net;
using System.Text;

namespace VoortgangApi.OpenData;

/// <summary>One programme on the index page: what it is, its latest letter and where its status page, open data and API are.</summary>
public sealed record Indexregel(
    string Titel, IReadOnlyList<string> Ministeries, string? LaatsteBrief, DateOnly? Peildatum, string Statuspagina, string Catalogus, string Api);

/// <summary>
/// The index page of every programme, beside the catalogue of all programmes (<c>programmas/</c>): plain HTML in the
/// status page's Rijkshuisstijl (its CSS files are written beside it), no script.
/// </summary>
public static class Programmaindex
{
    public const string Map = "programmas/";
    public const string Pad = Map + "index.html";

    /// <summary>The files of the page: the HTML, and the status page's style sheets it uses.</summary>
    public static IEnumerable<(string Pad, byte[] Inhoud, string ContentType)> Bestanden(IReadOnlyList<Indexregel> programmas, string apiBasisUrl)
    {
        yield return (Pad, Maak(programmas, apiBasisUrl), "text/html; charset=utf-8");
        foreach (var css in Statuspagina.Bestanden.Where(b => b.EndsWith(".css", StringComparison.Ordinal)))
        {
            yield return (Map + css, Statuspagina.Lees(css, apiBasisUrl), Statuspagina.ContentType(css));
        }
    }

    public static byte[] Maak(IReadOnlyList<Indexregel> programmas, string apiBasisUrl)
    {
        var html = new StringBuilder();
        html.Append("""
            <!doctype html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Voortgang van de programma's van het ministerie</title>
            <link rel="stylesheet" href="rhc-tokens.css">
            <link rel="stylesheet" href="rhc-componenten.css">
            <link rel="stylesheet" href="status.css">
            <link rel="alternate" type="application/ld+json" href="catalogus.jsonld" title="DCAT-catalogus van alle programma's">
            </head>
            <body class="rhc-theme">
            <a class="skip nl-skip-link nl-skip-link--visible-on-focus" href="#inhoud">Naar de inhoud</a>
            <header>
              <p class="afzender">Ministerie van Justitie en Veiligheid</p>
              <h1 class="nl-heading nl-heading--level-1">Voortgang van de programma's</h1>
            </header>
            <main id="inhoud">
              <p class="nl-paragraph">Elk programma rapporteert zijn voortgang aan de Tweede Kamer, brief na brief. Per programma de stand, de open data en de API.</p>

            """);
        foreach (var p in programmas)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                  <section class="thema" aria-labelledby="{Anker(p.Statuspagina)}">
                    <h2 id="{Anker(p.Statuspagina)}" class="nl-heading nl-heading--level-2">{E(p.Titel)}</h2>
                    <p class="nl-paragraph">{E(string.Join(", ", p.Ministeries))}</p>
                    <p class="nl-paragraph">{(p.LaatsteBrief is null ? "Nog geen vastgestelde Kamerbrief." : $"Laatste Kamerbrief: {E(p.LaatsteBrief)} (peildatum <time datetime=\"{p.Peildatum:yyyy-MM-dd}\">{p.Peildatum:yyyy-MM-dd}</time>).")}</p>
                    <ul>
                      <li><a class="nl-link" href="{E(p.Statuspagina)}">Stand per thema</a></li>
                      <li><a class="nl-link" href="{E(p.Catalogus)}">Open data (DCAT-catalogus)</a></li>
                      <li><a class="nl-link" href="{E(p.Api)}">API</a></li>
                    </ul>
                  </section>

                """);
        }

        html.Append(CultureInfo.InvariantCulture, $"""
              <p class="nl-paragraph"><a class="nl-link" href="catalogus.jsonld">DCAT-catalogus van alle programma's</a> · <a class="nl-link" href="{E(apiBasisUrl)}/documentatie">API-documentatie</a></p>
            </main>
            <footer>
              <p class="nl-paragraph">Bron: de Voortgang API van het Ministerie van Justitie en Veiligheid. Persoonsgegevens van ambtenaren worden niet gepubliceerd.</p>
            </footer>
            </body>
            </html>

            """);
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static string E(string tekst) => WebUtility.HtmlEncode(tekst);

    // A stable id for the heading from the programme's own status page address.
    private static string Anker(string url) => "p-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..8];
}
