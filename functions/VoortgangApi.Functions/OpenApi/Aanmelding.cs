using VoortgangApi.Functions.Identiteit;

namespace VoortgangApi.Functions.OpenApi;

/// <summary>
/// The OAuth 2.0 endpoints and scopes the document names for the admin operations: Entra ID's v2.0 endpoints of the
/// tenant in Azure; locally the development provider, which the local host serves beside the API, so its endpoints
/// sit at the API's own origin (<see cref="OntwikkelAutorisatiePad"/>, <see cref="OntwikkelTokenPad"/>).
/// </summary>
public sealed record Aanmelding(string AutorisatieUrl, string TokenUrl, string GebruikersScope, string AppScope, string BrowserClientId)
{
    public const string OntwikkelAutorisatiePad = "/connect/authorize";
    public const string OntwikkelTokenPad = "/connect/token";

    /// <summary>The public client of the development provider that a browser (Swagger UI, the beheer page) signs in with.</summary>
    public const string OntwikkelBrowserClient = "voortgang-beheer";

    public static Aanmelding Voor(IdentiteitOptions opties, string serverUrl)
    {
        var audience = opties.Audience ?? "";
        // Entra ID names a scope api://{client id}/{name}; an audience that is already an api:// URI is that prefix.
        var prefix = audience.StartsWith("api://", StringComparison.Ordinal) ? audience.TrimEnd('/') : $"api://{audience}";
        if (opties.IsEntra)
        {
            var tenant = $"https://{IdentiteitOptions.EntraHost}/{opties.TenantId}/oauth2/v2.0";
            return new($"{tenant}/authorize", $"{tenant}/token", $"{prefix}/Beheer", $"{prefix}/.default",
                opties.BrowserClientId is { Length: > 0 } client ? client : audience);
        }

        var origin = new Uri(serverUrl).GetLeftPart(UriPartial.Authority);
        return new(origin + OntwikkelAutorisatiePad, origin + OntwikkelTokenPad, $"{prefix}/Beheer", $"{prefix}/.default",
            opties.BrowserClientId is { Length: > 0 } c ? c : OntwikkelBrowserClient);
    }
}
