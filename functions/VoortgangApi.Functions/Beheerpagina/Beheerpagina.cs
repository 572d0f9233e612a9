using System.Net;
using VoortgangApi.Functions.Identiteit;
using VoortgangApi.Functions.OpenApi;

namespace VoortgangApi.Functions;

/// <summary>
/// The beheer page for officials: HTML, its script, oidc-client-ts and the Rijkshuisstijl CSS, all from the app's own
/// output (copied from npm at build; no CDN). The page signs in against the same provider and client the OpenAPI
/// document names: Entra ID in Azure, the local host's development provider locally.
/// </summary>
public static class Beheerpagina
{
    public static readonly Http.Paginabestanden Bestanden = new("beheer", new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["beheer.js"] = "application/javascript",
        ["beheer.css"] = "text/css",
        ["oidc-client-ts.js"] = "application/javascript",
        ["rhc-tokens.css"] = "text/css",
        ["rhc-componenten.css"] = "text/css",
    });

    /// <summary>The page with the sign-in settings for this server: the issuer (its discovery), the browser client and the scope.</summary>
    public static string Pagina(IdentiteitOptions opties, string serverUrl)
    {
        var aanmelding = Aanmelding.Voor(opties, serverUrl);
        // Locally the provider is served beside the API, so its issuer is this page's own origin.
        var authority = opties.IsEntra ? opties.AuthorityTekst : new Uri(serverUrl).GetLeftPart(UriPartial.Authority) + "/";
        return Bestanden.Tekst("beheer.html")
            .Replace("{{AUTHORITY}}", WebUtility.HtmlEncode(authority), StringComparison.Ordinal)
            .Replace("{{CLIENT_ID}}", WebUtility.HtmlEncode(aanmelding.BrowserClientId), StringComparison.Ordinal)
            .Replace("{{SCOPE}}", WebUtility.HtmlEncode(aanmelding.GebruikersScope), StringComparison.Ordinal);
    }

}
