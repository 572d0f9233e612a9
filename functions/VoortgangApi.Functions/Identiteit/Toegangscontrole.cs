using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.OpenApi;

namespace VoortgangApi.Functions.Identiteit;

/// <summary>
/// The one guard of the admin operations (their triggers are anonymous at the platform level): a function marked
/// <see cref="VereistRolAttribute"/> runs only for a valid bearer token that holds its role; the validated token
/// becomes <see cref="HttpContext.User"/>, the only identity a function ever reads. Every refusal is a problem+json.
/// </summary>
public sealed class Toegangscontrole(TokenControle tokens)
{
    private const string Schema = "Bearer ";
    private readonly IReadOnlyDictionary<string, string> _rollen = FunctieCatalogus.Rollen();

    /// <summary>The role a function needs, or null for a public one.</summary>
    public string? Rol(string functie) => _rollen.GetValueOrDefault(functie);

    /// <summary>Null when the call may go ahead; otherwise the answer that refuses it.</summary>
    public async Task<IActionResult?> WeigeringAsync(string functie, HttpContext http)
    {
        if (Rol(functie) is not { } rol)
        {
            return null;
        }

        var req = http.Request;
        var kop = req.Headers.Authorization;
        if (kop.Count == 0 || !(kop[0] ?? "").StartsWith(Schema, StringComparison.OrdinalIgnoreCase))
        {
            // RFC 6750 §3.1: a request without a bearer token gets the challenge without an error code.
            return Problems.NietAangemeld(req, null, $"Deze operatie vraagt een Bearer-token met de rol {rol}.");
        }

        var token = kop[0]![Schema.Length..].Trim();
        if (kop.Count > 1 || token.Length == 0 || token.Contains(' ', StringComparison.Ordinal))
        {
            return Problems.OngeldigTokenverzoek(req, "Stuur precies één Authorization-header: Bearer gevolgd door het token.");
        }

        var uitkomst = await tokens.ControleerAsync(token, http.RequestAborted);
        if (uitkomst.UitgeverOnbereikbaar)
        {
            return Problems.AanmeldingOnbereikbaar(req);
        }

        if (uitkomst.Principal is not { } principal)
        {
            return Problems.NietAangemeld(req, uitkomst.Fout, uitkomst.Beschrijving!);
        }

        if (!principal.IsInRole(rol))
        {
            return Problems.RolOntbreekt(req, rol);
        }

        http.User = principal;
        return null;
    }
}
