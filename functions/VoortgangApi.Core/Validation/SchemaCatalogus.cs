using System.Collections.Concurrent;
using NJsonSchema;
using NJsonSchema.Validation;

namespace VoortgangApi.Core.Validation;

/// <summary>The JSON Schemas of schemas/, loaded once each; the contract that request bodies are checked against.</summary>
public sealed class SchemaCatalogus(string schemaMap)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> _schemas = new(StringComparer.Ordinal);

    public string Map { get; } = schemaMap;

    public Task<JsonSchema> SchemaAsync(string bestand) =>
        _schemas.GetOrAdd(bestand, b => new Lazy<Task<JsonSchema>>(() => JsonSchema.FromFileAsync(Path.Combine(Map, b)))).Value;

    /// <summary>The top-level fields a schema marks <c>readOnly</c>: the server owns them; a body may carry them back.</summary>
    public async Task<IReadOnlySet<string>> AlleenLezenAsync(string bestand) =>
        (await SchemaAsync(bestand)).Properties.Where(p => p.Value.IsReadOnly).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Validates JSON text; every violation becomes one invalid input named by its JSON path.</summary>
    public async Task<IReadOnlyList<OngeldigeInvoer>> ValideerAsync(string bestand, string json)
    {
        var schema = await SchemaAsync(bestand);
        try
        {
            return [.. Plat(schema.Validate(json)).Select(f => new OngeldigeInvoer(Pad(f), f.Kind.ToString(), Reden(f)))];
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return [new OngeldigeInvoer("$", "geenJson", "de body is geen geldige JSON.")];
        }
    }

    internal static IEnumerable<ValidationError> Plat(IEnumerable<ValidationError> fouten) =>
        fouten.SelectMany(f => f is ChildSchemaValidationError kind
            ? kind.Errors.Values.SelectMany(Plat).DefaultIfEmpty(f)
            : [f]);

    // NJsonSchema paths look like "#/kamerbrief.datum"; report them as JSON paths ("$.kamerbrief.datum").
    internal static string Pad(ValidationError fout) =>
        string.IsNullOrEmpty(fout.Path) ? "$" : "$" + fout.Path.TrimStart('#').Replace('/', '.');

    private static string Reden(ValidationError f) => f.Kind switch
    {
        ValidationErrorKind.PropertyRequired => "verplicht veld ontbreekt.",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => "onbekend veld.",
        ValidationErrorKind.DateExpected => "verwacht een datum (JJJJ-MM-DD).",
        ValidationErrorKind.PatternMismatch => "voldoet niet aan het vereiste formaat.",
        ValidationErrorKind.StringTooLong => "tekst is te lang.",
        ValidationErrorKind.StringTooShort => "tekst is te kort of leeg.",
        ValidationErrorKind.NotInEnumeration => "geen toegestane waarde.",
        ValidationErrorKind.UriExpected => "verwacht een URL.",
        _ => $"ongeldig ({f.Kind}).",
    };
}
