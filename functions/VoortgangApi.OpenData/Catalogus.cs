using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoortgangApi.Core.Model;

namespace VoortgangApi.OpenData;

/// <summary>A cycle that is published, with the files its folder holds.</summary>
public sealed record GepubliceerdeCyclus(Rapportagecyclus Cyclus, IReadOnlyList<BestandInfo> Bestanden);

/// <summary>
/// The DCAT-AP-NL 3.0 catalogue (JSON-LD with an inline context, so it can be read offline): a dataset series for
/// the programme, a dataset per cycle with a distribution per file, and a data service for the API. SHACL validators
/// do no inference, so every IRI used as an object is typed here as the shapes expect.
/// </summary>
public static partial class Catalogus
{
    public const string JenV = "https://identifier.overheid.nl/tooi/id/ministerie/mnre1058";
    private const string Cc0 = "http://creativecommons.org/publicdomain/zero/1.0/deed.nl";
    private const string Eu = "http://publications.europa.eu/resource/authority/";

    public static byte[] Maak(IReadOnlyList<GepubliceerdeCyclus> cycli, OpenDataInstellingen i)
    {
        var basis = i.Url("v1/");
        var catalogusId = i.Url(Layout.Catalogus);
        var reeksId = basis + "#reeks";
        var apiId = basis + "#api";
        var contactId = basis + "#contact";
        var graaf = new JsonArray();
        var datasets = cycli.OrderBy(c => c.Cyclus.Peildatum).Select(c => Dataset(c, i, reeksId, contactId, graaf)).ToList();
        var gewijzigd = cycli.Count == 0 ? (DateTimeOffset?)null : cycli.Max(c => c.Cyclus.Momentopname!.GenomenOp);

        var catalogus = Knoop(catalogusId, "dcat:Catalog");
        catalogus["dct:title"] = Tekst($"Open data voortgang {i.Namen.Kort}");
        catalogus["dct:description"] = Tekst($"Alle uitgaven van de voortgang van de {i.Namen.Volledig}, één per Kamerbrief.");
        Herkomst(catalogus, contactId);
        catalogus["dct:language"] = Id(Eu + "language/NLD");
        catalogus["dct:license"] = Id(Cc0);
        catalogus["foaf:homepage"] = Id(i.ApiBasisUrl + "/documentatie");
        catalogus["dcat:dataset"] = new JsonArray([.. datasets.Select(d => (JsonNode)Id(d)).Prepend(Id(reeksId))]);
        catalogus["dcat:service"] = Id(apiId);
        if (gewijzigd is { } m)
        {
            catalogus["dct:modified"] = Moment(m);
        }

        graaf.Add(catalogus);
        graaf.Add(Reeks(reeksId, contactId, datasets, gewijzigd, i));
        graaf.Add(Dienst(apiId, contactId, i, datasets));
        graaf.Add(Contact(contactId, i));
        graaf.Add(Agent(JenV, "Ministerie van Justitie en Veiligheid"));
        graaf.Add(Getypeerd(i.ApiBasisUrl + "/documentatie", "foaf:Document"));
        graaf.Add(Getypeerd("spdx:checksumAlgorithm_sha256", "spdx:ChecksumAlgorithm"));
        graaf.Add(Getypeerd(Cc0, "dct:LicenseDocument"));
        graaf.Add(Getypeerd(Eu + "language/NLD", "dct:LinguisticSystem"));
        graaf.Add(Getypeerd(Eu + "access-right/PUBLIC", "dct:RightsStatement"));
        foreach (var (thema, label) in new[] { ("JUST", "Justitie, rechtsstelsel en openbare veiligheid"), ("SOCI", "Bevolking en samenleving") })
        {
            var concept = Getypeerd(Eu + "data-theme/" + thema, "skos:Concept");
            concept["skos:prefLabel"] = Tekst(label);
            graaf.Add(concept);
        }

        foreach (var soort in new[] { "CSV", "JSON", "HTML", "TXT", "XLSX" })
        {
            graaf.Add(Getypeerd(Eu + "file-type/" + soort, "dct:MediaTypeOrExtent"));
        }

        foreach (var mediaType in new[] { "text/csv", "application/json", "text/html", "text/plain", Bestandssoort.Xlsx })
        {
            graaf.Add(Getypeerd("http://www.iana.org/assignments/media-types/" + mediaType, "dct:MediaType"));
        }

        var document = new JsonObject { ["@context"] = Context(), ["@graph"] = graaf };
        return JsonSerializer.SerializeToUtf8Bytes(document, VoortgangJson.Bestand);
    }

    private static string Dataset(GepubliceerdeCyclus g, OpenDataInstellingen i, string reeksId, string contactId, JsonArray graaf)
    {
        var c = g.Cyclus;
        var map = i.Url(Layout.Map(c.Id));
        var id = map + "#dataset";
        var ds = Knoop(id, "dcat:Dataset");
        ds["dct:identifier"] = id;
        ds["dct:title"] = Tekst($"Voortgang {i.Namen.Kort}: {c.Titel}");
        ds["dct:description"] = Tekst($"Stand van de oplossingsrichtingen per thema op peildatum {Datum(c.Peildatum)}, met status, bron en zekerheid.");
        ds["dcat:inSeries"] = Id(reeksId);
        ds["dcat:version"] = c.Id;
        ds["adms:versionNotes"] = Tekst($"Momentopname bij Kamerbrief {c.Kamerbrief.Kamerstuk ?? "(nog zonder nummer)"} van {Datum(c.Kamerbrief.Datum)}; inhoud-hash {c.Momentopname!.InhoudHash}.");
        ds["dct:issued"] = Moment(c.Momentopname.GenomenOp);
        ds["dct:modified"] = Moment(c.Momentopname.GenomenOp);
        ds["dct:temporal"] = new JsonObject { ["@type"] = "dct:PeriodOfTime", ["dcat:endDate"] = new JsonObject { ["@value"] = Datum(c.Peildatum), ["@type"] = "xsd:date" } };
        Herkomst(ds, contactId);
        Openbaar(ds);
        ds["dct:language"] = Id(Eu + "language/NLD");
        ds["dcat:landingPage"] = Id(map + "index.html");
        ds["dcat:keyword"] = new JsonArray([.. i.Namen.Trefwoorden.Select(w => (JsonNode)Tekst(w)), Tekst("voortgang"), Tekst("Kamerbrief")]);
        ds["dcat:distribution"] = new JsonArray([.. g.Bestanden.Select(b => (JsonNode)Id(map + b.Naam + "#distributie"))]);
        graaf.Add(ds);
        graaf.Add(Getypeerd(map + "index.html", "foaf:Document"));
        foreach (var b in g.Bestanden)
        {
            graaf.Add(Distributie(map, b));
        }

        return id;
    }

    private static JsonObject Distributie(string map, BestandInfo b)
    {
        var (mediaType, soort, titel) = Bestandssoort.Van(b.Naam);
        var d = Knoop(map + b.Naam + "#distributie", "dcat:Distribution");
        d["dct:title"] = Tekst(titel);
        d["dcat:accessURL"] = Id(map + "index.html");
        d["dcat:downloadURL"] = Id(map + b.Naam);
        d["dcat:mediaType"] = Id("http://www.iana.org/assignments/media-types/" + mediaType);
        d["dct:format"] = Id(Eu + "file-type/" + soort);
        d["dcat:byteSize"] = new JsonObject { ["@value"] = b.Bytes.ToString(CultureInfo.InvariantCulture), ["@type"] = "xsd:nonNegativeInteger" };
        d["spdx:checksum"] = new JsonObject
        {
            ["@type"] = "spdx:Checksum",
            ["spdx:algorithm"] = Id("spdx:checksumAlgorithm_sha256"),
            ["spdx:checksumValue"] = new JsonObject { ["@value"] = b.Sha256, ["@type"] = "xsd:hexBinary" },
        };
        d["dct:license"] = Id(Cc0);
        d["dct:language"] = Id(Eu + "language/NLD");
        return d;
    }

    private static JsonObject Reeks(string id, string contactId, IEnumerable<string> datasets, DateTimeOffset? gewijzigd, OpenDataInstellingen i)
    {
        // Typed as dcat:Dataset too: DCAT-AP 3 makes a series a kind of dataset, and SHACL does no subclass inference.
        var r = new JsonObject { ["@id"] = id, ["@type"] = new JsonArray("dcat:DatasetSeries", "dcat:Dataset") };
        r["dct:title"] = Tekst($"Voortgang {i.Namen.Volledig}");
        r["dct:description"] = Tekst("De reeks voortgangsrapportages aan de Tweede Kamer; elke Kamerbrief is een versie met een eigen, onveranderlijke momentopname.");
        Herkomst(r, contactId);
        Openbaar(r);
        r["dct:identifier"] = id;
        if (gewijzigd is { } m)
        {
            r["dct:modified"] = Moment(m);
        }

        return r;
    }

    private static JsonObject Dienst(string id, string contactId, OpenDataInstellingen i, IEnumerable<string> datasets)
    {
        var s = Knoop(id, "dcat:DataService");
        s["dct:identifier"] = id;
        s["dct:title"] = Tekst("Voortgang API");
        s["dct:description"] = Tekst("Open API met de actuele stand en elke vastgestelde cyclus (?cyclus=…), inclusief de verschillen tussen cycli.");
        s["dcat:endpointURL"] = Id(i.ProgrammaApiUrl);
        s["dcat:endpointDescription"] = Id(i.ApiBasisUrl + "/openapi.json");
        s["dcat:servesDataset"] = new JsonArray([.. datasets.Select(d => (JsonNode)Id(d))]);
        Herkomst(s, contactId);
        Openbaar(s);
        s["dct:license"] = Id(Cc0);
        return s;
    }
}
