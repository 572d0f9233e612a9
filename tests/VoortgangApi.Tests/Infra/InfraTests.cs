using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VoortgangApi.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace VoortgangApi.Tests.Infra;

/// <summary>The deployment templates: they compile and lint clean offline, and the compiled ARM holds the security properties.</summary>
public partial class InfraTests
{
    private static async Task<List<JsonObject>> Resources(string type) =>
        [.. Bicep.Resources(await Bicep.ArmAsync()).Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase))];

    [Fact]
    public async Task BicepBuildsWithoutErrorsOrWarnings()
    {
        var (code, _, stderr) = await Bicep.BuildAsync();

        Assert.Equal(0, code);
        Assert.True(string.IsNullOrWhiteSpace(stderr), stderr);
    }

    [Fact]
    public async Task BicepLintReportsNothing()
    {
        var (code, stdout, stderr) = await Bicep.VoerUitAsync("lint", Repo.Pad("infra", "main.bicep"));

        Assert.Equal(0, code);
        Assert.True(string.IsNullOrWhiteSpace(stdout + stderr), stdout + stderr);
    }

    [Fact]
    public async Task StorageAccountIsKeylessTls12AndHttpsOnly()
    {
        var storage = Assert.Single(await Resources("Microsoft.Storage/storageAccounts"));
        var p = storage["properties"]!;

        Assert.False((bool)p["allowSharedKeyAccess"]!);
        Assert.Equal("TLS1_2", (string?)p["minimumTlsVersion"]);
        Assert.True((bool)p["supportsHttpsTrafficOnly"]!);
    }

    [Fact]
    public async Task OnlyTheOpenDataContainerIsPublic()
    {
        var containers = await Resources("Microsoft.Storage/storageAccounts/blobServices/containers");

        var publiek = containers.Where(c => (string?)c["properties"]?["publicAccess"] is not (null or "None")).ToList();
        Assert.Equal(["open-data"], publiek.Select(c => Naam(c)));
        Assert.Equal("Blob", (string?)publiek[0]["properties"]!["publicAccess"]);
        Assert.True(containers.Count >= 2);
        Assert.Equal("None", (string?)containers.Single(c => Naam(c) == "checkpunten")["properties"]!["publicAccess"]); // the log's checkpoints stay private
    }

    [Fact]
    public async Task FunctionAppRunsDotnetIsolated10OnFlexConsumptionOverHttpsOnly()
    {
        var plan = Assert.Single(await Resources("Microsoft.Web/serverfarms"));
        var app = Assert.Single(await Resources("Microsoft.Web/sites"));

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.True((bool)app["properties"]!["httpsOnly"]!);
        var runtime = app["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
        Assert.Equal("UserAssigned", (string?)app["identity"]!["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)app["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!["type"]);
    }

    [Fact]
    public async Task TheHttpGroupKeepsOneInstanceWarmAndNamesItsConcurrency()
    {
        var app = Assert.Single(await Resources("Microsoft.Web/sites"));
        var schaal = app["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!;

        var warm = Assert.Single(schaal["alwaysReady"]!.AsArray());
        Assert.Equal("http", (string?)warm!["name"]);
        Assert.True((int)warm["instanceCount"]! >= 1);
        Assert.Equal(50, (int)schaal["triggers"]!["http"]!["perInstanceConcurrency"]!);
    }

    [Fact]
    public async Task TheWebhookQueuesExistAndTheAppReachesThemWithItsIdentity()
    {
        var wachtrijen = await Resources("Microsoft.Storage/storageAccounts/queueServices/queues");
        Assert.Equal(["webhooks", "webhooks-poison"], wachtrijen.Select(Naam).Order(StringComparer.Ordinal));

        var app = Assert.Single(await Resources("Microsoft.Web/sites"));
        var settings = app["properties"]!["siteConfig"]!["appSettings"]!.AsArray().ToDictionary(s => (string)s!["name"]!, s => s!["value"]!.ToJsonString());
        Assert.Contains("WEBHOOKS_QUEUE", settings.Keys); // the queue trigger's %WEBHOOKS_QUEUE%
        Assert.Contains("Storage__QueueServiceUri", settings.Keys);
        Assert.Equal("\"false\"", settings["Webhooks__LoopbackToegestaan"]);

        // Storage Queue Data Contributor for the app's identity (send, read, delete), no key in any setting.
        var rollen = (await Resources("Microsoft.Authorization/roleAssignments")).Select(t => (string)t["properties"]!["roleDefinitionId"]!).ToList();
        Assert.Contains(rollen, r => r.Contains("storageQueueDataContributor", StringComparison.Ordinal) || r.Contains("974c5e8b-45b9-4653-ba55-5f855dd0fb88", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AppSettingsHoldNoSecret()
    {
        var app = Assert.Single(await Resources("Microsoft.Web/sites"));
        var settings = app["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => s!["value"]!.ToJsonString());

        Assert.Equal("\"managedidentity\"", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains("AzureWebJobsStorage__accountName", settings.Keys);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.Contains("Storage__TableServiceUri", settings.Keys);
        Assert.Contains("Storage__ClientId", settings.Keys);
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        Assert.Contains("SNAPSHOT_SCHEDULE", settings.Keys);
        Assert.All(settings, s => Assert.DoesNotMatch(Geheim(), s.Key + "=" + s.Value));
    }

    [Fact]
    public async Task MonitoringRejectsKeyBasedIngestion()
    {
        var appInsights = Assert.Single(await Resources("Microsoft.Insights/components"));

        Assert.True((bool)appInsights["properties"]!["DisableLocalAuth"]!);
    }

    [Fact]
    public async Task RoleAssignmentsGrantTheFourDataRolesWithDeterministicNames()
    {
        var toewijzingen = await Resources("Microsoft.Authorization/roleAssignments");
        var variabelen = Bicep.Templates(await Bicep.ArmAsync())
            .SelectMany(t => t["variables"]?.AsObject() ?? [])
            .Where(v => v.Value is JsonValue)
            .ToDictionary(v => v.Key, v => v.Value!.ToString());

        // roleDefinitionId is "[subscriptionResourceId('…roleDefinitions', variables('storageBlobDataOwner'))]": resolve the variable.
        var rollen = toewijzingen
            .Select(t => VariabeleVerwijzing().Replace((string)t["properties"]!["roleDefinitionId"]!, m => variabelen[m.Groups[1].Value]))
            .ToList();
        foreach (var rolId in new[] { "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
                     "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "3913510d-42f4-4e42-8a64-420c390055eb" })
        {
            Assert.Contains(rollen, r => r.Contains(rolId, StringComparison.Ordinal));
        }

        Assert.All(toewijzingen, t => Assert.StartsWith("[guid(", (string?)t["name"], StringComparison.Ordinal));
        Assert.All(toewijzingen, t => Assert.Equal("ServicePrincipal", (string?)t["properties"]!["principalType"]));
    }

    [Fact]
    public async Task OutputsGiveAzdWhatItNeedsWithoutSecrets()
    {
        var outputs = (await Bicep.ArmAsync())["outputs"]!.AsObject();

        Assert.Subset(outputs.Select(o => o.Key).ToHashSet(), new HashSet<string> { "AZURE_LOCATION", "AZURE_TENANT_ID", "SERVICE_API_NAME" });
        Assert.All(outputs, o => Assert.DoesNotMatch(Geheim(), o.Key + "=" + o.Value!.ToJsonString()));
    }

    [Fact]
    public void InfraUsesNoRegistryModules()
    {
        var bestanden = Directory.EnumerateFiles(Repo.Pad("infra"), "*", SearchOption.AllDirectories);

        Assert.All(bestanden, f => Assert.DoesNotMatch(@"\bbr(/public)?:", File.ReadAllText(f)));
    }

    [Fact]
    public void AzureYamlDeclaresTheFunctionAppAsTheApiService()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Repo.Pad("azure.yaml"))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var api = (YamlMappingNode)((YamlMappingNode)root["services"])["api"];

        Assert.Matches("^[a-z][a-z0-9-]{1,62}$", root["name"].ToString());
        Assert.Equal("voortgang-api", root["name"].ToString());
        Assert.Equal("function", api["host"].ToString());
        Assert.Equal("dotnet", api["language"].ToString());
        var project = Repo.Pad(api["project"].ToString());
        var csproj = Assert.Single(Directory.GetFiles(project, "*.csproj"));
        Assert.Contains("<AzureFunctionsVersion>v4</AzureFunctionsVersion>", File.ReadAllText(csproj), StringComparison.Ordinal);
    }

    // Compiled names are expressions such as "[format('{0}/{1}/{2}', parameters('name'), 'default', 'open-data')]".
    private static string Naam(JsonObject resource) => LaatsteLiteral().Match((string)resource["name"]!).Groups[1].Value;

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariabeleVerwijzing();

    [GeneratedRegex(@"'([^']+)'\)?\]?$")]
    private static partial Regex LaatsteLiteral();

    // A key, password or SAS must never be in a setting or output; listKeys() would put one there at deploy time.
    [GeneratedRegex(@"AccountKey=|SharedAccessSignature|sig=|listKeys|listSecrets|password|secret|DefaultEndpointsProtocol", RegexOptions.IgnoreCase)]
    private static partial Regex Geheim();
}
