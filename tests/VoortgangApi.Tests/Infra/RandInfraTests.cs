using System.Text.Json;
using System.Text.Json.Nodes;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Infra;

/// <summary>The edge in the compiled ARM template: Front Door in front, the app locked behind it, and a purge-only role.</summary>
public class RandInfraTests
{
    private static async Task<List<JsonObject>> Resources(string type) =>
        [.. Bicep.Resources(await Bicep.ArmAsync()).Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase))];

    // A value that compiled to a variable of its template ("[variables('compressed')]", loadJsonContent's "$fxv#0"): its value.
    private static async Task<JsonNode> LosAsync(JsonNode waarde)
    {
        if (waarde is not JsonValue verwijzing || !((string)verwijzing!).StartsWith("[variables('", StringComparison.Ordinal))
        {
            return waarde;
        }

        var naam = ((string)verwijzing!).Split('\'')[1];
        return Bicep.Templates(await Bicep.ArmAsync()).Select(t => t["variables"]?[naam]).First(v => v is not null)!;
    }

    private static async Task<JsonObject> Route(string naam) =>
        (await Resources("Microsoft.Cdn/profiles/afdEndpoints/routes")).Single(r => ((string)r["name"]!).Contains($"'{naam}'", StringComparison.Ordinal));

    [Fact]
    public async Task AFrontDoorStandardProfileHasAnEndpointAndAnOriginGroupForTheAppAndOneForTheOpenData()
    {
        var profiel = Assert.Single(await Resources("Microsoft.Cdn/profiles"));
        Assert.Equal("Standard_AzureFrontDoor", (string?)profiel["sku"]!["name"]);
        Assert.Single(await Resources("Microsoft.Cdn/profiles/afdEndpoints"));
        var origins = await Resources("Microsoft.Cdn/profiles/originGroups/origins");
        Assert.Equal(2, origins.Count);
        Assert.All(origins, o => Assert.True((bool)o["properties"]!["enforceCertificateNameCheck"]!));
        Assert.Contains(origins, o => ((string)o["properties"]!["hostName"]!).Contains("functionAppHostName", StringComparison.Ordinal));
        Assert.Contains(origins, o => ((string)o["properties"]!["hostName"]!).Contains("blobHostName", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheApiRouteKeysTheCacheOnTheDocumentedQueryParametersOnlyAndCompressesJsonAtomAndProblems()
    {
        var api = await Route("api");
        var cache = api["properties"]!["cacheConfiguration"]!;

        Assert.Equal("/api/*", (string?)api["properties"]!["patternsToMatch"]![0]);
        Assert.Equal("HttpsOnly", (string?)api["properties"]!["forwardingProtocol"]);
        Assert.Equal("IncludeSpecifiedQueryStrings", (string?)cache["queryStringCachingBehavior"]);
        Assert.Contains("queryParameters", (string?)cache["queryParameters"], StringComparison.Ordinal);
        var typen = (await LosAsync(cache["compressionSettings"]!["contentTypesToCompress"]!)).AsArray().Select(t => (string)t!).ToList();
        Assert.Subset(typen.ToHashSet(), new HashSet<string> { "application/json", "application/atom+xml", "application/problem+json" });
        Assert.True((bool)cache["compressionSettings"]!["isCompressionEnabled"]!);

        // The list the module gets is the repository's one (edge/queryparameters.json), which the VCL and a contract test share.
        var deployment = (await Resources("Microsoft.Resources/deployments")).Single(d => (string?)d["name"] == "edge-routes");
        var waarde = await LosAsync(deployment["properties"]!["parameters"]!["queryParameters"]!["value"]!);
        var lijst = waarde.AsArray().Select(p => (string)p!);
        Assert.Equal(JsonSerializer.Deserialize<string[]>(await File.ReadAllTextAsync(Repo.Pad("edge", "queryparameters.json"))), lijst);
    }

    [Fact]
    public async Task TheOpenDataRouteSharesTheHostSoTheStatusPageReadsTheApiFromItsOwnOrigin()
    {
        var data = await Route("open-data");

        Assert.Equal("/open-data/*", (string?)data["properties"]!["patternsToMatch"]![0]);
        Assert.Equal("IgnoreQueryString", (string?)data["properties"]!["cacheConfiguration"]!["queryStringCachingBehavior"]);
    }

    [Fact]
    public async Task ARequestWithATokenOrACookieIsNeverServedFromFrontDoorsCache()
    {
        var regels = await Resources("Microsoft.Cdn/profiles/ruleSets/rules");
        var koppen = regels.Select(r => (string?)r["properties"]!["conditions"]![0]!["parameters"]!["selector"]).ToHashSet();

        Assert.Equal(new HashSet<string?> { "Authorization", "Cookie" }, koppen);
        Assert.All(regels, r =>
        {
            var actie = Assert.Single(r["properties"]!["actions"]!.AsArray())!;
            Assert.Equal("RouteConfigurationOverride", (string?)actie["name"]);
            Assert.Null(actie["parameters"]!["cacheConfiguration"]); // no cache configuration: caching off
        });
        Assert.Contains("ruleSets", (await Route("api"))["properties"]!["ruleSets"]![0]!["id"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFunctionAppOnlyAcceptsThisFrontDoor()
    {
        var app = (await Resources("Microsoft.Web/sites")).Single();
        var site = app["properties"]!["siteConfig"]!;

        Assert.Equal("Deny", (string?)site["ipSecurityRestrictionsDefaultAction"]);
        var regel = Assert.Single(site["ipSecurityRestrictions"]!.AsArray())!;
        Assert.Equal("ServiceTag", (string?)regel["tag"]);
        Assert.Equal("AzureFrontDoor.Backend", (string?)regel["ipAddress"]);
        Assert.Contains("frontDoorId", regel["headers"]!["x-azure-fdid"]![0]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppsIdentityMayOnlyPurgeTheEndpoint()
    {
        var rol = Assert.Single(await Resources("Microsoft.Authorization/roleDefinitions"));
        var rechten = Assert.Single(rol["properties"]!["permissions"]!.AsArray())!;
        Assert.Equal(["Microsoft.Cdn/profiles/afdEndpoints/purge/action"], rechten["actions"]!.AsArray().Select(a => (string)a!));
        Assert.Null(rechten["dataActions"]);

        var toewijzing = (await Resources("Microsoft.Authorization/roleAssignments"))
            .Single(t => ((string)t["properties"]!["roleDefinitionId"]!).Contains("voortgang-edge-purge", StringComparison.Ordinal));
        Assert.Contains("afdEndpoints", (string?)toewijzing["scope"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppNamesThePublicHostAsItsServerAndPurgesThroughFrontDoor()
    {
        var instellingen = (await Resources("Microsoft.Web/sites")).Single()["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => s!["value"]!.ToString());

        Assert.Equal("FrontDoor", instellingen["Rand__Soort"]);
        Assert.Contains("edgeEndpointId", instellingen["Rand__EndpointId"], StringComparison.Ordinal);
        Assert.Contains("publicUrl", instellingen["OpenApi__ServerUrl"], StringComparison.Ordinal);
        Assert.Contains("publicUrl", instellingen["OpenData__ApiBaseUrl"], StringComparison.Ordinal);
        Assert.Contains("PUBLIC_URL", (await Bicep.ArmAsync())["outputs"]!.AsObject().Select(o => o.Key));
    }
}
