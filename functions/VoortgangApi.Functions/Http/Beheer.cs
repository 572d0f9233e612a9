using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;

namespace VoortgangApi.Functions.Http;

/// <summary>Request and response handling shared by the admin operations.</summary>
public static class Beheer
{
    public const int MaxBodyBytes = 64 * 1024;

    public static Voorwaarden Voorwaarden(this HttpRequest req) =>
        new(req.Headers.IfMatch.Count > 0 ? req.Headers.IfMatch.ToString() : null,
            req.Headers.IfNoneMatch.Count > 0 ? req.Headers.IfNoneMatch.ToString() : null);

    /// <summary>Reads a JSON body: 415 for another media type, 413 past 64 KiB; never trusts Content-Length alone.</summary>
    public static async Task<(string? Body, IActionResult? Fout)> LeesJsonAsync(this HttpRequest req, CancellationToken ct)
    {
        if (!(req.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Maak(415, "Niet-ondersteund mediatype", "Stuur de body als application/json.", req));
        }

        var buffer = new byte[MaxBodyBytes + 1];
        var gelezen = 0;
        int n;
        while (gelezen < buffer.Length && (n = await req.Body.ReadAsync(buffer.AsMemory(gelezen), ct)) > 0)
        {
            gelezen += n;
        }

        if (gelezen > MaxBodyBytes)
        {
            return (null, Problems.Maak(413, "Body te groot", $"De body mag hooguit {MaxBodyBytes} bytes zijn.", req));
        }

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, gelezen), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, Problems.Maak(400, "Ongeldige invoer", "De body is geen geldige UTF-8.", req));
        }
    }

    /// <summary>Admin answers are never cached: they reflect a write or a secret-guarded state.</summary>
    public static IActionResult GeenCache(this IActionResult result)
    {
        if (result is JsonBodyResult json)
        {
            json.Headers["Cache-Control"] = "no-store";
        }

        return result;
    }

    public static IActionResult Plan(this HttpRequest req, Resultaat<PlanUitkomst> r)
    {
        if (!r.IsGelukt)
        {
            return Problems.Van(r.Probleem!, req).GeenCache();
        }

        var u = r.Waarde!;
        var result = new JsonBodyResult(u.Cyclus, u.Nieuw ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        result.Headers["ETag"] = u.ETag;
        if (u.Nieuw)
        {
            result.Headers["Location"] = $"{ApiInfo.BasisPad}/rapportagecycli/{u.Cyclus.Id}";
        }

        return result.GeenCache();
    }

    public static IActionResult Momentopname(this HttpRequest req, Resultaat<MomentopnameUitkomst> r)
    {
        if (!r.IsGelukt)
        {
            return Problems.Van(r.Probleem!, req).GeenCache();
        }

        var u = r.Waarde!;
        var result = new JsonBodyResult(u.Cyclus, u.Nieuw ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        result.Headers["Location"] = $"{ApiInfo.BasisPad}/rapportagecycli/{u.Cyclus.Id}";
        return result.GeenCache();
    }
}
