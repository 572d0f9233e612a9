using System.Text.Json;
using System.Text.Json.Nodes;

namespace VoortgangApi.OpenData;

// The ministry's catalogue of every programme: one dcat:Catalog over the programmes' own catalogues.
public static partial class Catalogus
{
    /// <summary>Where the catalogue of all programmes lives in the open-data container.</summary>
    public const string AllePad = "programmas/catalogus.jsonld";

    /// <summary>
    /// One catalogue with every programme's dataset series, releases and API: the nodes of each programme's own catalogue
    /// (as published), under one dcat:Catalog that lists them all. A programme's own catalogue stays what it is; a node
    /// that several catalogues share (a licence, a language) is written once.
    /// </summary>
    public static byte[] Voeg(IReadOnlyList<byte[]> programmacatalogi, OpenDataInstellingen i)
    {
        var graaf = new JsonArray();
        var gezien = new HashSet<string>(StringComparer.Ordinal);
        var datasets = new JsonArray();
        var diensten = new JsonArray();
        DateTimeOffset? gewijzigd = null;
        foreach (var bytes in programmacatalogi)
        {
            foreach (var knoop in (JsonNode.Parse(bytes)!["@graph"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (knoop["@type"] is JsonValue soort && (string?)soort == "dcat:Catalog")
                {
                    foreach (var d in knoop["dcat:dataset"] as JsonArray ?? [])
                    {
                        datasets.Add(d?.DeepClone());
                    }

                    diensten.Add(knoop["dcat:service"]?.DeepClone());
                    if (knoop["dct:modified"]?["@value"] is JsonValue m && DateTimeOffset.TryParse((string?)m, System.Globalization.CultureInfo.InvariantCulture, out var moment)
                        && (gewijzigd is null || moment > gewijzigd))
                    {
                        gewijzigd = moment;
                    }

                    continue;
                }

                if (knoop["@id"] is JsonValue id && gezien.Add((string)id!))
                {
                    graaf.Add(knoop.DeepClone());
                }
            }
        }

        var contactId = i.Url(AllePad) + "#contact";
        var catalogus = Knoop(i.Url(AllePad), "dcat:Catalog");
        catalogus["dct:title"] = Tekst("Open data voortgang van de programma's van het ministerie");
        catalogus["dct:description"] = Tekst("Alle uitgaven van alle voortgangsprogramma's, één reeks per programma en één uitgave per Kamerbrief.");
        Herkomst(catalogus, contactId);
        catalogus["dct:language"] = Id(Eu + "language/NLD");
        catalogus["dct:license"] = Id(Cc0);
        catalogus["foaf:homepage"] = Id(i.ApiBasisUrl + "/documentatie");
        catalogus["dcat:dataset"] = datasets;
        catalogus["dcat:service"] = diensten;
        if (gewijzigd is { } g)
        {
            catalogus["dct:modified"] = Moment(g);
        }

        graaf.Insert(0, catalogus);
        graaf.Add(Contact(contactId, i));
        foreach (var vast in new[] { Agent(JenV, "Ministerie van Justitie en Veiligheid"), Getypeerd(i.ApiBasisUrl + "/documentatie", "foaf:Document"),
            Getypeerd(Cc0, "dct:LicenseDocument"), Getypeerd(Eu + "language/NLD", "dct:LinguisticSystem") })
        {
            if (gezien.Add((string)vast["@id"]!))
            {
                graaf.Add(vast);
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["@context"] = Context(), ["@graph"] = graaf }, Core.VoortgangJson.Bestand);
    }
}
