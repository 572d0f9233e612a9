using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace VoortgangApi.LocalHost.Ontwikkelprovider;

/// <summary>
/// The authorization endpoint after OpenIddict has checked the request: a page that lists the test users (no
/// passwords: it is a development provider on loopback), and, when one is chosen, the sign-in that sends the code
/// back to the client's redirect URI.
/// </summary>
internal static class Aanmeldpagina
{
    private const string Keuze = "ontwikkelgebruiker";

    public static IResult Verwerk(HttpContext ctx)
    {
        var verzoek = ctx.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Geen OpenID Connect-verzoek.");
        var gekozen = (string?)verzoek[Keuze];
        if (gekozen is null || Testidentiteiten.Gebruikers.FirstOrDefault(g => g.Id == gekozen) is not { } gebruiker)
        {
            return Results.Content(Pagina(verzoek), "text/html; charset=utf-8");
        }

        var identiteit = OntwikkelproviderRegistratie.Identiteit(gebruiker.ObjectId, gebruiker.Rollen);
        identiteit.SetClaim(Claims.Name, gebruiker.Naam);
        // As Entra ID's delegated tokens: the client as azp, and in scp the API's scopes the client asked for, by their short name.
        identiteit.SetClaim("azp", verzoek.ClientId);
        var scopes = verzoek.GetScopes().Where(s => s.StartsWith(Testidentiteiten.Audience + "/", StringComparison.Ordinal)).Select(s => s[(Testidentiteiten.Audience.Length + 1)..]).ToList();
        if (scopes.Count > 0)
        {
            identiteit.SetClaim("scp", string.Join(' ', scopes));
        }

        var principal = new ClaimsPrincipal(identiteit);
        principal.SetScopes(verzoek.GetScopes());
        return OntwikkelproviderRegistratie.GeefUit(principal);
    }

    // One form per user, each repeating the request's parameters, so the choice is a new authorization request.
    private static string Pagina(OpenIddictRequest verzoek)
    {
        var velden = new StringBuilder();
        foreach (var (naam, waarde) in verzoek.GetParameters())
        {
            if (naam != Keuze)
            {
                velden.Append(CultureInvariant($"<input type=\"hidden\" name=\"{E(naam)}\" value=\"{E((string?)waarde ?? "")}\">"));
            }
        }

        var knoppen = new StringBuilder();
        foreach (var g in Testidentiteiten.Gebruikers)
        {
            var rollen = g.Rollen.Count == 0 ? "geen rol" : string.Join(" en ", g.Rollen);
            knoppen.Append(CultureInvariant($"""
                <li><form method="post" action="{OntwikkelproviderRegistratie.Autorisatie}">{velden}<input type="hidden" name="{Keuze}" value="{E(g.Id)}">
                <button type="submit">Aanmelden als {E(g.Naam)}</button> <span>({E(rollen)})</span></form></li>
                """));
        }

        return $$"""
            <!doctype html>
            <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Aanmelden — ontwikkelprovider</title>
            <style>body{font:1rem system-ui,sans-serif;margin:2rem;max-width:40rem;color:#1b1b1b}li{margin:.75rem 0}
            button{font:inherit;padding:.4rem .8rem;background:#154273;color:#fff;border:0;border-radius:3px}
            button:focus-visible{outline:3px solid #000;outline-offset:2px}</style></head>
            <body><main>
            <h1>Aanmelden bij de ontwikkelprovider</h1>
            <p>Dit is de lokale vervanger van Entra ID (alleen op deze computer). Kies een testgebruiker; de rol bepaalt wat
            de beheeroperaties toestaan.</p>
            <ul>{{knoppen}}</ul>
            </main></body></html>
            """;
    }

    private static string CultureInvariant(FormattableString tekst) => FormattableString.Invariant(tekst);

    private static string E(string tekst) => WebUtility.HtmlEncode(tekst);
}
