using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using VoortgangApi.Core.OpenData;
using VoortgangApi.Functions;
using VoortgangApi.Functions.Http;

namespace VoortgangApi.LocalHost;

/// <summary>
/// Runs the function app's own classes without the Azure Functions host (which cannot be installed here):
/// routes, methods, auth levels and schedules all come from functions.metadata.
/// </summary>
public static class LocalFunctionsHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configureer = null)
    {
        // Content root = the output folder, so appsettings.json is found whatever the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var map = AppContext.BaseDirectory;
        var functies = FunctionMetadata.Lees(map).Select(f => new FunctionInvoker(f, map)).ToList();

        // Header values outside ASCII reach the app (which answers them with a problem) instead of Kestrel's bare 400.
        builder.WebHost.ConfigureKestrel(o => o.RequestHeaderEncodingSelector = _ => System.Text.Encoding.Latin1);
        builder.Services.AddVoortgang(builder.Configuration);
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var sleutel = AdminKey.Uit(config[AdminKey.Omgevingsvariabele]);
            return config[AdminKey.Omgevingsvariabele + "_NAAM"] is { Length: > 0 } naam ? new AdminKey(sleutel.Sleutel, sleutel.Gegenereerd) { Naam = naam } : sleutel;
        });
        builder.Services.AddSingleton<IEnumerable<FunctionInvoker>>(functies);
        builder.Services.AddHostedService<TimerTriggerService>();
        configureer?.Invoke(builder); // last, so a test can replace any registration (e.g. TimeProvider)

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("VoortgangApi");
        var sleutel = app.Services.GetRequiredService<AdminKey>();
        app.Use((ctx, next) => ApiMiddleware.InvokeAsync(ctx, () => next(ctx), logger));
        app.UseRouting();
        HttpTriggerEndpoints.Map(app, functies, sleutel);
        // The public website's status page, as published with the open data, here calling this host's API (same origin).
        app.MapGet("/statuspagina/{bestand}", (string bestand) => Statuspagina.Bestanden.Contains(bestand)
            ? Results.Bytes(Statuspagina.Lees(bestand, ApiInfo.BasisPad), Statuspagina.ContentType(bestand))
            : new ProblemResult(Problems.NietGevonden));
        app.MapGet("/", () => Results.Redirect("/statuspagina/index.html"));
        // "{**pad}", not the default "{*path:nonfile}": a path that looks like a file (a dot in its last segment, such as
        // /api/v1/%2e%2e/openapi.yaml) must get the same problem body as any other unknown path.
        app.MapFallback("{**pad}", ctx => ApiMiddleware.SchrijfAsync(ctx, Problems.NietGevonden(ctx.Request)));

        app.Lifetime.ApplicationStarted.Register(() => MeldStart(app, sleutel, logger));
        return app;
    }

    private static void MeldStart(WebApplication app, AdminKey sleutel, ILogger logger)
    {
        foreach (var adres in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            logger.LogInformation("Voortgang API luistert op {Adres}{Basis}", adres, ApiInfo.BasisPad);
        }

        if (sleutel.Gegenereerd)
        {
            // Printed on purpose: it is a throw-away local key, and the admin needs it to call the admin operations.
            logger.LogWarning("{Variabele} niet gezet; beheersleutel voor deze sessie: {Sleutel}", AdminKey.Omgevingsvariabele, sleutel.Sleutel);
        }
    }
}

/// <summary>A minimal-API result that writes one of the app's problem responses.</summary>
internal sealed class ProblemResult(Func<HttpRequest, Microsoft.AspNetCore.Mvc.IActionResult> maak) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => ApiMiddleware.SchrijfAsync(httpContext, maak(httpContext.Request));
}
