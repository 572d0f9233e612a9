using System.Net;
using System.Text;
using Microsoft.OpenApi;

namespace VoortgangApi.Functions.OpenApi;

/// <summary>
/// A readable API reference rendered on the server from the same OpenAPI document: plain HTML with inline CSS,
/// no scripts and no external assets, so it works offline, with the keyboard and with a screen reader.
/// </summary>
public static class DocumentatiePagina
{
    public static string Maak(OpenApiDocument d)
    {
        var server = d.Servers?.FirstOrDefault()?.Url ?? "";
        var html = new StringBuilder();
        html.Append($$"""
            <!doctype html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(d.Info.Title)}} — API-referentie</title>
            <style>
            body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
            header,main,footer{max-width:60rem;margin:0 auto;padding:1rem}
            header{border-bottom:4px solid #154273}
            a{color:#154273}
            a:focus,summary:focus{outline:3px solid #ca005d;outline-offset:2px}
            .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
            section.operatie{border:1px solid #8a8a8a;border-radius:4px;margin:1rem 0;padding:0 1rem 1rem}
            .methode{display:inline-block;min-width:4.5rem;font-weight:700;font-family:monospace}
            code,pre{font-family:ui-monospace,monospace;background:#f3f3f3}
            pre{padding:.5rem;overflow-x:auto}
            table{border-collapse:collapse;width:100%}
            th,td{border:1px solid #8a8a8a;padding:.25rem .5rem;text-align:left;vertical-align:top}
            </style>
            </head>
            <body>
            <a class="skip" href="#inhoud">Naar de inhoud</a>
            <header>
            <h1>{{E(d.Info.Title)}}</h1>
            <p>Versie {{E(d.Info.Version)}} · server <code>{{E(server)}}</code> ·
            <a href="openapi.json">openapi.json</a> · <a href="openapi.yaml">openapi.yaml</a></p>
            </header>
            <main id="inhoud">
            <p>{{E(d.Info.Description)}}</p>
            <nav aria-label="Operaties"><ul>
            """);
        var operaties = d.Paths.SelectMany(p => p.Value.Operations!.Select(o => (Pad: p.Key, Methode: o.Key.Method, Operatie: o.Value))).ToList();
        foreach (var (pad, methode, o) in operaties)
        {
            html.Append($"""<li><a href="#{E(o.OperationId)}">{E(methode)} {E(pad)}</a> — {E(o.Summary)}</li>""").Append('\n');
        }

        html.Append("</ul></nav>\n");
        foreach (var tag in d.Tags ?? new HashSet<OpenApiTag>())
        {
            html.Append($"<h2>{E(tag.Name)}</h2>\n<p>{E(tag.Description)}</p>\n");
            foreach (var (pad, methode, o) in operaties.Where(x => x.Operatie.Tags?.Any(t => t.Name == tag.Name) == true))
            {
                Operatie(html, server, pad, methode, o);
            }
        }

        html.Append($"""
            </main>
            <footer><p>Contact: {E(d.Info.Contact?.Name)} · <a href="{E(d.Info.Contact?.Url?.ToString())}">website</a> ·
            licentie van de gegevens: <a href="{E(d.Info.License?.Url?.ToString())}">{E(d.Info.License?.Name)}</a></p></footer>
            </body>
            </html>
            """);
        return html.ToString();
    }

    private static void Operatie(StringBuilder html, string server, string pad, string methode, OpenApiOperation o)
    {
        var beheer = o.Security?.Count > 0;
        html.Append($"""
            <section class="operatie" id="{E(o.OperationId)}" aria-labelledby="{E(o.OperationId)}-kop">
            <h3 id="{E(o.OperationId)}-kop"><span class="methode">{E(methode)}</span> <code>{E(pad)}</code></h3>
            <p><strong>{E(o.Summary)}</strong>{(beheer ? " — vraagt de beheersleutel (header <code>x-functions-key</code>)" : "")}</p>
            <p>{E(o.Description)}</p>
            <p>operationId: <code>{E(o.OperationId)}</code></p>
            """);
        if (o.Parameters?.Count > 0)
        {
            html.Append("<table><caption>Parameters</caption><thead><tr><th scope=\"col\">naam</th><th scope=\"col\">in</th><th scope=\"col\">verplicht</th><th scope=\"col\">betekenis</th><th scope=\"col\">voorbeeld</th></tr></thead><tbody>\n");
            foreach (var p in o.Parameters)
            {
                html.Append($"<tr><td><code>{E(p.Name)}</code></td><td>{E(p.In?.ToString().ToLowerInvariant())}</td><td>{(p.Required ? "ja" : "nee")}</td><td>{E(p.Description)}</td><td><code>{E(p.Example?.ToJsonString())}</code></td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        html.Append("<table><caption>Antwoorden</caption><thead><tr><th scope=\"col\">status</th><th scope=\"col\">betekenis</th><th scope=\"col\">type</th></tr></thead><tbody>\n");
        foreach (var (status, r) in o.Responses ?? [])
        {
            html.Append($"<tr><td>{E(status)}</td><td>{E(r.Description)}</td><td>{E(string.Join(", ", r.Content?.Keys ?? []))}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        var voorbeeldPad = pad;
        foreach (var p in o.Parameters?.Where(p => p.In == ParameterLocation.Path) ?? [])
        {
            voorbeeldPad = voorbeeldPad.Replace("{" + p.Name + "}", p.Example?.GetValue<string>(), StringComparison.Ordinal);
        }

        html.Append($"<p>Voorbeeld:</p><pre><code>curl -s {(methode == "GET" ? "" : "-X " + E(methode) + " ")}{E(server + voorbeeldPad)}</code></pre>\n</section>\n");
    }

    private static string E(string? tekst) => WebUtility.HtmlEncode(tekst ?? "");
}
