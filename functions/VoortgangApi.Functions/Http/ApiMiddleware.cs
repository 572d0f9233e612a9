using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using VoortgangApi.Core;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// What every response of the app gets, in the worker around every HTTP function: the API-Version and security headers, CORS,
/// answers to preflight requests, 404 for a trailing slash (ASP.NET routing would otherwise match it), the cache policy and
/// the answer cache, and a problem+json 503/500 instead of a stack trace. The worker runs it around every HTTP function
/// (WorkerApiMiddleware); its services come in through the constructor, none is looked up on a request.
/// </summary>
public sealed class ApiMiddleware(
    Antwoordcache antwoordcache, CorsBeleid cors, Cachebeleid cachebeleid, IStoringsherkenner storingen, Randvulling rand, ILogger<ApiMiddleware> logger)
{
    /// <summary>
    /// Runs <paramref name="functie"/> (which answers with a result, or null when it wrote its answer itself) and writes its
    /// result. A <paramref name="beschermd"/> function (one that needs a role) never meets the answer cache: its answer
    /// is only ever given after its own role check.
    /// </summary>
    public async Task InvokeAsync(HttpContext context, Func<Task<IActionResult?>> functie, bool beschermd = false)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers[ApiInfo.VersieHeader] = ApiInfo.Versie;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = "frame-ancestors 'none'"; // a page that holds tokens set a stricter one (Paginabeleid)
            }
            headers["Referrer-Policy"] = "no-referrer";
            if (((HttpContext)state).Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            Cachebeleid.Sluit((HttpContext)state);
            return Task.CompletedTask;
        }, context);
        cors.VoegToe(context);

        var pad = context.Request.Path.Value ?? "";
        if (pad.Length > 1 && pad.EndsWith('/'))
        {
            await SchrijfAsync(context, Problems.NietGevonden(context.Request));
            return;
        }

        if (HttpMethods.IsOptions(context.Request.Method))
        {
            CorsBeleid.Voorcontrole(context);
            return;
        }

        // A request the edge forwards fills the edge: it is answered from a state read after it arrived, never from memory.
        using var vulling = rand.Begin(context.Request);
        var bewaarbaar = !beschermd && Antwoordcache.Geldt(context.Request);
        if (bewaarbaar && vulling is null && antwoordcache.Zoek(context.Request) is { } klaar)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Voorbereid antwoord uit de antwoordcache voor {Methode} {Pad}", context.Request.Method, context.Request.Path);
            }

            await Representatie.SchrijfAsync(context, klaar);
            return;
        }

        // The counter before the function ran: an answer prepared while a write happened is not kept.
        var tellerVooraf = antwoordcache.Stand(context.Request);
        try
        {
            if (await functie() is { } result)
            {
                await SchrijfAsync(context, result, bewaarbaar ? tellerVooraf : null);
            }
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            var onbereikbaar = storingen.IsOnbereikbaar(ex);
            if (onbereikbaar)
            {
                // A storage outage is expected weather, not a bug: one line per failure; the stack trace only at Debug.
                logger.LogWarning("Opslag onbereikbaar bij {Methode} {Pad}: {Fout}", context.Request.Method, context.Request.Path, storingen.Omschrijving(ex));
                logger.LogDebug(ex, "Details van de opslagfout bij {Methode} {Pad}", context.Request.Method, context.Request.Path);
            }
            else
            {
                logger.LogError(ex, "Onverwerkte fout bij {Methode} {Pad}", context.Request.Method, context.Request.Path);
            }

            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await SchrijfAsync(context, onbereikbaar ? Problems.Onbeschikbaar(context.Request) : Problems.Intern(context.Request));
            }
        }
    }

    /// <summary>A JSON or text answer gets the cache policy, a strong ETag (304 on a match) and, when public, a place in the answer cache.</summary>
    private async Task SchrijfAsync(HttpContext context, IActionResult result, long? tellerVooraf)
    {
        if (result is not Bytesantwoord antwoord)
        {
            await SchrijfAsync(context, result);
            return;
        }

        cachebeleid.PasToe(antwoord, context.Request);
        var bytes = antwoord.Bytes();
        if (antwoord.Status != StatusCodes.Status200OK || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            await Representatie.SchrijfAsync(context, bytes, antwoord.Status, antwoord.ContentType, antwoord.Headers);
            return;
        }

        var voorbereid = new Voorbereid(bytes, antwoord.ContentType, antwoord.Headers);
        if (tellerVooraf is { } vooraf)
        {
            antwoordcache.Bewaar(context.Request, voorbereid, vooraf);
        }

        await Representatie.SchrijfAsync(context, voorbereid);
    }

    public static Task SchrijfAsync(HttpContext context, IActionResult result) =>
        result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
}
