using System.Text.RegularExpressions;
using System.Xml.Linq;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Documentatie;

/// <summary>The README's map and the docs pages say what the tree is: checked, so they cannot drift apart.</summary>
public partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Repo.Pad("README.md"));
    private static readonly string[] Bovenmappen = ["functions", "tests", "bench"];
    private static readonly string ApiPagina = File.ReadAllText(Repo.Pad("docs", "api.md"));

    // The released contract's paths, as the API page must describe them.
    private static List<System.Text.Json.JsonProperty> ContractPaden()
    {
        using var contract = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Repo.Pad("contract", "openapi.json")));
        return [.. contract.RootElement.GetProperty("paths").Clone().EnumerateObject()];
    }

    private static IEnumerable<string> Projectmappen() =>
        Bovenmappen.SelectMany(m => Directory.EnumerateDirectories(Repo.Pad(m)))
            .Where(d => Directory.EnumerateFiles(d, "*.csproj").Any())
            .Select(d => Path.GetRelativePath(Repo.Root, d).Replace('\\', '/'));

    private static List<string> Kaart()
    {
        var blok = Readme[Readme.IndexOf("## How it is built", StringComparison.Ordinal)..];
        blok = blok[(blok.IndexOf("```", StringComparison.Ordinal) + 3)..];
        blok = blok[..blok.IndexOf("```", StringComparison.Ordinal)];
        return [.. blok.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => r.Split(' ')[0])];
    }

    [Fact]
    public void TheReadmeMapNamesEveryProjectFolderThatExists()
    {
        var kaart = Kaart();

        Assert.All(Projectmappen().Where(p => !p.StartsWith("bench/", StringComparison.Ordinal)), p => Assert.Contains(p, kaart));
        Assert.All(kaart, p => Assert.True(Directory.Exists(Repo.Pad(p.TrimEnd('/'))), $"de kaart noemt {p}, dat niet bestaat"));
    }

    [Fact]
    public void ProjectReferencesRunOneWayAsTheReadmeSays()
    {
        var verwijzingen = Projectmappen().Where(p => p.StartsWith("functions/", StringComparison.Ordinal)).ToDictionary(
            p => Path.GetFileName(p),
            p => XDocument.Load(Directory.EnumerateFiles(Repo.Pad(p), "*.csproj").Single()).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))).Order(StringComparer.Ordinal).ToList());

        Assert.Empty(verwijzingen["VoortgangApi.Core"]);
        Assert.Equal(["VoortgangApi.Core"], verwijzingen["VoortgangApi.OpenData"]);
        Assert.Equal(["VoortgangApi.Core"], verwijzingen["VoortgangApi.Storage"]);
        Assert.Equal(["VoortgangApi.Core", "VoortgangApi.OpenData", "VoortgangApi.Storage"], verwijzingen["VoortgangApi.Functions"]);
        Assert.Contains("Functions → OpenData, Storage → Core", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void CoreDependsOnNoWebOrCloudFramework()
    {
        var project = File.ReadAllText(Repo.Pad("functions", "VoortgangApi.Core", "VoortgangApi.Core.csproj"));
        var pakketten = XDocument.Parse(project).Descendants("PackageReference").Select(p => p.Attribute("Include")!.Value).ToList();

        Assert.DoesNotContain("node_modules", project, StringComparison.Ordinal);
        Assert.DoesNotContain("FrameworkReference", project, StringComparison.Ordinal);
        Assert.DoesNotContain(pakketten, p => p.StartsWith("Azure.", StringComparison.Ordinal) || p.StartsWith("Microsoft.Azure", StringComparison.Ordinal) || p.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void NoDocsPageIsUnreachableOrLinksNowhere()
    {
        var paginas = Directory.EnumerateFiles(Repo.Pad("docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).ToList();

        Assert.NotEmpty(paginas);
        Assert.All(paginas, p => Assert.Contains($"]({p})", Readme, StringComparison.Ordinal));
        foreach (var bestand in paginas.Prepend("README.md"))
        {
            var map = Path.GetDirectoryName(Repo.Pad(bestand))!;
            foreach (Match m in LokaleLink().Matches(File.ReadAllText(Repo.Pad(bestand))))
            {
                Assert.True(File.Exists(Path.Combine(map, m.Groups[1].Value)), $"{bestand} verwijst naar {m.Groups[1].Value}, dat niet bestaat");
            }
        }
    }

    [Fact]
    public void TheApiPageNamesEveryPathOfTheReleasedContract()
    {
        var pagina = Parameternaam().Replace(ApiPagina, "{}");
        var paden = ContractPaden().Select(p => p.Name).ToList();

        Assert.NotEmpty(paden);
        Assert.All(paden, p => Assert.True(pagina.Contains("/v1" + Parameternaam().Replace(p, "{}"), StringComparison.Ordinal), $"docs/api.md noemt {p} niet"));
    }

    [Fact]
    public void TheApiPageDescribesEveryQueryParameterOfTheReleasedContract()
    {
        // The third description of a parameter (after the parser and the OpenAPI document, which OpenApiTests compares):
        // the resource table names each operation's own parameters; the moment parameters are described once for all.
        var pagina = ApiPagina;
        var rijen = pagina.Split('\n').Where(r => r.StartsWith('|')).ToList();
        var gecontroleerd = 0;
        foreach (var pad in ContractPaden())
        {
            if (!pad.Value.TryGetProperty("get", out var get) || !get.TryGetProperty("parameters", out var parameters))
            {
                continue;
            }

            foreach (var naam in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!))
            {
                if (Leesmomentparameters.Contains(naam))
                {
                    Assert.Contains($"?{naam}=", pagina, StringComparison.Ordinal);
                    continue;
                }

                var rij = rijen.FirstOrDefault(r => Regex.IsMatch(r, Regex.Escape("/v1" + pad.Name) + "(`|\\?|,)"));
                Assert.True(rij is not null, $"docs/api.md heeft geen rij voor GET {pad.Name}");
                Assert.True(rij.Contains($"`{naam}`", StringComparison.Ordinal) || rij.Contains($"{naam}=", StringComparison.Ordinal),
                    $"docs/api.md beschrijft {naam} van GET {pad.Name} niet");
                gecontroleerd++;
            }
        }

        Assert.True(gecontroleerd >= 10, $"slechts {gecontroleerd} parameters gecontroleerd");
    }

    private static readonly string[] Leesmomentparameters = ["cyclus", "peildatum", "bekendOp"];

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameternaam();

    // A relative link to a file in the repository: ](path) or ](path#anchor), not http(s).
    [GeneratedRegex(@"\]\((?!https?:|#|mailto:)([^)#\s]+)(#[^)]*)?\)")]
    private static partial Regex LokaleLink();
}
