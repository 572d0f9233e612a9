using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Contract;

/// <summary>
/// The contract's version says what changed. contract/openapi.json is the last released document (as a public host
/// gets it); the served one is compared with it by a real OpenAPI diff (npm @useoptic/optic, offline): any change
/// needs a higher info.version with its CHANGELOG.md entry, and a breaking change a higher major version. The served
/// document is written to .run/contract/openapi.json, which is what a release copies over contract/openapi.json.
/// </summary>
public partial class ContractversieTests(TestApi api) : IClassFixture<TestApi>
{
    private static readonly string Vrijgegeven = Repo.Pad("contract", "openapi.json");

    private async Task<(string Pad, JsonObject Document)> GeserveerdAsync()
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, "/api/v1/openapi.json");
        verzoek.Headers.Host = "api.voorbeeld.nl"; // the document as a public host gets it, as it was released
        using var response = await api.Ruw.SendAsync(verzoek);
        var tekst = await response.Content.ReadAsStringAsync();
        var pad = Repo.Pad(".run", "contract", "openapi.json");
        Directory.CreateDirectory(Path.GetDirectoryName(pad)!);
        await File.WriteAllTextAsync(pad, tekst);
        return (pad, JsonNode.Parse(tekst)!.AsObject());
    }

    private static JsonObject VrijgegevenDocument() => JsonNode.Parse(File.ReadAllText(Vrijgegeven))!.AsObject();

    private static Version Versie(JsonObject document) => Version.Parse((string)document["info"]!["version"]!);

    private static IReadOnlyList<string> Changelogversies() =>
        [.. Kop().Matches(File.ReadAllText(Repo.Pad("CHANGELOG.md"))).Select(m => m.Groups[1].Value)];

    private static Task<(int Code, string Stdout, string Stderr)> OpticAsync(string oud, string nieuw, params string[] opties) =>
        Npm.VoerUitAsync(GeenTelemetrie, "optic", ["diff", oud, nieuw, .. opties]);

    // Nothing leaves the machine: optic's usage reporting is switched off.
    private static readonly Dictionary<string, string> GeenTelemetrie = new() { ["OPTIC_TELEMETRY_LEVEL"] = "off" };

    [Fact]
    public async Task TheApiVersionHeaderInfoVersionAndTheChangelogsTopEntryAreOneVersion()
    {
        using var response = await api.Ruw.GetAsync("/api/v1/themas");
        var (_, document) = await GeserveerdAsync();

        Assert.Equal((string?)document["info"]!["version"], response.Headers.GetValues("API-Version").Single());
        Assert.Equal((string?)document["info"]!["version"], Changelogversies()[0]);
        Assert.Equal($"/api/v{Versie(document).Major}", new Uri((string)document["servers"]![0]!["url"]!).AbsolutePath);
    }

    [Fact]
    public async Task AChangedContractIsReleasedAsAHigherVersionWithAChangelogEntry()
    {
        var (pad, geserveerd) = await GeserveerdAsync();
        var vrijgegeven = VrijgegevenDocument();
        // With --json optic prints the changes; its exit code then says whether its checks passed (the next test's concern).
        var (_, json, fout) = await OpticAsync(Vrijgegeven, pad, "--json");
        var bewerkingen = (json.TrimStart().StartsWith('{') ? JsonNode.Parse(json)?["operations"] as JsonArray : null)
            ?? throw new Xunit.Sdk.XunitException($"optic gaf geen JSON: {json}{fout}");

        // Optic lists changes per operation; a change elsewhere (a description, a component) counts as well.
        var zonderVersie = (JsonObject d) => { var kopie = d.DeepClone().AsObject(); kopie["info"]!["version"] = ""; return kopie.ToJsonString(); };
        var gewijzigd = bewerkingen.Count > 0 || zonderVersie(geserveerd) != zonderVersie(vrijgegeven);

        if (gewijzigd)
        {
            Assert.True(Versie(geserveerd) > Versie(vrijgegeven),
                $"Het contract is gewijzigd ({bewerkingen.Count} bewerkingen) maar info.version bleef {Versie(geserveerd)}: verhoog ApiInfo.Versie en beschrijf het in CHANGELOG.md.");
            Assert.Contains(Versie(geserveerd).ToString(), Changelogversies());
        }
        else
        {
            Assert.Equal(Versie(vrijgegeven), Versie(geserveerd));
        }
    }

    [Fact]
    public async Task ABreakingChangeComesOnlyWithANewMajorVersion()
    {
        var (pad, geserveerd) = await GeserveerdAsync();

        var (code, uit, fout) = await OpticAsync(Vrijgegeven, pad, "--check");

        Assert.True(code == 0 || Versie(geserveerd).Major > Versie(VrijgegevenDocument()).Major,
            $"Een brekende wijziging zonder nieuwe major-versie (/v{Versie(geserveerd).Major + 1}):\n{uit}{fout}");
    }

    [GeneratedRegex(@"^## \[(\d+\.\d+\.\d+)\]", RegexOptions.Multiline)]
    private static partial Regex Kop();
}
