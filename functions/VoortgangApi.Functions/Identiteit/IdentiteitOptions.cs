using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace VoortgangApi.Functions.Identiteit;

/// <summary>
/// Who issues the access tokens the admin operations accept. In Azure the azd hook writes TenantId and Audience
/// (the app registration's client id); the authority is then Entra ID's v2.0 endpoint of that tenant. Locally the
/// development provider of the local host is the authority (Development only).
/// </summary>
public sealed class IdentiteitOptions
{
    public const string Sectie = "Identiteit";

    /// <summary>The Entra ID tenant (directory) id, a GUID.</summary>
    public string? TenantId { get; set; }

    /// <summary>The token audience: the API's app registration (client id, or its api:// application id URI).</summary>
    public string? Audience { get; set; }

    /// <summary>The issuer to trust; empty means https://login.microsoftonline.com/{TenantId}/v2.0.</summary>
    public string? Authority { get; set; }

    /// <summary>The client id a browser signs in with (Swagger UI, the beheer page); empty means the API's own registration.</summary>
    public string? BrowserClientId { get; set; }

    /// <summary>
    /// The client ids (a token's <c>azp</c>) whose access tokens may call the API, comma-separated: the beheer page's own
    /// registration (which the reference page signs in with too) and named pipelines. Required outside Development;
    /// locally the host names the development provider's clients.
    /// </summary>
    public string Clients { get; set; } = "";

    /// <summary>The delegated scope the API exposes: a user's token (one with <c>scp</c>) must carry it.</summary>
    public string Scope { get; set; } = "Beheer";

    public IReadOnlySet<string> ClientLijst =>
        Clients.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>How far clocks may differ when judging a token's exp and nbf.</summary>
    public int KlokspelingSeconden { get; set; } = 120;

    public const string EntraHost = "login.microsoftonline.com";

    public string AuthorityTekst => Authority is { Length: > 0 } a ? a : $"https://{EntraHost}/{TenantId}/v2.0";

    public Uri AuthorityUri => new(AuthorityTekst);

    public bool IsEntra => AuthorityUri.Host == EntraHost;
}

/// <summary>Checked at start (ValidateOnStart): a worker with a wrong identity setting does not come up at all.</summary>
/// <remarks>
/// In Azure (the platform sets <c>WEBSITE_SITE_NAME</c> for the host and its worker) a Development worker is refused
/// outright: Development is the one setting that lets a non-Entra authority issue tokens, and a test deployment switched
/// to it for detailed errors would trust any issuer. Even in Development a non-Entra authority must be on loopback.
/// </remarks>
public sealed class IdentiteitOptionsControle(IHostEnvironment omgeving, Func<string, string?>? omgevingsvariabele = null) : IValidateOptions<IdentiteitOptions>
{
    /// <summary>Set by the Azure Functions platform on every instance (azure-functions-host EnvironmentSettingNames.AzureWebsiteName).</summary>
    public const string AzureSiteVariabele = "WEBSITE_SITE_NAME";

    private readonly Func<string, string?> _variabele = omgevingsvariabele ?? Environment.GetEnvironmentVariable;

    public ValidateOptionsResult Validate(string? name, IdentiteitOptions o)
    {
        var fouten = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Audience))
        {
            fouten.Add("Identiteit__Audience ontbreekt: de client id (of api://-URI) van de app-registratie van deze API.");
        }

        if (o.TenantId is { Length: > 0 } tenant && !Guid.TryParse(tenant, out _))
        {
            fouten.Add("Identiteit__TenantId is geen GUID.");
        }

        if (string.IsNullOrWhiteSpace(o.Authority) && string.IsNullOrWhiteSpace(o.TenantId))
        {
            fouten.Add("Identiteit__TenantId ontbreekt (of, alleen in Development, Identiteit__Authority).");
        }
        else if (!Uri.TryCreate(o.AuthorityTekst, UriKind.Absolute, out var authority))
        {
            fouten.Add("Identiteit__Authority is geen absolute URL.");
        }
        else if (!omgeving.IsDevelopment())
        {
            if (o.ClientLijst.Count == 0)
            {
                fouten.Add("Identiteit__Clients ontbreekt: de client-ids (azp) waarvan toegangstokens de API mogen aanroepen (de beheerpagina, pijplijnen).");
            }

            // Outside Development only Entra ID may issue the tokens that authorise a write.
            if (authority.Scheme != Uri.UriSchemeHttps || authority.Host != IdentiteitOptions.EntraHost)
            {
                fouten.Add($"Identiteit__Authority moet buiten Development Entra ID zijn (https://{IdentiteitOptions.EntraHost}/<tenant>/v2.0).");
            }
            else if (o.TenantId is not { Length: > 0 } || !authority.AbsolutePath.StartsWith($"/{o.TenantId}/", StringComparison.OrdinalIgnoreCase))
            {
                fouten.Add("Identiteit__Authority moet de tenant van Identiteit__TenantId noemen.");
            }
        }
        else if (_variabele(AzureSiteVariabele) is { Length: > 0 })
        {
            fouten.Add($"Deze worker draait in Azure ({AzureSiteVariabele} is gezet) met de omgeving Development: geweigerd. Zet AZURE_FUNCTIONS_ENVIRONMENT op Production.");
        }
        else if (!authority.IsLoopback && authority.Host != IdentiteitOptions.EntraHost)
        {
            fouten.Add("Identiteit__Authority moet Entra ID zijn, of in Development een ontwikkelprovider op loopback.");
        }
        else if (authority.Scheme != Uri.UriSchemeHttps && !authority.IsLoopback)
        {
            fouten.Add("Identiteit__Authority moet https zijn (http alleen op loopback, voor de ontwikkelprovider).");
        }

        if (o.KlokspelingSeconden is < 0 or > 300)
        {
            fouten.Add("Identiteit__KlokspelingSeconden moet tussen 0 en 300 liggen.");
        }

        return fouten.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(fouten);
    }
}
