using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using VoortgangApi.Core;
using VoortgangApi.Core.Volgen;

namespace VoortgangApi.Functions.Http;

/// <summary>The answers of the subscription endpoints: never cached by anyone (they carry a secret or a callback URL).</summary>
public static class Abonnementantwoorden
{
    public const string GeheimHeader = "Webhook-Secret";

    /// <summary>Who asks, for the attempt limit only (kept in memory for a minute, never stored): the client address the edge passes on.</summary>
    public static string Beller(this HttpRequest req) =>
        req.Headers["X-Azure-ClientIP"].FirstOrDefault()
        ?? req.Headers["X-Forwarded-For"].FirstOrDefault()?.Split(',')[0].Trim()
        ?? req.HttpContext.Connection.RemoteIpAddress?.ToString()
        ?? "onbekend";

    public static string? WebhookGeheim(this HttpRequest req) => req.Headers[GeheimHeader].FirstOrDefault();

    /// <summary>201 with the secret (this once) and the subscription's Location.</summary>
    public static IActionResult Abonnement(this HttpRequest req, Resultaat<NieuwAbonnement> r)
    {
        if (!r.IsGelukt)
        {
            return Problems.Van(r.Probleem!, req).GeenCache();
        }

        var result = new JsonBodyResult(r.Waarde!, StatusCodes.Status201Created);
        result.Headers["Location"] = $"{ApiInfo.BasisPad}/programmas/{r.Waarde!.Abonnement.Programma}/abonnementen/{r.Waarde.Abonnement.Id}";
        result.Headers["Cache-Control"] = "private, no-store";
        return result;
    }

    public static IActionResult Prive<T>(this HttpRequest req, Resultaat<T> r)
    {
        if (!r.IsGelukt)
        {
            return Problems.Van(r.Probleem!, req).GeenCache();
        }

        var result = new JsonBodyResult(r.Waarde!, StatusCodes.Status200OK);
        result.Headers["Cache-Control"] = "private, no-store";
        return result;
    }

    public static IActionResult Opgezegd(this HttpRequest req, Resultaat<bool> r) =>
        r.IsGelukt ? new StatusCodeResult(StatusCodes.Status204NoContent) : Problems.Van(r.Probleem!, req).GeenCache();
}
