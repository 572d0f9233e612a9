using System.Text.Json.Nodes;
using VoortgangApi.Core.Model;
using VoortgangApi.Functions.Http;
using static VoortgangApi.Functions.OpenApi.Doc;

namespace VoortgangApi.Functions.OpenApi;

/// <summary>The documentation of every operation, keyed by operationId (= the [Function] name).</summary>
public static class Operaties
{
    private static readonly string[] ThemaIds = ["zakelijke-dienstverlening", "zorg", "politie", "gemeenten", "communicatie-en-media"];

    private static ParameterDoc Cyclus => Query("cyclus",
        "Antwoord zoals vastgelegd in de momentopname van deze rapportagecyclus, in plaats van de actuele stand.",
        Tekst("^[a-z0-9]+(-[a-z0-9]+)*$", 60), JsonValue.Create("najaar-2024"));

    private static ParameterDoc Peildatum => Query("peildatum",
        "De stand op deze datum (JJJJ-MM-DD, vanaf 2000-01-01) volgens het voortgangslogboek, in plaats van vandaag. Niet samen met cyclus.",
        new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "date", MaxLength = 10 }, null);

    private static ParameterDoc BekendOp => Query("bekendOp",
        "Zoals de API het op dit moment wist (ISO 8601 met Z of tijdzone): latere vastleggingen tellen niet mee. Niet samen met cyclus.",
        new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "date-time", MaxLength = 40 }, null);

    /// <summary>The parameters that choose the moment of a read: a frozen cycle, or any date as known at any moment.</summary>
    internal static ParameterDoc[] Moment => [Cyclus, Peildatum, BekendOp];

    internal static ParameterDoc CyclusId => Pad("cyclusId", "Id van de rapportagecyclus.", Tekst("^[a-z0-9]+(-[a-z0-9]+)*$", 60), "najaar-2024");

    public static IReadOnlyDictionary<string, OperatieDoc> Alle(Voorbeelden v)
    {
        var lezen = LeesFouten();
        var alle = new Dictionary<string, OperatieDoc>(StringComparer.Ordinal)
        {
            ["getThemas"] = new("Thema's", "Alle thema's",
                "De vijf thema's van de Aanpak in de volgorde van de Kamerbrief, elk met het aantal oplossingsrichtingen per status.",
                [.. Moment], [Ok(200, "De thema's.", "Themas", v.Themas()), .. lezen]),
            ["getThema"] = new("Thema's", "Eén thema",
                "Een thema met zijn knelpunten (ervaren problemen) en oplossingsrichtingen.",
                [Pad("themaId", "Slug van het thema.", Tekst(null, null, ThemaIds), "zorg"), .. Moment],
                [Ok(200, "Het thema.", "ThemaDetail", v.Thema()), .. lezen]),
            ["getOplossingsrichtingen"] = new("Oplossingsrichtingen", "Oplossingsrichtingen zoeken",
                "Oplossingsrichtingen, te filteren op thema, status, partij en vrije tekst, per pagina. De Link-header (RFC 8288) en _links geven de andere pagina's.",
                [
                    .. Moment,
                    Lijst("thema", "Alleen deze thema's.", ThemaIds, "gemeenten"),
                    Lijst("status", "Alleen deze statussen.", [.. Statussen.Alle], "in_uitvoering", "gepland"),
                    Query("partij", "Alleen waar deze partij verantwoordelijk of betrokken is (id uit /partijen).", Tekst("^[a-z0-9]+(-[a-z0-9]+)*$", 60), JsonValue.Create("vng")),
                    Query("zoek", "Zoekt in id, titel, omschrijving, planning en toelichting; hoofdletters en accenten tellen niet.", Tekst(null, 100), JsonValue.Create("apv")),
                    Query("page", "Paginanummer, vanaf 1.", Geheel(1, 100_000, 1), JsonValue.Create(1)),
                    Query("pageSize", "Aantal per pagina.", Geheel(1, 100, 20), JsonValue.Create(2)),
                ],
                [Ok(200, "Eén pagina resultaten.", "OplossingsrichtingenPagina", v.OplossingsrichtingenPagina(), "Link"), .. lezen]),
            ["getOplossingsrichting"] = new("Oplossingsrichtingen", "Eén oplossingsrichting",
                "Een oplossingsrichting met verantwoordelijke en betrokken partijen, planning en status (met peildatum, bron en zekerheid).",
                [OplossingsrichtingId, .. Moment],
                [Ok(200, "De oplossingsrichting.", "Oplossingsrichting", v.Oplossingsrichting()), .. lezen]),
            ["getPartijen"] = new("Partijen", "Alle partijen",
                "Organisaties die verantwoordelijk of betrokken zijn. Alleen organisaties: nooit personen.",
                [.. Moment, Lijst("thema", "Alleen partijen die verantwoordelijk of betrokken zijn bij een oplossingsrichting van deze thema's.", ThemaIds, "zorg")],
                [Ok(200, "De partijen.", "Partijen", v.Partijen()), .. lezen]),
            ["getOverzicht"] = new("Thema's", "Overzicht voor de website",
                "Per thema het aantal oplossingsrichtingen per status en wat er veranderde sinds de laatste vastgestelde cyclus; klein en goed te cachen (ETag, Cache-Control).",
                [], [Ok(200, "Het overzicht.", "Overzicht", v.Overzicht()), Fout(400, "Onbekende queryparameter."), .. Altijd()]),
            ["getRapportagecycli"] = new("Rapportagecycli", "Alle rapportagecycli",
                "Elke Kamerbrief over de voortgang is een cyclus met een peildatum; een vastgestelde cyclus heeft een onveranderlijke momentopname.",
                [], [Ok(200, "De cycli, op peildatum.", "Rapportagecycli", v.Rapportagecycli()), Fout(400, "Onbekende queryparameter."), .. Altijd()]),
            ["getRapportagecyclus"] = new("Rapportagecycli", "Eén rapportagecyclus",
                "Titel, peildatum, Kamerbrief, toestand en (als vastgesteld) de gegevens van de momentopname.",
                [CyclusId], [Ok(200, "De cyclus.", "Rapportagecyclus", v.Rapportagecyclus()), Fout(400, "Onbekende queryparameter."), Fout(404, "Onbekende cyclus."), .. Altijd()]),
            ["getVerschillen"] = new("Rapportagecycli", "Verschillen tussen twee cycli",
                "Toegevoegde en verwijderde oplossingsrichtingen, statusovergangen (van → naar) en gewijzigde velden.",
                [CyclusId, Query(Core.Cycli.RapportagecycliQueries.TenOpzichteVan,
                    "Waarmee vergeleken wordt: een andere cyclus, huidig (de stand nu) of een datum (JJJJ-MM-DD, de stand op die datum). De verschillen lopen altijd van de oudste naar de nieuwste stand; cyclus en tenOpzichteVan in het antwoord zeggen welke dat zijn.",
                    Tekst("^[a-z0-9]+(-[a-z0-9]+)*$", 60), JsonValue.Create("aanpak-2023"), verplicht: true)],
                [Ok(200, "De verschillen.", "Verschil", v.Verschil()), Fout(400, "tenOpzichteVan ontbreekt of is onbekend."), Fout(404, "Onbekende cyclus."), Fout(409, "Een van de cycli is nog gepland."), .. Altijd()]),
            ["getConcept"] = new("Rapportagecycli", "Concept van de volgende Kamerbrief (beheer)",
                "Wat de momentopname van een geplande cyclus zou bevatten als ze nu werd genomen: dezelfde vouw, op haar peildatum, zoals nu bekend, " +
                "met de inhoudHash die de momentopname krijgt als er intussen niets wordt vastgelegd en de verschillen met de laatste vastgestelde cyclus ervoor. " +
                "Zo is de inhoud van de brief te zien voordat ze onherroepelijk wordt vastgesteld. Een concept wordt nooit gecachet (Cache-Control: private, no-store).",
                [CyclusId],
                [Ok(200, "Het concept.", "Concept", v.Concept()), Fout(400, "Ongeldige cyclusId."), Fout(404, "Onbekende cyclus."),
                    Fout(409, "De cyclus is al vastgesteld: lees haar momentopname."), .. Altijd()]),
            ["putRapportagecyclus"] = new("Rapportagecycli", "Cyclus plannen of herplannen (beheer)",
                "Plant een cyclus of wijzigt het plan. Een bestaande cyclus wijzigen vraagt If-Match met de ETag; een vastgestelde cyclus verandert nooit.",
                [CyclusId, Header("If-Match", "Verplicht bij wijzigen: de ETag van de huidige versie."), Header("If-None-Match", "* om alleen aan te maken als de cyclus nog niet bestaat.")],
                [
                    Ok(200, "Plan gewijzigd.", "Rapportagecyclus", v.Rapportagecyclus(), "ETag", "Cache-Control"),
                    Ok(201, "Cyclus aangemaakt.", "Rapportagecyclus", v.Rapportagecyclus(), "ETag", "Location", "Cache-Control"),
                    .. BeheerFouten(), Fout(412, "If-Match of If-None-Match klopt niet."), Fout(413, "Body groter dan 64 KiB."),
                    Fout(415, "Body is geen application/json."), Fout(428, "If-Match ontbreekt bij het wijzigen van een bestaande cyclus."),
                ],
                "RapportagecyclusPlan", Voorbeelden.Plan()),
            ["postMomentopname"] = new("Rapportagecycli", "Momentopname nemen (beheer)",
                "Legt de stand nu vast als momentopname van de cyclus. Precies één keer: gelijktijdige aanroepen krijgen dezelfde momentopname.",
                [CyclusId],
                [
                    Ok(200, "Een gelijktijdige aanroep legde de cyclus net vast; dit is die momentopname.", "Rapportagecyclus", v.Rapportagecyclus(), "Location", "Cache-Control"),
                    Ok(201, "Momentopname genomen; de cyclus is vastgesteld.", "Rapportagecyclus", v.Rapportagecyclus(), "Location", "Cache-Control"),
                    .. BeheerFouten(), Fout(404, "Onbekende cyclus."),
                ]),
            ["postPublicatie"] = new("Rapportagecycli", "Open data publiceren (beheer)",
                "Publiceert een vastgestelde cyclus als open data (JSON, CSV, Data Package, DCAT-catalogus, Atom-feed). Nogmaals publiceren verandert geen enkel bestand.",
                [CyclusId],
                [
                    Ok(200, "Gepubliceerd (of al gepubliceerd: nieuw is dan 0).", "Publicatie", Voorbeelden.Publicatie(), "Cache-Control"),
                    .. BeheerFouten(), Fout(404, "Onbekende cyclus."),
                ]),
            ["getOpenApiJson"] = new("Documentatie", "Dit document (JSON)", "De OpenAPI-beschrijving van deze API, zonder sleutel en vanaf elke origin op te halen.",
                [], [new(200, "Het OpenAPI-document.", null, Json, ["access-control-allow-origin"]), .. Altijd()]),
            ["getOpenApiYaml"] = new("Documentatie", "Dit document (YAML)", "Hetzelfde OpenAPI-document in YAML.",
                [], [new(200, "Het OpenAPI-document.", null, "application/yaml", ["access-control-allow-origin"]), .. Altijd()]),
            ["getDocumentatie"] = new("Documentatie", "Interactieve API-referentie",
                "Een HTML-pagina (Swagger UI, door de app zelf geserveerd, zonder externe bestanden) met alle operaties, toegestane waarden, standaardwaarden en antwoorden; Try it out stuurt verzoeken naar deze server.",
                [], [new(200, "De referentiepagina.", null, "text/html", []), .. Altijd()]),
            ["getDocumentatieBestand"] = new("Documentatie", "Bestand van de referentiepagina", "Swagger UI en het startscript van de referentiepagina.",
                [Pad("bestand", "Naam van het bestand.", Tekst(null, null, ["swagger-ui-bundle.js", "swagger-ui.css", "start.js"]), "start.js")],
                [new(200, "Het bestand.", null, "application/javascript", []), Fout(400, "Geen geldige bestandsnaam."), Fout(404, "Onbekend bestand."), .. Altijd()]),
        };
        foreach (var (naam, doc) in OperatiesHistorie.Alle(v, lezen, BeheerFouten()).Concat(OperatiesBeheer.Alle(BeheerFouten()))
            .Concat(OperatiesProgrammas.Alle(v, lezen, BeheerFouten())).Concat(OperatiesVolgen.Alle()))
        {
            alle.Add(naam, doc);
        }

        foreach (var (naam, doc) in OperatiesProgrammas.Tweelingen(FunctieCatalogus.HttpFuncties(), alle).ToList())
        {
            alle.Add(naam, doc);
        }

        return alle;
    }

    internal static ParameterDoc OplossingsrichtingId => Pad("id", "Stabiele id, gelijk over cycli heen.", Tekst("^[A-Z]{2}-[0-9]{2,5}$", 8), "ZD-03");

    internal static ParameterDoc Header(string naam, string beschrijving, string voorbeeld) =>
        new(naam, Microsoft.OpenApi.ParameterLocation.Header, beschrijving, Tekst(null, 200), JsonValue.Create(voorbeeld));

    private static ParameterDoc Header(string naam, string beschrijving) =>
        new(naam, Microsoft.OpenApi.ParameterLocation.Header, beschrijving, Tekst(null, 200), JsonValue.Create("\"814c544dc1bd5ae142ad0b92c067f356\""));

    internal static AntwoordDoc[] Altijd() =>
    [
        Fout(429, "Te veel gelijktijdige verzoeken: in Azure begrenst het Flex Consumption-plan het aantal gelijktijdige verzoeken per instantie (dit antwoord komt van de Functions-host, niet van de app); probeer het na Retry-After opnieuw."),
        Fout(500, "Onverwachte fout; geen details, om niets te lekken."),
        Fout(503, "Opslag tijdelijk onbereikbaar; probeer het later opnieuw."),
    ];

    private static AntwoordDoc[] LeesFouten() =>
    [
        Fout(400, "Ongeldige queryparameters; invalidParams noemt ze allemaal.",
            Voorbeelden.Probleem(400, "Ongeldige invoer", "pageSize: geef een geheel getal van 1 tot en met 100.", "/api/v1/oplossingsrichtingen",
                [new InvalidParam("pageSize", "buitenBereik", "geef een geheel getal van 1 tot en met 100.")])),
        Fout(404, "Onbekend id of onbekende cyclus.",
            Voorbeelden.Probleem(404, "Niet gevonden", "Er is geen thema met id 'bestaat-niet'.", "/api/v1/themas/bestaat-niet")),
        Fout(409, "De gevraagde cyclus is nog gepland en heeft nog geen momentopname."),
        .. Altijd(),
    ];

    private static AntwoordDoc[] BeheerFouten() =>
    [
        Fout(400, "Ongeldige invoer; invalidParams noemt elk probleem met zijn JSON-pad."),
        Fout(409, "De cyclus is al vastgesteld of nog gepland, of de peildatum ligt nog in de toekomst."),
        .. Altijd(),
    ];
}
