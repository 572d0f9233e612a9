using VoortgangApi.Functions.Identiteit;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// The Content-Security-Policy of the HTML pages that hold tokens (the beheer page, the reference page and its OAuth
/// redirect): scripts only from this app (no inline script, no third-party origin), calls only to this API and the
/// identity provider, no base or frame tricks. Styles may be inline: Swagger UI sets them; styles run no code.
/// Every other answer keeps the API's own policy (frame-ancestors 'none').
/// </summary>
public static class Paginabeleid
{
    public static string Csp(IdentiteitOptions identiteit)
    {
        var idp = identiteit.AuthorityUri.GetLeftPart(UriPartial.Authority);
        return $"default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
            $"connect-src 'self' {idp}; base-uri 'none'; form-action 'self' {idp}; frame-ancestors 'none'";
    }

    /// <summary>Gives an HTML page the policy; other files keep the API's.</summary>
    public static TekstResult MetBeleid(this TekstResult result, string contentType, IdentiteitOptions identiteit)
    {
        if (contentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            result.Headers["Content-Security-Policy"] = Csp(identiteit);
        }

        return result;
    }
}
