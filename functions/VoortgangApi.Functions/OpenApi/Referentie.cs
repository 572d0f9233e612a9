namespace VoortgangApi.Functions.OpenApi;

/// <summary>
/// The interactive API reference: Swagger UI (from npm, copied into the app's output at build) fed with openapi.json,
/// served by the app with no external request. The page points "try it" at the server it was loaded from, so it works
/// against the local host over http as well as in Azure over https.
/// </summary>
public static class Referentie
{
    /// <summary>The files under documentatie/ and their media types.</summary>
    public static readonly Http.Paginabestanden Bestanden = new("documentatie", new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["swagger-ui-bundle.js"] = "application/javascript",
        ["swagger-ui.css"] = "text/css",
        ["start.js"] = "application/javascript",
        ["oauth2-redirect.html"] = "text/html",
        ["oauth2-redirect.js"] = "application/javascript",
    });

    public const string Pagina = """
        <!doctype html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Voortgang API — referentie</title>
        <link rel="stylesheet" href="documentatie/swagger-ui.css">
        <style>
        /* Contrast (WCAG AA) where Swagger UI's own theme falls short. */
        .swagger-ui .info .title small, .swagger-ui .info .title small pre.version { background: #3d4451; color: #fff; }
        .swagger-ui .info a, .swagger-ui .info a.link { color: #154273; }
        .swagger-ui .btn.authorize { color: #1e6b3a; border-color: #1e6b3a; }
        .swagger-ui .btn.authorize svg { fill: #1e6b3a; }
        .swagger-ui .opblock .opblock-summary-method { color: #fff; }
        .swagger-ui .opblock.opblock-get .opblock-summary-method { background: #1d5f9c; }
        .swagger-ui .opblock.opblock-post .opblock-summary-method { background: #1e6b3a; }
        .swagger-ui .opblock.opblock-put .opblock-summary-method { background: #8a4b00; }
        .swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #b0232a; }
        .swagger-ui .parameter__in, .swagger-ui .parameter__type, .swagger-ui .parameter__deprecated, .swagger-ui .prop-format,
        .swagger-ui .opblock-tag small, .swagger-ui .info .base-url, .swagger-ui small, .swagger-ui .model-hint { color: #3d4451; }
        .swagger-ui .btn.cancel { color: #b0232a; border-color: #b0232a; }
        .swagger-ui .parameter__name.required span, .swagger-ui .parameter__name.required:after { color: #b0232a; }
        .swagger-ui .response-control-media-type__accept-message, .swagger-ui .response-col_links { color: #1e6b3a; }
        .swagger-ui .tab li, .swagger-ui .tab li button.tablinks, .swagger-ui .opblock-summary-description, .swagger-ui .renderedMarkdown p,
        .swagger-ui table thead tr th, .swagger-ui table thead tr td, .swagger-ui .response-col_status, .swagger-ui .model-title { color: #1b1b1b; }
        .swagger-ui .btn.execute { background: #1d5f9c; border-color: #1d5f9c; color: #fff; }
        .swagger-ui .download-contents { background: #3d4451; color: #fff; }
        </style>
        </head>
        <body>
        <main>
        <h1 style="font:600 1.5rem system-ui,sans-serif;margin:1rem">Voortgang API — interactieve referentie</h1>
        <p style="font:1rem system-ui,sans-serif;margin:0 1rem">Alle operaties met hun parameters, toegestane waarden, standaardwaarden en antwoorden.
        Met <em>Try it out</em> stuurt u een verzoek naar deze server. Het document zelf: <a href="openapi.json">openapi.json</a>, <a href="openapi.yaml">openapi.yaml</a>.</p>
        <div id="referentie"></div>
        </main>
        <script src="documentatie/swagger-ui-bundle.js"></script>
        <script src="documentatie/start.js"></script>
        </body>
        </html>
        """;

    // "Try it" goes to the server this page came from (the document lists the production server).
    private const string Start = """
        (function () {
          'use strict';
          // Swagger UI renders some controls without what assistive technology needs; add it as they appear: names for
          // the selects, keyboard access to scrolling code blocks, and no link nested inside an operation's toggle button.
          function toegankelijk(wortel) {
            wortel.querySelectorAll('#servers:not([aria-label])').forEach(function (s) { s.setAttribute('aria-label', 'Server'); });
            wortel.querySelectorAll('tr[data-param-name] select:not([aria-label])').forEach(function (s) {
              s.setAttribute('aria-label', s.closest('tr').getAttribute('data-param-name'));
            });
            wortel.querySelectorAll('pre.microlight:not([tabindex])').forEach(function (p) { p.setAttribute('tabindex', '0'); });
            wortel.querySelectorAll('.opblock-summary-control a').forEach(function (a) {
              var span = document.createElement('span');
              span.className = a.className;
              span.innerHTML = a.innerHTML;
              a.replaceWith(span);
            });
          }
          new MutationObserver(function () { toegankelijk(document); }).observe(document.body, { childList: true, subtree: true });
          fetch('openapi.json').then(function (r) { return r.json(); }).then(function (spec) {
            window.ui = SwaggerUIBundle({ spec: spec, dom_id: '#referentie', deepLinking: true, defaultModelsExpandDepth: 0,
              displayRequestDuration: true, tryItOutEnabled: false, validatorUrl: null,
              // Authorize signs in with code + PKCE at the document's identity provider (the development provider locally).
              oauth2RedirectUrl: new URL('documentatie/oauth2-redirect.html', location.href).href,
              // Plain code blocks: the highlighter's colours on its dark background fail the contrast check.
              syntaxHighlight: { activated: false } });
            var schema = (spec.components && spec.components.securitySchemes || {}).entraId;
            if (schema) {
              window.ui.initOAuth({ clientId: schema['x-client-id'], usePkceWithAuthorizationCodeGrant: true,
                scopes: Object.keys(schema.flows.authorizationCode.scopes).join(' ') });
            }
          });
        }());
        """;

    /// <summary>400 for a name no file can have, 404 for a file the page does not have.</summary>
    public static Microsoft.AspNetCore.Mvc.IActionResult Onbekend(string bestand, Microsoft.AspNetCore.Http.HttpRequest req) =>
        System.Text.RegularExpressions.Regex.IsMatch(bestand, "^[a-z0-9-]+(\\.[a-z0-9]+)+$")
            ? Http.Problems.Maak(404, "Niet gevonden", $"De referentiepagina heeft geen bestand '{Core.Queries.Parameters.Kort(bestand)}'.", req)
            : Http.Problems.Maak(400, "Ongeldige invoer", "Een bestandsnaam bestaat uit kleine letters, cijfers, koppeltekens en een extensie.", req,
                [new Http.InvalidParam("bestand", "ongeldigFormaat", "kleine letters, cijfers, koppeltekens en een extensie, bijvoorbeeld start.js.")]);

    /// <summary>The text of a reference file, or null for any other name.</summary>
    public static string? Lees(string bestand) => bestand == "start.js" ? Start : Bestanden.Lees(bestand);
}
