using System.Security.Cryptography;
using System.Text;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace VoortgangApi.LocalHost.Ontwikkelprovider;

/// <summary>
/// Client checks that a database-backed OpenIddict would make from its application store: in degraded mode they are
/// the server's own handlers. Only the known clients, the confidential ones with their secret, the browser client
/// only with a loopback redirect URI (RFC 8252 §7.3) and without a secret.
/// </summary>
internal static class Clientcontrole
{
    public static ValueTask Token(OpenIddictServerEvents.ValidateTokenRequestContext ctx)
    {
        if (ctx.Request.IsClientCredentialsGrantType())
        {
            var bekend = Testidentiteiten.Clients.Any(c => c.ClientId == ctx.ClientId);
            if (!bekend || !GelijkGeheim(ctx.ClientSecret))
            {
                ctx.Reject(Errors.InvalidClient, "Onbekende client of verkeerd geheim (zie scripts/token.sh).");
            }
        }
        else if (ctx.ClientId != Testidentiteiten.BrowserClient)
        {
            ctx.Reject(Errors.InvalidClient, $"Alleen {Testidentiteiten.BrowserClient} meldt zich aan met een code.");
        }

        return default;
    }

    public static ValueTask Autorisatie(OpenIddictServerEvents.ValidateAuthorizationRequestContext ctx)
    {
        if (ctx.ClientId != Testidentiteiten.BrowserClient)
        {
            ctx.Reject(Errors.InvalidClient, $"Onbekende client; een browser gebruikt {Testidentiteiten.BrowserClient}.");
        }
        else if (!Uri.TryCreate(ctx.RedirectUri, UriKind.Absolute, out var terug) || !terug.IsLoopback || terug.Scheme is not ("http" or "https"))
        {
            ctx.Reject(Errors.InvalidRequest, "De redirect_uri moet een http(s)-adres op loopback zijn.");
        }

        return default;
    }

    private static bool GelijkGeheim(string? geheim) =>
        geheim is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(geheim), Encoding.UTF8.GetBytes(Testidentiteiten.ClientGeheim));
}
