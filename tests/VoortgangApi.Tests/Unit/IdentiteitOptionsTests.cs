using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using VoortgangApi.Functions.Identiteit;

namespace VoortgangApi.Tests.Unit;

/// <summary>The identity settings are judged at start: outside Development only Entra ID of the configured tenant issues tokens.</summary>
public class IdentiteitOptionsTests
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private sealed class Omgeving(string naam) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = naam;
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static string? Fout(string omgeving, IdentiteitOptions opties) =>
        new IdentiteitOptionsControle(new Omgeving(omgeving)).Validate(null, opties).FailureMessage;

    [Fact]
    public void InProductionTheAuthorityFollowsFromTheTenant()
    {
        var opties = new IdentiteitOptions { TenantId = Tenant, Audience = "00000000-0000-0000-0000-0000000000aa", Clients = "00000000-0000-0000-0000-0000000000bb" };

        Assert.Null(Fout("Production", opties));
        Assert.Equal($"https://login.microsoftonline.com/{Tenant}/v2.0", opties.AuthorityUri.AbsoluteUri);
        Assert.True(opties.IsEntra);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7071/")]
    [InlineData("https://idp.voorbeeld.nl/")]
    [InlineData("https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111/v2.0")]
    public void InProductionAnyOtherAuthorityThanEntraIdOfTheTenantIsRefused(string authority)
    {
        var fout = Fout("Production", new IdentiteitOptions { TenantId = Tenant, Audience = "api://x", Authority = authority });

        Assert.NotNull(fout);
        Assert.Contains("Identiteit__Authority", fout, StringComparison.Ordinal);
    }

    [Fact]
    public void InDevelopmentTheLoopbackProviderIsAcceptedButPlainHttpElsewhereIsNot()
    {
        Assert.Null(Fout("Development", new IdentiteitOptions { Audience = "api://voortgang-api", Authority = "http://127.0.0.1:7071/" }));
        Assert.NotNull(Fout("Development", new IdentiteitOptions { Audience = "api://voortgang-api", Authority = "http://idp.voorbeeld.nl/" }));
    }

    [Fact]
    public void ADevelopmentWorkerInAzureIsRefusedWhateverItsAuthority()
    {
        var controle = new IdentiteitOptionsControle(new Omgeving("Development"), naam => naam == IdentiteitOptionsControle.AzureSiteVariabele ? "func-proef" : null);

        var fout = controle.Validate(null, new IdentiteitOptions { Audience = "api://voortgang-api", Authority = "http://127.0.0.1:7071/" }).FailureMessage;

        Assert.NotNull(fout);
        Assert.Contains("AZURE_FUNCTIONS_ENVIRONMENT", fout, StringComparison.Ordinal);
    }

    [Fact]
    public void InDevelopmentAnIssuerThatIsNeitherEntraIdNorOnLoopbackIsRefused()
    {
        var fout = Fout("Development", new IdentiteitOptions { Audience = "api://voortgang-api", Authority = "https://idp.voorbeeld.nl/" });

        Assert.NotNull(fout);
        Assert.Contains("loopback", fout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, Tenant, "Identiteit__Audience")]
    [InlineData("api://x", null, "Identiteit__TenantId")]
    [InlineData("api://x", "geen-guid", "Identiteit__TenantId")]
    public void AMissingOrMalformedSettingIsNamedInTheStartError(string? audience, string? tenant, string naam)
    {
        var fout = Fout("Production", new IdentiteitOptions { Audience = audience, TenantId = tenant });

        Assert.NotNull(fout);
        Assert.Contains(naam, fout, StringComparison.Ordinal);
    }

    [Fact]
    public void InProductionTheAllowlistOfClientsIsRequired()
    {
        var fout = Fout("Production", new IdentiteitOptions { TenantId = Tenant, Audience = "api://x", Clients = " , " });

        Assert.NotNull(fout);
        Assert.Contains("Identiteit__Clients", fout, StringComparison.Ordinal);
    }
}
