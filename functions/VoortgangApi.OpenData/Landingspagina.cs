using System.Globalization;
using System.Net;
using System.Text;
using VoortgangApi.Core.Model;

namespace VoortgangApi.OpenData;

/// <summary>The human-readable page of a release: Dutch, plain accessible HTML, no external assets or scripts.</summary>
public static class Landingspagina
{
    public static byte[] Maak(Rapportagecyclus c, VoortgangData data, IReadOnlyList<Bestand> bestanden, OpenDataInstellingen instellingen)
    {
        var m = c.Momentopname!;
        var html = new StringBuilder();
        html.Append(Kop($"Open data: {c.Titel}"));
        html.Append(CultureInfo.InvariantCulture, $$"""
            <h1>{{E(c.Titel)}}</h1>
            <p>Open data over de voortgang van de {{E(instellingen.Namen.Volledig)}}: de stand op
            peildatum <time datetime="{{c.Peildatum:yyyy-MM-dd}}">{{c.Peildatum:yyyy-MM-dd}}</time>, zoals gerapporteerd aan de Tweede Kamer.
            Deze uitgave verandert nooit meer.</p>
            <h2>Kamerbrief</h2>
            <dl>
            <dt>Kamerstuk</dt><dd>{{E(c.Kamerbrief.Kamerstuk ?? "nog niet bekend")}}</dd>
            <dt>Datum</dt><dd><time datetime="{{c.Kamerbrief.Datum:yyyy-MM-dd}}">{{c.Kamerbrief.Datum:yyyy-MM-dd}}</time></dd>
            {{(c.Kamerbrief.Url is null ? "" : $"<dt>Vindplaats</dt><dd><a href=\"{E(c.Kamerbrief.Url)}\">{E(c.Kamerbrief.Url)}</a></dd>")}}
            <dt>Momentopname genomen</dt><dd><time datetime="{{m.GenomenOp.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}">{{m.GenomenOp.UtcDateTime:yyyy-MM-dd HH:mm}} UTC</time>:
            deze uitgave is toen gepubliceerd. Ligt die datum ver na de Kamerbrief, dan is de momentopname later samengesteld uit de
            vastgelegde historie (historie.csv): de stand op de peildatum, met de bronnen van toen.</dd>
            <dt>Inhoud-hash</dt><dd><code>{{E(m.InhoudHash)}}</code></dd>
            </dl>
            <h2>Bestanden</h2>
            <table>
            <caption>Bestanden van deze uitgave met grootte en SHA-256-controlegetal</caption>
            <thead><tr><th scope="col">bestand</th><th scope="col">inhoud</th><th scope="col">bytes</th><th scope="col">SHA-256</th></tr></thead>
            <tbody>

            """);
        foreach (var b in bestanden)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"{E(b.Naam)}\">{E(b.Naam)}</a></td><td>{E(b.Titel)}</td><td>{b.Inhoud.Length}</td><td><code>{b.Sha256}</code></td></tr>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            </tbody>
            </table>
            <p>Controleer de bestanden met <code>sha256sum -c SHA256SUMS</code> (het bestand <a href="SHA256SUMS">SHA256SUMS</a> staat in deze map).
            Alle uitgaven staan in de <a href="../../catalogus.jsonld">DCAT-catalogus</a> en de <a href="../../feed.atom">Atom-feed</a>;
            dezelfde gegevens zijn op te vragen via de <a href="{E(instellingen.ApiBasisUrl)}/documentatie">API</a>.</p>
            {Statussen(data)}
            <h2>Licentie</h2>
            <p>De gegevens zijn vrij te gebruiken: <a href="https://creativecommons.org/publicdomain/zero/1.0/">CC0 1.0 Universeel</a>.
            Uitgever: {E(instellingen.ContactNaam)}. Persoonsgegevens van ambtenaren worden niet gepubliceerd.</p>
            </main>
            </body>
            </html>

            """);
        return new UTF8Encoding(false).GetBytes(html.ToString());
    }

    // Per item its status with where it comes from: the kind of source and its date, so a reader can weigh it.
    private static string Statussen(VoortgangData data)
    {
        var html = new StringBuilder("""
            <h2>Statussen en hun bronnen</h2>
            <table>
            <caption>Per oplossingsrichting de status op de peildatum, de zekerheid en de bron (soort en datum)</caption>
            <thead><tr><th scope="col">id</th><th scope="col">oplossingsrichting</th><th scope="col">status</th><th scope="col">sinds</th><th scope="col">zekerheid</th><th scope="col">bron</th><th scope="col">soort bron</th><th scope="col">datum bron</th></tr></thead>
            <tbody>

            """);
        foreach (var o in data.Oplossingsrichtingen)
        {
            var s = o.Status;
            var bron = s.Bron is null ? "geen" : (s.Bron.Url is null ? E(s.Bron.Titel) : $"<a href=\"{E(s.Bron.Url)}\">{E(s.Bron.Titel)}</a>") + Passage(s.Bron.Passage);
            var datum = s.Bron?.Datum is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : s.Bron?.BekendVanaf is { } v ? $"bekend vanaf {v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "onbekend";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(o.Id)}</td><td>{E(o.Titel)}</td><td>{E(s.Status)}</td><td>{s.Peildatum:yyyy-MM-dd}</td><td>{E(s.Zekerheid)}</td><td>{bron}</td><td>{E(s.Bron?.Soort ?? "onbekend")}</td><td>{datum}</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>The start every page of the open data shares, up to and with &lt;main&gt;: Dutch, no external assets, one style.</summary>
    internal static string Kop(string titel) => $$"""
        <!doctype html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(titel)}}</title>
        <style>
        body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1b1b1b;background:#fff}
        a{color:#154273} a:focus{outline:3px solid #ca005d;outline-offset:2px}
        table{border-collapse:collapse;width:100%} th,td{border:1px solid #8a8a8a;padding:.25rem .5rem;text-align:left;vertical-align:top}
        code{font-family:ui-monospace,monospace;word-break:break-all}
        </style>
        </head>
        <body>
        <main>

        """;

    // The passage that says it, quoted, linking into the source where it has a public address; nothing for older data without one.
    private static string Passage(Passage? p) => p is null ? ""
        : $": <q>{(p.Url is null ? E(p.Tekst) : $"<a href=\"{E(p.Url)}\">{E(p.Tekst)}</a>")}</q>{(p.GecontroleerdTegenKopie ? " (gecontroleerd tegen de bewaarde kopie)" : "")}";

    private static string E(string? tekst) => WebUtility.HtmlEncode(tekst ?? "");
}
