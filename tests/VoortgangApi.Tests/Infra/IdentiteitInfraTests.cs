using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Infra;

/// <summary>
/// Who may write in Azure, checked offline (no subscription here): Bicep writes the tenant and the audience of the
/// app registration that the azd preprovision hook creates; the hook, run as a dry run, prints the registration with
/// both app roles; every shell script passes shellcheck.
/// </summary>
public class IdentiteitInfraTests
{
    private static readonly string[] Scripts = ["run.sh", "test.sh", "bench.sh", ".ci/run"];

    private static Task<(int Code, string Stdout, string Stderr)> VoerUitAsync(string programma, IReadOnlyDictionary<string, string> omgeving, params string[] args) =>
        Proces.VoerUitAsync(programma, omgeving, args);

    [Fact]
    public async Task TheAppTrustsEntraIdOfItsOwnTenantForTheRegistrationTheHookCreates()
    {
        var site = Bicep.Resources(await Bicep.ArmAsync()).Single(r => (string?)r["type"] == "Microsoft.Web/sites");
        var instellingen = site["properties"]!["siteConfig"]!["appSettings"]!.AsArray();
        var main = await Bicep.ArmAsync();

        Assert.Equal("[tenant().tenantId]", (string?)instellingen.Single(s => (string?)s!["name"] == "Identiteit__TenantId")!["value"]);
        Assert.Equal("[parameters('apiClientId')]", (string?)instellingen.Single(s => (string?)s!["name"] == "Identiteit__Audience")!["value"]);
        Assert.DoesNotContain(instellingen, s => (string?)s!["name"] == "Identiteit__Authority"); // Entra ID's, from the tenant
        Assert.Equal("[parameters('beheerClientId')]", (string?)instellingen.Single(s => (string?)s!["name"] == "Identiteit__BrowserClientId")!["value"]);
        Assert.Contains("beheerClientId", (string?)instellingen.Single(s => (string?)s!["name"] == "Identiteit__Clients")!["value"], StringComparison.Ordinal);
        Assert.Contains("${VOORTGANG_BEHEER_CLIENT_ID}", await File.ReadAllTextAsync(Repo.Pad("infra", "main.parameters.json")), StringComparison.Ordinal);
        Assert.Equal("Production", (string?)instellingen.Single(s => (string?)s!["name"] == "AZURE_FUNCTIONS_ENVIRONMENT")!["value"]);
        Assert.Equal("Production", (string?)instellingen.Single(s => (string?)s!["name"] == "DOTNET_ENVIRONMENT")!["value"]);
        Assert.Null(main["parameters"]!["apiClientId"]!["defaultValue"]);
        Assert.Contains("${VOORTGANG_API_CLIENT_ID}", await File.ReadAllTextAsync(Repo.Pad("infra", "main.parameters.json")), StringComparison.Ordinal);
        var azure = await File.ReadAllTextAsync(Repo.Pad("azure.yaml"));
        Assert.Contains("scripts/entra-app.sh registratie", azure, StringComparison.Ordinal);
        Assert.Contains("scripts/entra-app.sh redirects", azure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHooksDryRunRegistersTheAppWithBothRoles()
    {
        var omgeving = new Dictionary<string, string> { ["DRY_RUN"] = "1", ["AZURE_ENV_NAME"] = "proef", ["SERVICE_API_URI"] = "https://func-proef.azurewebsites.net" };

        var registratie = await VoerUitAsync("bash", omgeving, "scripts/entra-app.sh", "registratie");
        var redirects = await VoerUitAsync("bash", omgeving, "scripts/entra-app.sh", "redirects");

        Assert.Equal(0, registratie.Code);
        Assert.Equal(0, redirects.Code);
        var opdrachten = registratie.Stdout + registratie.Stderr;
        Assert.Contains("az ad app create --display-name voortgang-api-proef", opdrachten, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Voortgang.Vastleggen\"", opdrachten, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Cycli.Beheren\"", opdrachten, StringComparison.Ordinal);
        Assert.Contains("\"requestedAccessTokenVersion\":2", opdrachten, StringComparison.Ordinal);
        Assert.Contains("az ad sp create", opdrachten, StringComparison.Ordinal);
        Assert.Contains("azd env set VOORTGANG_API_CLIENT_ID", opdrachten, StringComparison.Ordinal);
        // Admin consent only, and only the beheer page's own client pre-authorised for it.
        Assert.Contains("\"value\":\"Beheer\",\"type\":\"Admin\"", opdrachten, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\":\"User\"", opdrachten, StringComparison.Ordinal);
        Assert.Contains("az ad app create --display-name voortgang-api-proef-beheer", opdrachten, StringComparison.Ordinal);
        Assert.Contains("preAuthorizedApplications", opdrachten, StringComparison.Ordinal);
        Assert.Contains("azd env set VOORTGANG_BEHEER_CLIENT_ID", opdrachten, StringComparison.Ordinal);
        Assert.Contains("https://func-proef.azurewebsites.net/api/v1/documentatie/oauth2-redirect.html", redirects.Stdout + redirects.Stderr, StringComparison.Ordinal);
        Assert.Contains("https://func-proef.azurewebsites.net/api/v1/beheer", redirects.Stdout + redirects.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryShellScriptPassesShellcheck()
    {
        var scripts = Scripts
            .Concat(Directory.GetFiles(Repo.Pad("scripts"), "*.sh").Select(p => Path.GetRelativePath(Repo.Root, p))).ToArray();
        Assert.Contains("scripts/entra-app.sh", scripts);
        Assert.True(File.Exists("/usr/bin/shellcheck"), "shellcheck ontbreekt: installeer het Debian-pakket shellcheck (test.sh doet dat als root).");

        var (code, uit, fout) = await VoerUitAsync("/usr/bin/shellcheck", new Dictionary<string, string>(), ["-x", .. scripts]);

        Assert.True(code == 0, $"shellcheck:{Environment.NewLine}{uit}{fout}");
    }
}
