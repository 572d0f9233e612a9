using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;
using VoortgangApi.LocalHost.Ontwikkelprovider;

namespace VoortgangApi.LocalHost;

/// <summary>
/// The local stand-in for the Azure Functions host (Core Tools cannot be installed here). Two listeners on loopback:
/// the public HTTP port, and an HTTP/2-only port for the gRPC stream the worker opens. The public pipeline is the
/// host's: CORS from the platform setting (preflights answered here), the homepage at <c>/</c>, every other path
/// matched against the functions' routes and forwarded to the worker. The host runs no function code itself.
/// </summary>
public static class LokaleHost
{
    public static WebApplication Bouw(string[] args, Action<LokaleHostOpties>? opties = null, Action<WebApplicationBuilder>? configureer = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var o = new LokaleHostOpties
        {
            AppMap = builder.Configuration["AppMap"] ?? "",
            Poort = builder.Configuration.GetValue("Poort", 7071),
            Sleutel = builder.Configuration[Sleutels.Omgevingsvariabele],
            CorsOrigins = builder.Configuration["Cors:AllowedOrigins"] ?? "",
            BodyLimiet = builder.Configuration.GetValue("FUNCTIONS_REQUEST_BODY_SIZE_LIMIT", 104_857_600L),
            Ontwikkelprovider = builder.Configuration.GetValue("Ontwikkelprovider", true),
        };
        if (builder.Configuration["AllowedHosts"] is { Length: > 0 } hosts)
        {
            o.ToegestaneHosts.Clear();
            o.ToegestaneHosts.AddRange(hosts.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        opties?.Invoke(o);
        if (o.AppMap.Length == 0)
        {
            throw new InvalidOperationException("Geef de map van de gebouwde functie-app: --AppMap <map> (of AppMap=...).");
        }

        var app = FunctieApp.Lees(o.AppMap);
        var grpc = new GrpcPoort();
        var publiek = new PubliekePoort();
        publiek.Bind(o.Poort);
        grpc.Bind(0);
        var eerste = Werkerstart.Start(app, o, grpc, publiek);
        try
        {
            var web = Bouw(builder, o, app, grpc, publiek, eerste, configureer);
            _ = web.Services.GetRequiredService<Werkerstart>(); // resolved now, so disposing the host ends a worker it never took over
            eerste.Verbind(web.Services);
            return web;
        }
        catch
        {
            eerste.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    private static WebApplication Bouw(
        WebApplicationBuilder builder, LokaleHostOpties o, FunctieApp app, GrpcPoort grpc, PubliekePoort publiek, Werkerstart eerste, Action<WebApplicationBuilder>? configureer)
    {
        builder.Services.AddSingleton(Options.Create(o));
        builder.Services.AddSingleton(app);
        builder.Services.AddSingleton(grpc);
        builder.Services.AddSingleton(publiek);
        if (o.Ontwikkelprovider)
        {
            builder.Services.AddOntwikkelprovider();
        }

        builder.Services.AddSingleton(Sleutels.Uit(o.Sleutel));
        builder.Services.AddSingleton<Werker>();
        builder.Services.AddSingleton<WerkerRegister>();
        builder.Services.AddSingleton(_ => eerste); // created by the container's factory, so the container disposes it
        builder.Services.AddSingleton<HttpAanroepen>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<WerkerHost>();
        builder.Services.AddSingleton<Appinstellingen>();
        builder.Services.AddHostedService<TimerTriggers>();
        builder.Services.AddHostedService<QueueTriggers>();
        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton<Doorgeefhop>();
        builder.Services.AddGrpc(g => (g.MaxReceiveMessageSize, g.MaxSendMessageSize) = (int.MaxValue, int.MaxValue));
        var origins = o.CorsOrigins.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        builder.Services.AddCors(c => c.AddDefaultPolicy(p => p.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = o.BodyLimiet; // the host's Kestrel limit (ScriptConstants.DefaultMaxRequestBodySize)
            k.Listen(IPAddress.Loopback, publiek.Poort, l => l.Protocols = HttpProtocols.Http1AndHttp2);
            k.Listen(IPAddress.Loopback, grpc.Poort, l => l.Protocols = HttpProtocols.Http2);
        });
        // Kestrel listens on the sockets bound above (Luisteraarpoort), not on new ones.
        builder.WebHost.UseSockets(s => s.CreateBoundListenSocket = eindpunt =>
            publiek.NeemOver(eindpunt) ?? grpc.NeemOver(eindpunt) ?? SocketTransportOptions.CreateDefaultBoundListenSocket(eindpunt));
        configureer?.Invoke(builder);

        var web = builder.Build();
        // Not Azure's host (whose front end routes by host name): a local host answers loopback names only, before anything
        // else runs — the authentication middleware (the development provider's endpoints) is placed after this check, not
        // at the start where WebApplication would put it by itself.
        web.Use((ctx, volgende) => ctx.Connection.LocalPort == grpc.Poort || o.ToegestaneHosts.Contains(ctx.Request.Host.Host, StringComparer.OrdinalIgnoreCase)
            ? volgende(ctx) : OnbekendeHost(ctx));
        if (o.Ontwikkelprovider)
        {
            // Only on the provider's own paths: the gRPC stream and the functions' requests never enter OpenIddict, whose
            // first request costs seconds here (measured: 2.5–3 s before its handler was reached, against 0.14 s without
            // the provider), so the worker's StartStream waited for it. The branch below runs it; this marks the pipeline
            // as having authentication, or WebApplication would add it at the start by itself
            // (AuthAppBuilderExtensions.AuthenticationMiddlewareSetKey, read in ASP.NET Core's source).
            ((IApplicationBuilder)web).Properties["__AuthenticationMiddlewareSet"] = true;
        }

        web.MapWhen(ctx => ctx.Connection.LocalPort != grpc.Poort, p =>
        {
            // The platform's CORS, as the host has it on Flex Consumption (IsAnyLinuxConsumption → JobHostCorsMiddleware,
            // CorsOptionsSetup): always on, a default policy of the configured origins, any header, any method.
            p.UseCors();
            if (o.Ontwikkelprovider)
            {
                // Not part of Azure's host: Entra ID's stand-in, at /.well-known/… and /connect/… (OpenIddict's middleware
                // answers discovery, JWKS and the token checks; the endpoints below decide what a token says). Only
                // those paths enter this branch, so a request for a function passes no routing or authentication here.
                p.UseWhen(ctx => OntwikkelproviderRegistratie.IsPad(ctx.Request.Path), idp =>
                {
                    idp.UseRouting();
                    idp.UseAuthentication();
                    idp.UseEndpoints(e => e.MapOntwikkelprovider());
                });
            }

            p.Run(ctx => ctx.Request.Path == "/" ? Homepage(ctx) : ctx.RequestServices.GetRequiredService<HttpAanroepen>().VoerUitAsync(ctx));
        });
        web.UseRouting();
        web.MapGrpcService<FunctionRpcService>();
        web.Lifetime.ApplicationStarted.Register(() => MeldStart(web));
        return web;
    }

    /// <summary>The public listener's address (http://127.0.0.1:port/).</summary>
    public static Uri Adres(WebApplication web) => web.Services.GetRequiredService<PubliekePoort>().Adres;

    private static Task OnbekendeHost(HttpContext ctx)
    {
        ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
        ctx.Response.ContentType = "application/problem+json; charset=utf-8";
        ctx.Response.Headers.CacheControl = "no-store";
        var detail = $"De lokale host antwoordt alleen op loopbacknamen; deze Host-header ('{ctx.Request.Host.Host}') hoort daar niet bij. Zet hem zo nodig in AllowedHosts.";
        return ctx.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(new
        {
            type = "about:blank", title = "Onbekende host", status = 400, detail, instance = ctx.Request.Path.Value,
        }));
    }

    // The host's HomepageMiddleware: "/" answers a page of its own (204 when AzureWebJobsDisableHomepage is true).
    private static Task Homepage(HttpContext ctx)
    {
        if (ctx.RequestServices.GetRequiredService<IConfiguration>().GetValue("AzureWebJobsDisableHomepage", false))
        {
            ctx.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        ctx.Response.ContentType = "text/html; charset=utf-8";
        return ctx.Response.WriteAsync("""
            <!doctype html><html lang="nl"><meta charset="utf-8"><title>Lokale Functions-host</title>
            <p>De lokale Functions-host draait. De API staat onder <a href="/api/v1/documentatie">/api/v1</a>; de beheerpagina op <a href="/api/v1/beheer">/api/v1/beheer</a>.</p></html>
            """);
    }

    private static void MeldStart(WebApplication web)
    {
        var logger = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("VoortgangApi.LocalHost");
        var sleutels = web.Services.GetRequiredService<Sleutels>();
        logger.LogInformation("Lokale Functions-host luistert op {Adres}; gRPC voor de werker op poort {Grpc}", Adres(web), web.Services.GetRequiredService<GrpcPoort>().Poort);
        if (sleutels.Gegenereerd)
        {
            // Printed on purpose: a throw-away local master key, as Azure's host has one (no operation of the app uses it).
            logger.LogInformation("{Variabele} niet gezet; hoofdsleutel van de host voor deze sessie: {Sleutel}", Sleutels.Omgevingsvariabele, sleutels.Sleutel);
        }

        if (web.Services.GetRequiredService<IOptions<LokaleHostOpties>>().Value.Ontwikkelprovider)
        {
            logger.LogInformation("Ontwikkelprovider (OpenID Connect) op {Adres}.well-known/openid-configuration; tokens: scripts/token.sh vastleggen|beheren|alles|geen; beheerpagina: {Adres}api/v1/beheer",
                web.Services.GetRequiredService<PubliekePoort>().Adres, web.Services.GetRequiredService<PubliekePoort>().Adres);
        }
    }
}
