using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using VoortgangApi.Functions.Http;

namespace VoortgangApi.Functions.OpenApi;

/// <summary>Builds the OpenAPI 3.0 document from the functions (paths, methods, auth), the catalogue (texts) and schemas/ (shapes).</summary>
public static class OpenApiBouwer
{
    public const string AanmeldSchema = "entraId";
    public const string WebhookSchema = "webhookGeheim";

    private static readonly Dictionary<string, string> TagBeschrijvingen = new(StringComparer.Ordinal)
    {
        ["Programma's"] = "De voortgangsprogramma's van het ministerie; elke bron bestaat per programma onder /programmas/{programmaId}/…, de paden zonder programma zijn die van het standaardprogramma.",
        ["Thema's"] = "De thema's van een programma (het standaardprogramma heeft er vijf).",
        ["Oplossingsrichtingen"] = "Oplossingsrichtingen en initiatieven met hun status per peildatum.",
        ["Partijen"] = "Betrokken en verantwoordelijke organisaties.",
        ["Knelpunten"] = "Problemen die sekswerkers ervaren, met de oplossingsrichtingen die erop ingaan.",
        ["Wijzigingen"] = "Het voortgangslogboek zelf: elke vastlegging in volgorde, om bij te blijven.",
        ["Rapportagecycli"] = "Kamerbrieven over de voortgang en hun onveranderlijke momentopnamen.",
        ["Documentatie"] = "Deze beschrijving, als OpenAPI en als leesbare pagina.",
        ["Beheer"] = "Voor het ministerie: de beheerpagina en het invulblad (Excel) om statussen in bulk vast te leggen.",
    };

    public static OpenApiDocument Bouw(Voorbeelden voorbeelden, string schemaMap, string serverUrl, OpenApiOptions opties, Aanmelding aanmelding)
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "Voortgang Aanpak sekswerkers",
                Version = ApiInfo.Versie,
                Description = "Open API over de voortgang van de Aanpak versterking sociale en juridische positie sekswerkers " +
                    "(Ministerie van Justitie en Veiligheid, met Sociale Zaken en Werkgelegenheid): thema's, knelpunten, " +
                    "oplossingsrichtingen, partijen en hun status per Kamerbrief. Elke leesoperatie kan worden gevraagd zoals " +
                    "vastgelegd in een rapportagecyclus (?cyclus=…), of op elke datum zoals op elk moment bekend (?peildatum=…&bekendOp=…): " +
                    "de voortgang wordt vastgelegd in een logboek waarin nooit iets wordt overschreven. Elke GET kan ook als HEAD " +
                    "(dezelfde headers, zonder body); antwoorden boven 1 KiB komen gecomprimeerd (br of gzip) als de client dat accepteert. Openbare gegevens worden gecachet (Cache-Control: public): " +
                    "een bewuste afwijking van no-store, omdat de gegevens openbaar zijn. " +
                    "Een paar antwoorden geeft het platform (de Azure Functions-host) zelf, voordat de app het verzoek ziet, en die hebben " +
                    "geen body en geen API-Version: een pad of methode die hier niet staat (404, ook voor een methode die een pad niet " +
                    "kent: er is geen 405), en een CORS-preflight (OPTIONS met " +
                    "Access-Control-Request-Method: 204, met Access-Control-Allow-Origin alleen voor de toegestane origins).",
                Contact = new OpenApiContact { Name = opties.ContactNaam, Email = opties.ContactEmail, Url = new Uri(opties.ContactUrl) },
                License = new OpenApiLicense { Name = "CC0 1.0 Universal", Url = new Uri("https://creativecommons.org/publicdomain/zero/1.0/") },
            },
            Servers =
            [
                new OpenApiServer
                {
                    Url = serverUrl,
                    Description = "Deze API: production in Azure, local met ./run.sh (de major-versie staat in het pad).",
                    // OWASP API9: the intended audience is the public; there is no internal-only server.
                    Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(JsonValue.Create(false)) },
                },
            ],
            Paths = [],
            Components = new OpenApiComponents
            {
                Schemas = new Dictionary<string, IOpenApiSchema>(),
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [AanmeldSchema] = Beveiliging(aanmelding),
                    [WebhookSchema] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Header,
                        Name = Http.Abonnementantwoorden.GeheimHeader,
                        Description = "Het geheim (whsec_…) van een webhookabonnement, eenmalig gegeven bij het abonneren: alleen wie het heeft, leest of beëindigt het abonnement.",
                    },
                },
            },
        };
        SchemaComponenten.VoegToe(document, schemaMap);
        document.Tags = new HashSet<OpenApiTag>(TagBeschrijvingen.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));

        var docs = Operaties.Alle(voorbeelden);
        foreach (var pad in FunctieCatalogus.HttpFuncties().GroupBy(f => f.Pad, StringComparer.Ordinal))
        {
            var item = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation>() };
            foreach (var functie in pad)
            {
                var doc = docs.GetValueOrDefault(functie.Naam)
                    ?? throw new InvalidOperationException($"Functie {functie.Naam} heeft geen documentatie in Operaties.");
                item.Operations[HttpMethod.Parse(functie.Methode)] = Operatie(document, functie, doc);
            }

            document.Paths[pad.Key] = item;
        }

        return document;
    }

    private static OpenApiOperation Operatie(OpenApiDocument document, HttpFunctie functie, OperatieDoc doc)
    {
        var operatie = new OpenApiOperation
        {
            OperationId = functie.Naam,
            Summary = doc.Samenvatting,
            Description = doc.Beschrijving,
            Tags = new HashSet<OpenApiTagReference> { new(doc.Tag, document) },
            Parameters = [.. doc.Parameters.Select(p => (IOpenApiParameter)new OpenApiParameter
            {
                Name = p.Naam, In = p.In, Description = p.Beschrijving, Required = p.Verplicht, Schema = p.Schema, Example = p.Voorbeeld,
                Style = p.Lijst ? ParameterStyle.Form : null, Explode = !p.Lijst,
            })],
            Responses = [],
        };
        foreach (var a in doc.Antwoorden)
        {
            var kop = functie.Methode == "GET" && a.Status == 200 ? [.. a.Headers, "ETag", "Cache-Control"] : a.Headers;
            operatie.Responses[a.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Antwoord(document, a with { Headers = kop });
        }

        // Every GET answers If-None-Match (RFC 9110): document the 304 once, here, instead of per operation.
        if (functie.Methode == "GET")
        {
            operatie.Responses["304"] = new OpenApiResponse
            {
                Description = "Niet gewijzigd: de ETag in If-None-Match is nog actueel. Geen body; dezelfde cache-headers.",
                Headers = new Dictionary<string, IOpenApiHeader>(operatie.Responses["200"].Headers!),
            };
        }

        if (doc.BodyMediatype != Doc.Json)
        {
            operatie.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    [doc.BodyMediatype] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", MaxLength = (int)Core.Invulblad.Invulbladregels.MaxBytes } },
                },
            };
        }
        else if (doc.BodySchema is not null)
        {
            operatie.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(doc.BodySchema, document), Example = doc.BodyVoorbeeld },
                },
            };
        }

        if (doc.MetWebhookGeheim)
        {
            operatie.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(WebhookSchema, document)] = [] }];
        }

        if (functie.Rol is { } rol)
        {
            // The scheme says how to get a token; the app role decides what it may do (Entra ID puts it in the roles claim).
            operatie.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AanmeldSchema, document)] = [] }];
            operatie.Description += $" Vereist een Bearer-token met de app-rol **{rol}**.";
            operatie.Responses["401"] = Antwoord(document, Doc.Fout(401,
                "Geen, een verlopen of een ongeldig token (handtekening, uitgever, audience of geldigheid). WWW-Authenticate noemt de fout (RFC 6750).",
                Voorbeelden.Probleem(401, "Niet aangemeld", $"Deze operatie vraagt een Bearer-token met de rol {rol}.", "/api/v1/" + functie.Route["v1/".Length..])) with { Headers = ["WWW-Authenticate"] });
            var zonder = functie.Route.StartsWith(Programmas.Programmaroute.Pad, StringComparison.Ordinal) && Identiteit.Rollen.PerProgramma.Contains(rol)
                ? $"Een geldig token zonder de app-rol {rol}, of met die rol maar zonder toegang in dit programma (GET …/toegang)."
                : $"Een geldig token zonder de app-rol {rol}.";
            operatie.Responses["403"] = Antwoord(document, Doc.Fout(403, zonder,
                Voorbeelden.Probleem(403, "Geen toegang", $"Deze operatie vraagt de rol {rol}; het token heeft die rol niet.", "/api/v1/" + functie.Route["v1/".Length..])) with { Headers = ["WWW-Authenticate"] });
            if (functie.Methode != "GET")
            {
                operatie.Responses["429"] = Antwoord(document, Doc.Fout(429,
                    "Het schrijfbudget van deze identiteit is voorlopig op (per instantie Schrijfbudget__PerMinuut per minuut, Schrijfbudget__Piek tegelijk), " +
                    "of de Functions-host begrenst het aantal gelijktijdige verzoeken; probeer het na Retry-After opnieuw."));
            }
        }

        return operatie;
    }

    private static OpenApiSecurityScheme Beveiliging(Aanmelding a) => new()
    {
        Type = SecuritySchemeType.OAuth2,
        Description = "Entra ID (OAuth 2.0): beheeroperaties vragen een Bearer-access-token voor deze API met een app-rol: " +
            "Voortgang.Vastleggen (statussen vastleggen, teksten van oplossingsrichtingen, knelpunten en partijen herzien) of " +
            "Cycli.Beheren (cycli plannen, wijzigen en annuleren, momentopname, publicatie). Ambtenaren melden zich aan met de " +
            "authorization code flow met PKCE; een script of pijplijn gebruikt client credentials van een app-registratie die de rol heeft. " +
            "Lokaal (./run.sh) geeft de ontwikkelprovider van de lokale host deze tokens uit, met testgebruikers per rol. " +
            "Tokens zijn JWT's (RS256) en worden gecontroleerd volgens RFC8725 (JWT Best Current Practices): alleen RS256, " +
            "handtekening tegen de gepubliceerde sleutels van de uitgever, uitgever, audience en geldigheid (kort: rond een uur), " +
            "daarna een nieuw token bij het token-endpoint. x-client-id is de client waarmee een browser zich aanmeldt.",
        Flows = new OpenApiOAuthFlows
        {
            AuthorizationCode = new OpenApiOAuthFlow
            {
                AuthorizationUrl = new Uri(a.AutorisatieUrl),
                TokenUrl = new Uri(a.TokenUrl),
                RefreshUrl = new Uri(a.TokenUrl),
                Scopes = new Dictionary<string, string> { [a.GebruikersScope] = "Beheer namens de aangemelde ambtenaar; zijn app-rol bepaalt wat mag." },
            },
            ClientCredentials = new OpenApiOAuthFlow
            {
                // No refresh token in this flow: a client asks the token endpoint for a new access token when one expires.
                TokenUrl = new Uri(a.TokenUrl),
                RefreshUrl = new Uri(a.TokenUrl),
                Scopes = new Dictionary<string, string> { [a.AppScope] = "Beheer door een toepassing; de app-rollen van haar registratie bepalen wat mag." },
            },
        },
        Extensions = new Dictionary<string, IOpenApiExtension> { ["x-client-id"] = new JsonNodeExtension(JsonValue.Create(a.BrowserClientId)) },
    };

    private static OpenApiResponse Antwoord(OpenApiDocument document, AntwoordDoc a)
    {
        IOpenApiSchema schema = a.Schema is not null
            ? new OpenApiSchemaReference(a.Schema, document)
            : a.ContentType == Doc.Json ? new OpenApiSchema { Type = JsonSchemaType.Object }
            : a.ContentType == Doc.Xlsx ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", MaxLength = 10_000_000 }
            : new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 10_000_000 };
        var headers = a.VanHost ? new Dictionary<string, IOpenApiHeader>() : new Dictionary<string, IOpenApiHeader>
        {
            [ApiInfo.VersieHeader] = Kop("De volledige versie van de API (SemVer).", ApiInfo.Versie),
            ["Access-Control-Allow-Origin"] = Kop(KopBeschrijving("access-control-allow-origin"), null),
        };
        if (a.Status is 429 or 503)
        {
            headers["Retry-After"] = Kop("Na hoeveel seconden een nieuwe poging zin heeft.", "5");
        }

        foreach (var naam in a.Headers)
        {
            headers[naam] = Kop(KopBeschrijving(naam), null);
        }

        return new OpenApiResponse
        {
            Description = a.Beschrijving,
            Headers = headers,
            // A response without a media type (204) has no content at all.
            Content = a.ContentType.Length == 0 ? null
                : new Dictionary<string, IOpenApiMediaType> { [a.ContentType] = new OpenApiMediaType { Schema = schema, Example = a.Voorbeeld } },
        };
    }

    private static OpenApiHeader Kop(string beschrijving, string? voorbeeld) => new()
    {
        Description = beschrijving,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 2000 },
        Example = voorbeeld is null ? null : JsonValue.Create(voorbeeld),
    };

    private static string KopBeschrijving(string naam) => naam switch
    {
        "Link" => "Links naar first, prev, next en last (RFC 8288).",
        "ETag" => "Sterke entity tag van deze versie; stuur hem terug in If-Match.",
        "Location" => "URL van de aangemaakte of vastgelegde resource.",
        "WWW-Authenticate" => "De Bearer-challenge (RFC 6750): realm, en bij een meegestuurd token error (invalid_token, insufficient_scope) en error_description.",
        "Idempotent-Replayed" => "true als dit antwoord een eerdere vastlegging met dezelfde Idempotency-Key (of, bij het invulblad, dezelfde inhoud) teruggeeft.",
        "Content-Disposition" => "attachment, met de bestandsnaam (invulblad-JJJJ-MM-DD.xlsx).",
        "Cache-Control" => "public, max-age=… (met een rand ervoor ook s-maxage=…: de rand houdt het antwoord tot een vastlegging het wist) voor actuele gegevens; public, max-age=31536000, immutable voor antwoorden uit een momentopname; private, no-store voor elk antwoord op een verzoek met een token of cookie; no-store voor beheer en fouten.",
        "access-control-allow-origin" => "CORS: * voor het OpenAPI-document (vanaf elke origin op te halen); voor de andere antwoorden de origin van het verzoek als die in Cors__AllowedOrigins staat, anders afwezig.",
        _ => naam,
    };
}
