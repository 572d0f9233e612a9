using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Validation;
using VoortgangApi.Core.Validation;

namespace VoortgangApi.Core.Seed;

/// <summary>
/// Reads a seed file, validates it against schemas/seed.schema.json and then checks references between
/// its parts. Any error rejects the whole file, so an import never starts from a half-valid set.
/// </summary>
public static class SeedLoader
{
    /// <summary>Loads and validates <paramref name="seedPad"/>; throws <see cref="SeedValidatieException"/> naming every error.</summary>
    public static async Task<SeedSet> LaadAsync(string seedPad, string schemaMap, CancellationToken ct = default)
    {
        var json = await File.ReadAllTextAsync(seedPad, ct);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(schemaMap, "seed.schema.json"), ct);

        ICollection<ValidationError> schemaFouten;
        try
        {
            schemaFouten = schema.Validate(json);
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            throw new SeedValidatieException(seedPad, [$"$: geen geldige JSON ({ex.Message})"]);
        }

        if (schemaFouten.Count > 0)
        {
            throw new SeedValidatieException(seedPad, [.. SchemaCatalogus.Plat(schemaFouten).Select(Beschrijf)]);
        }

        var document = JsonSerializer.Deserialize<SeedDocument>(json, VoortgangJson.Options)
            ?? throw new SeedValidatieException(seedPad, ["$: leeg document"]);
        var samenhangFouten = SeedSamenhang.Controleer(document);
        if (samenhangFouten.Count > 0)
        {
            throw new SeedValidatieException(seedPad, samenhangFouten);
        }

        return SeedOmzetter.Zet(document);
    }

    private static string Beschrijf(ValidationError fout)
    {
        var pad = SchemaCatalogus.Pad(fout);
        var regel = fout.HasLineInfo ? $" (regel {fout.LineNumber}, positie {fout.LinePosition})" : "";
        return $"{pad}: regel '{fout.Kind}' geschonden{regel}";
    }
}
