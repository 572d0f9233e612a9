using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace VoortgangApi.Functions.Identiteit;

/// <summary>The outcome of checking a bearer token: a principal, or why not (an RFC 6750 error and a safe description).</summary>
public sealed record TokenUitkomst(ClaimsPrincipal? Principal, string? Fout, string? Beschrijving, bool UitgeverOnbereikbaar = false)
{
    public static TokenUitkomst Geldig(ClaimsPrincipal principal) => new(principal, null, null);

    public static TokenUitkomst Ongeldig(string beschrijving) => new(null, "invalid_token", beschrijving);
}

/// <summary>
/// Validates access tokens the way Entra ID's own libraries do: the issuer's keys and issuer name from its OpenID
/// Connect discovery document (cached, refreshed daily and once when a token names a key not yet known), RS256
/// only, issuer, audience, and lifetime with a small clock skew. The claims are kept as the token names them (roles,
/// oid, name), not mapped to WS-Federation URIs.
/// </summary>
public sealed class TokenControle
{
    public const string RolClaim = "roles";
    public const string NaamClaim = "name";
    public const string ObjectIdClaim = "oid";
    public const string ClientClaim = "azp";
    public const string ScopeClaim = "scp";

    private readonly IdentiteitOptions _opties;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ILogger<TokenControle> _logger;

    public TokenControle(IOptions<IdentiteitOptions> opties, ILogger<TokenControle> logger)
    {
        _opties = opties.Value;
        _logger = logger;
        var authority = _opties.AuthorityUri;
        var adres = authority.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration";
        // http only for the development provider on loopback (IdentiteitOptionsControle refuses it anywhere else).
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(adres, new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = !authority.IsLoopback })
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(24),
            RefreshInterval = TimeSpan.FromMinutes(1),
        };
    }

    public async Task<TokenUitkomst> ControleerAsync(string token, CancellationToken ct)
    {
        if (await MetadataAsync(ct) is not { } configuratie)
        {
            return new TokenUitkomst(null, null, null, UitgeverOnbereikbaar: true);
        }

        var resultaat = await _handler.ValidateTokenAsync(token, Parameters(configuratie));
        if (!resultaat.IsValid && resultaat.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // A key rollover at the issuer: fetch its keys once more (at most once a minute) before refusing.
            _metadata.RequestRefresh();
            if (await MetadataAsync(ct) is not { } vernieuwd)
            {
                return new TokenUitkomst(null, null, null, UitgeverOnbereikbaar: true);
            }

            resultaat = await _handler.ValidateTokenAsync(token, Parameters(vernieuwd));
        }

        if (!resultaat.IsValid)
        {
            var reden = Reden(resultaat.Exception);
            _logger.LogInformation("Token geweigerd: {Reden}", reden);
            return TokenUitkomst.Ongeldig(reden);
        }

        var identiteit = resultaat.ClaimsIdentity;
        // An id_token of the same registration carries the same issuer, audience, keys, oid and roles, and a nonce: it
        // proves a sign-in to a browser, it does not authorise calls. Access tokens never carry a nonce.
        if (identiteit.FindFirst("nonce") is not null)
        {
            _logger.LogInformation("Token geweigerd: een id-token (nonce) in plaats van een toegangstoken");
            return TokenUitkomst.Ongeldig("Dit is een id-token, geen toegangstoken.");
        }

        if (identiteit.FindFirst(ObjectIdClaim)?.Value is not { Length: > 0 })
        {
            return TokenUitkomst.Ongeldig("Het token noemt geen object-id (oid).");
        }

        return Client(identiteit) is { } weigering ? Weiger(weigering) : TokenUitkomst.Geldig(new ClaimsPrincipal(identiteit));
    }

    /// <summary>
    /// Only access tokens of the API's own clients: the client (<c>azp</c>) must be on the list, and a user's delegated
    /// token (<c>scp</c>) must carry the API's scope. An application's token has no <c>scp</c>; its app role is checked
    /// per operation. So an official who consents to some other application hands it nothing this API accepts.
    /// </summary>
    private string? Client(ClaimsIdentity identiteit)
    {
        if (identiteit.FindFirst(ClientClaim)?.Value is not { Length: > 0 } client)
        {
            return "Het token noemt geen client (azp): alleen toegangstokens van de eigen clients van deze API.";
        }

        var toegestaan = _opties.ClientLijst;
        if (toegestaan.Count > 0 && !toegestaan.Contains(client))
        {
            return "Het token is uitgegeven aan een client die deze API niet toelaat.";
        }

        if (identiteit.FindFirst(ScopeClaim)?.Value is { } scopes && !scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(_opties.Scope, StringComparer.Ordinal))
        {
            return $"Het token draagt de scope {_opties.Scope} van deze API niet.";
        }

        return null;
    }

    private TokenUitkomst Weiger(string reden)
    {
        _logger.LogInformation("Token geweigerd: {Reden}", reden);
        return TokenUitkomst.Ongeldig(reden);
    }

    // The issuer's discovery document and keys (cached by the manager); null when the issuer cannot be reached.
    private async Task<OpenIdConnectConfiguration?> MetadataAsync(CancellationToken ct)
    {
        try
        {
            return await _metadata.GetConfigurationAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _logger.LogWarning("Metadata van de tokenuitgever {Authority} niet op te halen: {Fout}", _opties.AuthorityUri, ex.Message);
            return null;
        }
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuratie) => new()
    {
        ValidIssuer = configuratie.Issuer,
        IssuerSigningKeys = configuratie.SigningKeys,
        ValidAudience = _opties.Audience,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromSeconds(_opties.KlokspelingSeconden),
        RoleClaimType = RolClaim,
        NameClaimType = NaamClaim,
        AuthenticationType = "Bearer",
    };

    // What the caller may be told: the kind of failure, never the token's content (it can name a person).
    private static string Reden(Exception? fout) => fout switch
    {
        SecurityTokenExpiredException => "Het token is verlopen.",
        SecurityTokenNotYetValidException => "Het token is nog niet geldig.",
        SecurityTokenInvalidAudienceException => "Het token is niet voor deze API uitgegeven (audience).",
        SecurityTokenInvalidIssuerException => "Het token komt van een andere uitgever.",
        SecurityTokenNoExpirationException => "Het token heeft geen vervaldatum.",
        SecurityTokenInvalidAlgorithmException => "Het token is niet met RS256 ondertekend.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "De handtekening van het token klopt niet.",
        _ => "Het token is onleesbaar of ongeldig.",
    };
}
