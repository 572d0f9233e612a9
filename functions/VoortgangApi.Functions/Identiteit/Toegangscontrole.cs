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
public sealed class Toegangscontrole(TokenControle tokens, Core.Programmas.Programmaregister programmas, Schrijfbudget budget)
{
    private const string Schema = "Bearer ";
    private readonly IReadOnlyDictionary<string, string> _rollen = FunctieCatalogus.Rollen();

    /// <summary>The role a function needs, or null for a public one.</summary>
    public string? Rol(string functie) => _rollen.GetValueOrDefault(functie);

    /// <summary>
    /// Null when the call may go ahead; otherwise the answer that refuses it. <paramref name="programmaId"/> is the
    /// programme in the path (null: the standard programme); a role that programmes grant must be granted there too.
    /// </summary>
    public async Task<IActionResult?> WeigeringAsync(string functie, HttpContext http, string? programmaId = null)
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

        if (Rollen.PerProgramma.Contains(rol) && await NietVerleendAsync(rol, principal, programmaId ?? programmas.Standaard.Id, http.RequestAborted))
        {
            return Problems.NietInProgramma(req, rol, programmaId ?? programmas.Standaard.Id);
        }

        // A write spends the identity's budget; a guarded read (a concept, the invulblad, the grants) does not.
        if (!HttpMethods.IsGet(req.Method) && !HttpMethods.IsHead(req.Method) && budget.Neem(principal) is { } wacht)
        {
            return Problems.TeVeelSchrijfacties(req, wacht);
        }

        http.User = principal;
        return null;
    }

    // A programme that never had grants (only the standard programme, as it was before programmes) lets every holder of
    // the role act; otherwise the token's object id or one of its groups must be listed for the role. An unknown
    // programme is left to the function, which answers 404 for it.
    private async Task<bool> NietVerleendAsync(string rol, System.Security.Claims.ClaimsPrincipal principal, string programmaId, CancellationToken ct)
    {
        var gevonden = await programmas.ZoekAsync(programmaId, ct);
        if (!gevonden.IsGelukt || gevonden.Waarde!.Toegang is not { } toegang)
        {
            return false;
        }

        var ids = principal.FindAll(TokenControle.ObjectIdClaim).Concat(principal.FindAll("groups")).Select(c => c.Value);
        return !toegang.Verleent(rol, ids);
    }
}
