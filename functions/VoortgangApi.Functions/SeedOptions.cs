namespace VoortgangApi.Functions;

/// <summary>Where the seed set and the schemas are, and whether to import the seed into an empty store at start.</summary>
public sealed class SeedOptions
{
    public const string Sectie = "Seed";

    public bool ImporteerBijStart { get; set; } = true;
    public string Pad { get; set; } = Path.Combine(AppContext.BaseDirectory, "data", "seed.json");
    public string SchemaMap { get; set; } = Path.Combine(AppContext.BaseDirectory, "schemas");
}
