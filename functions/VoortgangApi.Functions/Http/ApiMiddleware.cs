using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using VoortgangApi.Storage;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// What every response of the app gets, in the worker around every HTTP function: the API-Version and security headers, CORS,
/// answers to preflight requests, 404 for a trailing slash (ASP.NET routing would otherwise match it), and a problem+json 500 instead of a
/// stack trace. The worker runs it around every HTTP function (WorkerApiMiddleware).
/// </summary>
public static class ApiMiddleware
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next, ILogger logger)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers[ApiInfo.VersieHeader] = ApiInfo.Versie;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            headers["Referrer-Policy"] = "no-referrer";
            if (((HttpContext)state).Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        }, context);
        CorsBeleid.VoegToe(context);

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

        var cache = Antwoordcache.Geldt(context.Request) ? context.RequestServices.GetService(typeof(Antwoordcache)) as Antwoordcache : null;
        if (cache?.Zoek(context.Request) is { } klaar)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Voorbereid antwoord uit de antwoordcache voor {Methode} {Pad}", context.Request.Method, context.Request.Path);
            }

            await Representatie.SchrijfAsync(context, klaar);
            return;
        }

        var teller = context.RequestServices.GetService(typeof(VoortgangApi.Core.Wijzigingen)) is VoortgangApi.Core.Wijzigingen w ? w.Teller : 0;
        try
        {
            await next();
            if (cache is not null && context.Items.TryGetValue(Representatie.Item, out var item) && item is Voorbereid voorbereid)
            {
                cache.Bewaar(context.Request, voorbereid, teller);
            }
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            var onbereikbaar = OpslagFouten.IsOnbereikbaar(ex);
            if (onbereikbaar)
            {
                // A storage outage is expected weather, not a bug: one line per failure; the stack trace only at Debug.
                logger.LogWarning("Opslag onbereikbaar bij {Methode} {Pad}: {Fout}", context.Request.Method, context.Request.Path, OpslagFouten.Omschrijving(ex));
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

    public static Task SchrijfAsync(HttpContext context, IActionResult result) =>
        result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
}
