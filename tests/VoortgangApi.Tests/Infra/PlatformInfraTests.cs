using System.Text.Json.Nodes;
using VoortgangApi.Storage;

namespace VoortgangApi.Tests.Infra;

/// <summary>What the platform must know of the app, checked offline on the compiled ARM template (nothing is deployed here).</summary>
public class PlatformInfraTests
{
    private static async Task<JsonObject> Sjabloon(string met) =>
        Bicep.Templates(await Bicep.ArmAsync()).Single(t => t["variables"]?[met] is not null);

    private static async Task<JsonObject> Site() =>
        Bicep.Resources(await Bicep.ArmAsync()).Single(r => (string?)r["type"] == "Microsoft.Web/sites");

    [Fact]
    public async Task OneCorsListServesThePlatformAndTheApp()
    {
        var site = await Site();
        var sjabloon = await Sjabloon("corsOrigins");
        var instellingen = site["properties"]!["siteConfig"]!["appSettings"]!.AsArray();

        Assert.Equal("[variables('corsOrigins')]", (string?)site["properties"]!["siteConfig"]!["cors"]!["allowedOrigins"]);
        Assert.False((bool)site["properties"]!["siteConfig"]!["cors"]!["supportCredentials"]!);
        Assert.Equal("[join(variables('corsOrigins'), ',')]", (string?)instellingen.Single(s => (string?)s!["name"] == "Cors__AllowedOrigins")!["value"]);
        Assert.StartsWith("[union(createArray(variables('blobOrigin'))", (string?)sjabloon["variables"]!["corsOrigins"], StringComparison.Ordinal);
        // https://<account>.blob.core.windows.net/ → its first three '/'-parts: the origin without the trailing slash.
        Assert.Equal("[join(take(split(parameters('blobEndpoint'), '/'), 3), '/')]", (string?)sjabloon["variables"]!["blobOrigin"]);
        Assert.Contains("websiteOrigin", (string?)sjabloon["variables"]!["corsOrigins"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheModuleGetsTheStorageAccountsOwnBlobEndpoint()
    {
        var module = Bicep.Resources(await Bicep.ArmAsync())
            .Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == "function-app");

        Assert.Contains("outputs.blobEndpoint", (string?)module["properties"]!["parameters"]!["blobEndpoint"]!["value"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BicepDeclaresExactlyTheTablesTheAppUses()
    {
        var tabellen = (await Sjabloon("tableNames"))["variables"]!["tableNames"]!.AsArray().Select(t => (string?)t).Order();

        Assert.Equal(new[] { TableKeys.CycliTabel(""), TableKeys.HistorieTabel(""), TableKeys.MomentopnameTabel(""), TableKeys.ProgrammaTabel(""),
            TableKeys.AbonnementTabel("") }.Order(), tabellen);
    }

    [Fact]
    public async Task TheContactAddressIsARequiredDeploymentParameter()
    {
        var main = await Bicep.ArmAsync();
        var instellingen = (await Site())["properties"]!["siteConfig"]!["appSettings"]!.AsArray();

        Assert.Null(main["parameters"]!["contactEmail"]!["defaultValue"]);
        Assert.Equal("[parameters('contactEmail')]", (string?)instellingen.Single(s => (string?)s!["name"] == "OpenApi__ContactEmail")!["value"]);
        Assert.Contains("VOORTGANG_CONTACT_EMAIL", await File.ReadAllTextAsync(Infrastructure.Repo.Pad("infra", "main.parameters.json")), StringComparison.Ordinal);
    }
}
