using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace VoortgangApi.Functions.OpenApi;

/// <summary>A documented parameter: where it goes, what it means, its constraints and an example that works.</summary>
/// <remarks>Without <see cref="Voorbeeld"/> the reference page leaves the field empty in "try it" (an example would be sent).</remarks>
public sealed record ParameterDoc(string Naam, ParameterLocation In, string Beschrijving, OpenApiSchema Schema, JsonNode? Voorbeeld, bool Verplicht = false, bool Lijst = false);

/// <summary>
/// A documented response: status, meaning, body (a component name, or none) and the headers it carries. One the
/// Functions host gives itself (<see cref="VanHost"/>) has no body and no API-Version: the app never sees the request.
/// </summary>
public sealed record AntwoordDoc(int Status, string Beschrijving, string? Schema, string ContentType, IReadOnlyList<string> Headers, JsonNode? Voorbeeld = null, bool VanHost = false);

/// <summary>
/// The human part of an operation; method and path come from the function itself. <see cref="MetWebhookGeheim"/>: the
/// operation asks for a subscription's secret in the Webhook-Secret header (security scheme webhookGeheim).
/// </summary>
public sealed record OperatieDoc(
    string Tag, string Samenvatting, string Beschrijving, IReadOnlyList<ParameterDoc> Parameters, IReadOnlyList<AntwoordDoc> Antwoorden,
    string? BodySchema = null, JsonNode? BodyVoorbeeld = null, string BodyMediatype = Doc.Json, bool MetWebhookGeheim = false);

/// <summary>Small builders so the catalogue reads as a table.</summary>
internal static class Doc
{
    public const string Json = "application/json";
    public const string ProblemJson = "application/problem+json";
    public const string Xlsx = Core.Invulblad.InvulbladService.Mediatype;

    public static OpenApiSchema Tekst(string? patroon = null, int? maxLengte = null, params string[] keuzes) => new()
    {
        Type = JsonSchemaType.String,
        Pattern = patroon,
        MaxLength = maxLengte,
        Enum = keuzes.Length == 0 ? null : [.. keuzes.Select(k => (JsonNode)JsonValue.Create(k))],
    };

    public static OpenApiSchema Geheel(int min, int max, int standaard) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = min.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = max.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = JsonValue.Create(standaard),
    };

    public static ParameterDoc Query(string naam, string beschrijving, OpenApiSchema schema, JsonNode? voorbeeld, bool verplicht = false) =>
        new(naam, ParameterLocation.Query, beschrijving, schema, voorbeeld, verplicht);

    /// <summary>A query parameter that takes one or more values from a list, comma-separated (style form, explode false).</summary>
    public static ParameterDoc Lijst(string naam, string beschrijving, string[] keuzes, params string[] voorbeeld) =>
        new(naam, ParameterLocation.Query, beschrijving + " Meer waarden met komma's, bijvoorbeeld " + string.Join(",", keuzes.Take(2)) + ".",
            new OpenApiSchema { Type = JsonSchemaType.Array, Items = Tekst(null, null, keuzes), MaxItems = keuzes.Length, UniqueItems = true },
            new JsonArray([.. voorbeeld.Select(v => (JsonNode)JsonValue.Create(v))]), Lijst: true);

    public static ParameterDoc Pad(string naam, string beschrijving, OpenApiSchema schema, string voorbeeld) =>
        new(naam, ParameterLocation.Path, beschrijving, schema, JsonValue.Create(voorbeeld), true);

    public static AntwoordDoc Ok(int status, string beschrijving, string schema, JsonNode voorbeeld, params string[] headers) =>
        new(status, beschrijving, schema, Json, headers, voorbeeld);

    public static AntwoordDoc Fout(int status, string beschrijving, JsonNode? voorbeeld = null) =>
        new(status, beschrijving, "Problem", ProblemJson, [], voorbeeld);

    /// <summary>An answer of the Functions host itself, before the app runs: no body, no API-Version.</summary>
    public static AntwoordDoc VanDeHost(int status, string beschrijving) => new(status, beschrijving, null, "", [], null, VanHost: true);
}
