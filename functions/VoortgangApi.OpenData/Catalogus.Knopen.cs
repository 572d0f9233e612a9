using System.Globalization;
using System.Text.Json.Nodes;

namespace VoortgangApi.OpenData;

// The small JSON-LD builders of the catalogue: nodes, typed literals and the shared properties.
public static partial class Catalogus
{
    // An organisational contact point: a name, a functional mailbox, a website and the ministry's postal address. No person.
    private static JsonObject Contact(string id, OpenDataInstellingen i)
    {
        var k = Knoop(id, "vcard:Kind");
        k["vcard:fn"] = i.ContactNaam;
        k["vcard:hasEmail"] = Id("mailto:" + i.ContactEmail);
        k["vcard:hasURL"] = Id(i.ContactUrl);
        k["vcard:hasAddress"] = new JsonObject
        {
            ["@type"] = "vcard:Address",
            ["vcard:street-address"] = "Turfmarkt 147",
            ["vcard:postal-code"] = "2511 DP",
            ["vcard:locality"] = "Den Haag",
            ["vcard:country-name"] = "Nederland",
        };
        return k;
    }

    // Publisher and creator are the ministry (TOOI); the contact point is organisational.
    private static void Herkomst(JsonObject knoop, string contactId)
    {
        knoop["dct:publisher"] = Id(JenV);
        knoop["dct:creator"] = Id(JenV);
        knoop["dcat:contactPoint"] = Id(contactId);
    }

    // Public access, and the EU data themes justice (JUST) and population and society (SOCI).
    private static void Openbaar(JsonObject knoop)
    {
        knoop["dct:accessRights"] = Id(Eu + "access-right/PUBLIC");
        knoop["dcat:theme"] = new JsonArray(Id(Eu + "data-theme/JUST"), Id(Eu + "data-theme/SOCI"));
    }

    private static JsonObject Agent(string id, string naam)
    {
        var a = Knoop(id, "foaf:Agent");
        a["foaf:name"] = Tekst(naam);
        return a;
    }

    private static JsonObject Context() => new()
    {
        ["dcat"] = "http://www.w3.org/ns/dcat#",
        ["dct"] = "http://purl.org/dc/terms/",
        ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
        ["adms"] = "http://www.w3.org/ns/adms#",
        ["spdx"] = "http://spdx.org/rdf/terms#",
        ["skos"] = "http://www.w3.org/2004/02/skos/core#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
    };

    private static JsonObject Knoop(string id, string type) => new() { ["@id"] = id, ["@type"] = type };

    private static JsonObject Getypeerd(string id, string type) => Knoop(id, type);

    private static JsonObject Id(string id) => new() { ["@id"] = id };

    private static JsonObject Tekst(string tekst) => new() { ["@value"] = tekst, ["@language"] = "nl" };

    private static JsonObject Moment(DateTimeOffset m) =>
        new() { ["@value"] = m.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), ["@type"] = "xsd:dateTime" };

    private static string Datum(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
