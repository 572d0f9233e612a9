using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace VoortgangApi.LocalHost.Ontwikkelprovider;

/// <summary>
/// A development OpenID Connect provider (OpenIddict) on the local host's public port, standing in for Entra ID:
/// discovery and JWKS under /.well-known, signed RS256 access tokens (JWT, not encrypted, as Entra ID's) with the
/// claims Entra ID puts in them (oid, name, roles, azp), client credentials for scripts and tests, and authorization
/// code with PKCE for a browser through a login page that lists the test users. Keys live in memory: a restart
/// invalidates every token. Loopback only; the app accepts it only in Development.
/// </summary>
public static class OntwikkelproviderRegistratie
{
    public const string Autorisatie = "/connect/authorize";
    public const string Token = "/connect/token";

    /// <summary>The paths the provider answers (its endpoints, discovery and keys); everything else is the host's.</summary>
    public static bool IsPad(PathString pad) => pad.StartsWithSegments("/connect") || pad.StartsWithSegments("/.well-known");

    public static IServiceCollection AddOntwikkelprovider(this IServiceCollection services)
    {
        services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris(Autorisatie.TrimStart('/')).SetTokenEndpointUris(Token.TrimStart('/'));
            o.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile, $"{Testidentiteiten.Audience}/Beheer", $"{Testidentiteiten.Audience}/.default");
            o.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
            o.DisableAccessTokenEncryption();
            o.SetAccessTokenLifetime(TimeSpan.FromHours(1));
            // No database: clients are the fixed test clients, checked by the handlers below; codes are self-contained.
            o.EnableDegradedMode();
            o.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b => b.UseInlineHandler(Clientcontrole.Token));
            o.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(Clientcontrole.Autorisatie));
            o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
        });
        return services;
    }

    public static void MapOntwikkelprovider(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Autorisatie, ["GET", "POST"], (Delegate)Aanmeldpagina.Verwerk);
        app.MapPost(Token, (Delegate)TokenAsync);
    }

    // The token endpoint, after OpenIddict has checked the request and the client: what the token says.
    private static async Task<IResult> TokenAsync(HttpContext ctx)
    {
        var verzoek = ctx.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Geen OpenID Connect-verzoek.");
        ClaimsPrincipal principal;
        if (verzoek.IsClientCredentialsGrantType())
        {
            var client = Testidentiteiten.Clients.Single(c => c.ClientId == verzoek.ClientId);
            // As Entra ID's app-only tokens: the service principal's oid, the client as azp, roles, no name.
            var identiteit = Identiteit(client.ObjectId, client.Rollen);
            identiteit.SetClaim("azp", client.ClientId).SetClaim("idtyp", "app");
            principal = new ClaimsPrincipal(identiteit);
            principal.SetScopes(verzoek.GetScopes());
        }
        else
        {
            // The code carries the user and the scopes the login page granted.
            principal = (await ctx.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
                ?? throw new InvalidOperationException("De code is door OpenIddict gecontroleerd maar draagt geen gebruiker.");
        }

        return GeefUit(principal);
    }

    /// <summary>The one way a code or token is issued: for this API (audience), with each claim in the tokens that need it.</summary>
    internal static IResult GeefUit(ClaimsPrincipal principal)
    {
        principal.SetResources(Testidentiteiten.Audience);
        principal.SetDestinations(Bestemmingen);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    internal static ClaimsIdentity Identiteit(string objectId, IReadOnlyList<string> rollen)
    {
        var identiteit = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, "roles");
        identiteit.SetClaim(Claims.Subject, objectId).SetClaim("oid", objectId);
        identiteit.SetClaims("roles", [.. rollen]);
        return identiteit;
    }

    // Everything the API reads goes into the access token; the name also into the id token for the browser.
    internal static IEnumerable<string> Bestemmingen(Claim claim) => claim.Type switch
    {
        Claims.Name or Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
        "oid" or "roles" or "azp" or "idtyp" or "scp" => [Destinations.AccessToken],
        _ => [],
    };
}
