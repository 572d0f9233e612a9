using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;
using VoortgangApi.Functions.Programmas;

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

    /// <summary>A write with a JSON body: the body's own problem (415, 413, 400) is the answer, never cached; else <paramref name="schrijf"/>'s.</summary>
    public static async Task<IActionResult> MetJsonAsync(this HttpRequest req, Func<string, Task<IActionResult>> schrijf, CancellationToken ct)
    {
        var (body, fout) = await req.LeesJsonAsync(ct);
        return fout?.GeenCache() ?? await schrijf(body!);
    }

    /// <summary>
    /// Reads an uploaded file: 415 unless it is sent as <paramref name="mediatype"/> (or application/octet-stream), 413 past
    /// <paramref name="maxBytes"/> (counted while reading, never from Content-Length alone), 400 when empty.
    /// </summary>
    public static async Task<(byte[]? Bestand, IActionResult? Fout)> LeesBestandAsync(this HttpRequest req, string mediatype, long maxBytes, CancellationToken ct)
    {
        var type = (req.ContentType ?? "").Split(';')[0].Trim();
        if (!type.Equals(mediatype, StringComparison.OrdinalIgnoreCase) && !type.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Maak(415, "Niet-ondersteund mediatype", $"Stuur het bestand als body met Content-Type {mediatype}.", req));
        }

        using var kopie = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await req.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (kopie.Length + n > maxBytes)
            {
                return (null, Problems.Maak(413, "Te groot", $"Het bestand mag hooguit {maxBytes / (1024 * 1024)} MiB zijn.", req,
                    [new InvalidParam("bestand", "teGroot", $"hooguit {maxBytes} bytes.")]));
            }

            kopie.Write(buffer, 0, n);
        }

        return kopie.Length == 0
            ? (null, Problems.Maak(400, "Ongeldige invoer", "Er is geen bestand meegestuurd.", req, [new InvalidParam("bestand", "leeg", "de body is leeg.")]))
            : (kopie.ToArray(), null);
    }

    /// <summary>A workbook to download: never cached (it shows the state for whoever asked, now), named after today.</summary>
    public static IActionResult Werkmap(this HttpRequest req, Core.Queries.Parameters query, (byte[] Inhoud, string Naam) werkmap)
    {
        if (query.Fouten.Count > 0)
        {
            return Problems.Van(Probleem.Ongeldig(query.Fouten), req);
        }

        var result = new BestandResult(werkmap.Inhoud, Core.Invulblad.InvulbladService.Mediatype);
        result.Headers["Content-Disposition"] = $"attachment; filename=\"{werkmap.Naam}\"";
        result.Headers["Cache-Control"] = "private, no-store";
        return result;
    }

    /// <summary>An upload's report: 200 for a dry run or a repeat, 201 when rows were recorded now; a problem for a bad file.</summary>
    public static IActionResult Invulblad(this HttpRequest req, Resultaat<Core.Invulblad.Invulbladverslag> r)
    {
        if (!r.IsGelukt)
        {
            return Problems.Van(r.Probleem!, req).GeenCache();
        }

        var v = r.Waarde!;
        var result = new JsonBodyResult(v, !v.Proef && !v.Herhaald && v.Vastleggen > 0 ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        if (v.Herhaald)
        {
            result.Headers["Idempotent-Replayed"] = "true";
        }

        return result.GeenCache();
    }

    /// <summary>Admin answers are never cached: they reflect a write or a secret-guarded state.</summary>
    public static IActionResult GeenCache(this IActionResult result)
    {
        if (result is Bytesantwoord antwoord)
        {
            antwoord.Headers["Cache-Control"] = "no-store";
        }

        return result;
    }

    public static IActionResult Plan(this HttpRequest req, Resultaat<PlanUitkomst> r) =>
        r.IsGelukt
            ? Geschreven(req, r.Waarde!.Cyclus, r.Waarde.Nieuw, r.Waarde.ETag, $"rapportagecycli/{r.Waarde.Cyclus.Id}")
            : Problems.Van(r.Probleem!, req).GeenCache();

    public static IActionResult Momentopname(this HttpRequest req, Resultaat<MomentopnameUitkomst> r)
    {
        if (!r.IsGelukt)
        {
            return Problems.Van(r.Probleem!, req).GeenCache();
        }

        var u = r.Waarde!;
        var result = new JsonBodyResult(u.Cyclus, u.Nieuw ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        result.Headers["Location"] = $"{req.Basis()}/rapportagecycli/{u.Cyclus.Id}";
        return result.GeenCache();
    }

    /// <summary>
    /// Who records a write, for internal audit only: the validated token's object id and display name (an app's token,
    /// from a script or pipeline, has no name: its client id stands in). <see cref="Identiteit.Toegangscontrole"/> set
    /// the user before the function ran; no request header is ever read as identity.
    /// </summary>
    public static Vastlegger Vastlegger(this HttpRequest req)
    {
        var gebruiker = req.HttpContext.User;
        var oid = gebruiker.FindFirst(Identiteit.TokenControle.ObjectIdClaim)?.Value
            ?? throw new InvalidOperationException("Een schrijvende functie zonder gecontroleerd token: ontbreekt [VereistRol]?");
        var naam = gebruiker.FindFirst(Identiteit.TokenControle.NaamClaim)?.Value
            ?? ((gebruiker.FindFirst("azp") ?? gebruiker.FindFirst("appid"))?.Value is { } app ? $"toepassing {app}" : oid);
        return new Vastlegger(oid, naam.Length > 200 ? naam[..200] : naam);
    }

    public static string? IdempotentieSleutel(this HttpRequest req) =>
        req.Headers.TryGetValue("Idempotency-Key", out var waarde) ? waarde.ToString() : null;

    /// <summary>A recorded status entry: 201 with Location (also for an idempotent repeat, which returns the first entry).</summary>
    public static IActionResult Status(this HttpRequest req, Resultaat<StatusUitkomst> r)
    {
        if (!r.IsGelukt)
        {
            return Problems.Van(r.Probleem!, req).GeenCache();
        }

        var s = r.Waarde!.Regel;
        var result = new JsonBodyResult(s, StatusCodes.Status201Created);
        result.Headers["Location"] = $"{req.Basis()}/oplossingsrichtingen/{s.OplossingsrichtingId}/statussen/{s.Id}";
        if (r.Waarde.Herhaald)
        {
            result.Headers["Idempotent-Replayed"] = "true";
        }

        return result.GeenCache();
    }

    /// <summary>A content write: 201 with Location when created, 200 when revised; the ETag to send with the next If-Match.</summary>
    public static IActionResult Revisie(this HttpRequest req, Resultaat<RevisieUitkomst> r) =>
        r.IsGelukt
            ? Geschreven(req, r.Waarde!.Item, r.Waarde.Nieuw, r.Waarde.ETag, r.Waarde.Locatie)
            : Problems.Van(r.Probleem!, req).GeenCache();

    // A PUT's answer: 201 + Location when it created the resource, 200 when it changed it; always the new ETag.
    private static IActionResult Geschreven(HttpRequest req, object body, bool nieuw, string etag, string locatie)
    {
        var result = new JsonBodyResult(body, nieuw ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        result.Headers["ETag"] = etag;
        if (nieuw)
        {
            result.Headers["Location"] = $"{req.Basis()}/{locatie}";
        }

        return result.GeenCache();
    }

    /// <summary>A programme written: 201 + Location when created, 200 when changed; its ETag.</summary>
    public static IActionResult Programma(this HttpRequest req, Resultaat<Core.Programmas.ProgrammaUitkomst> r) =>
        r.IsGelukt
            ? Geschreven(req, r.Waarde!.Programma, r.Waarde.Nieuw, r.Waarde.ETag, $"programmas/{r.Waarde.Programma.Id}")
            : Problems.Van(r.Probleem!, req).GeenCache();

    /// <summary>A programme's grants: internal (object ids), so never stored by any cache; with the ETag for the next change.</summary>
    public static IActionResult Toegang(this HttpRequest req, Resultaat<Core.Programmas.ToegangUitkomst> r)
    {
        if (!r.IsGelukt)
        {
            return Problems.Van(r.Probleem!, req).GeenCache();
        }

        var result = new JsonBodyResult(r.Waarde!.Toegang, StatusCodes.Status200OK);
        result.Headers["ETag"] = r.Waarde.ETag;
        result.Headers["Cache-Control"] = "private, no-store";
        return result;
    }

    /// <summary>The concept of a planned letter: for the role that freezes it only, so never stored by any cache.</summary>
    public static IActionResult Concept(this HttpRequest req, Resultaat<Concept> r)
    {
        if (!r.IsGelukt)
        {
            return Problems.Van(r.Probleem!, req).GeenCache();
        }

        var result = new JsonBodyResult(r.Waarde!, StatusCodes.Status200OK);
        result.Headers["Cache-Control"] = "private, no-store";
        return result;
    }

    /// <summary>A cancelled cycle: 204, nothing left to show.</summary>
    public static IActionResult Geannuleerd(this HttpRequest req, Resultaat<Rapportagecyclus> r) =>
        r.IsGelukt ? new GeenInhoudResult() : Problems.Van(r.Probleem!, req).GeenCache();
}

/// <summary>A binary body (a workbook) with explicit headers.</summary>
public sealed class BestandResult(byte[] body, string contentType) : IActionResult
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        foreach (var (naam, waarde) in Headers)
        {
            response.Headers[naam] = waarde;
        }

        if (!HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            await response.Body.WriteAsync(body, context.HttpContext.RequestAborted);
        }
    }
}

/// <summary>204 No Content, never cached.</summary>
public sealed class GeenInhoudResult : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status204NoContent;
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    }
}
