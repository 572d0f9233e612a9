using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace VoortgangApi.Functions.OpenApi;

/// <summary>
/// Turns the JSON Schemas of schemas/ into OpenAPI components, so the contract has one source of truth: the
/// component name is the schema's <c>title</c>, and a file reference ("bron.schema.json") becomes a component reference.
/// </summary>
public static class SchemaComponenten
{
    /// <summary>Schemas that describe files, not API resources.</summary>
    private static readonly HashSet<string> GeenComponent = ["seed.schema.json", "voortgang.schema.json"];

    /// <summary>Component name per schema file, e.g. "thema-detail.schema.json" → "ThemaDetail".</summary>
    public static IReadOnlyDictionary<string, string> Namen(string schemaMap) =>
        Bestanden(schemaMap).ToDictionary(b => Path.GetFileName(b), b => (string)JsonNode.Parse(File.ReadAllText(b))!["title"]!, StringComparer.Ordinal);

    public static void VoegToe(OpenApiDocument document, string schemaMap)
    {
        var namen = Namen(schemaMap);
        var context = new ParsingContext(new OpenApiDiagnostic());
        foreach (var bestand in Bestanden(schemaMap))
        {
            var node = JsonNode.Parse(File.ReadAllText(bestand))!.AsObject();
            node.Remove("$schema");
            Herschrijf(node, namen);
            document.AddComponent(namen[Path.GetFileName(bestand)], context.ParseFragment<OpenApiSchema>(node, OpenApiSpecVersion.OpenApi3_0, document));
        }
    }

    private static IEnumerable<string> Bestanden(string schemaMap) =>
        Directory.EnumerateFiles(schemaMap, "*.schema.json").Where(b => !GeenComponent.Contains(Path.GetFileName(b))).Order(StringComparer.Ordinal);

    private static void Herschrijf(JsonNode? node, IReadOnlyDictionary<string, string> namen)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["$ref"] is JsonValue r && namen.TryGetValue(r.ToString(), out var naam))
                {
                    o["$ref"] = $"#/components/schemas/{naam}";
                }

                foreach (var (_, kind) in o.ToList())
                {
                    Herschrijf(kind, namen);
                }

                break;
            case JsonArray a:
                foreach (var kind in a)
                {
                    Herschrijf(kind, namen);
                }

                break;
        }
    }
}
