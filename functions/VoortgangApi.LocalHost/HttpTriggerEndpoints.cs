using System.Reflection;
using VoortgangApi.Functions.Http;

namespace VoortgangApi.LocalHost;

/// <summary>Serves every HTTP trigger of functions.metadata on Kestrel under /api, with its route, methods and auth level.</summary>
public static class HttpTriggerEndpoints
{
    public const string RoutePrefix = "api";

    public static void Map(WebApplication app, IEnumerable<FunctionInvoker> functies, AdminKey sleutel)
    {
        foreach (var route in functies.Where(f => f.Entry.IsHttp).GroupBy(f => f.Entry.Trigger!.Route, StringComparer.Ordinal))
        {
            var patroon = $"/{RoutePrefix}/{route.Key}";
            var toegestaan = new List<string>();
            foreach (var functie in route)
            {
                var methodes = functie.Entry.Trigger!.Methods?.Select(m => m.ToUpperInvariant()).ToArray() ?? ["GET"];
                toegestaan.AddRange(methodes);
                app.MapMethods(patroon, methodes, ctx => VoerUitAsync(ctx, functie, sleutel)).WithDisplayName(functie.Entry.Name);
            }

            // Any other method on a known path is a 405 with a problem body, not ASP.NET's empty response.
            app.Map(patroon, ctx => ApiMiddleware.SchrijfAsync(ctx, Problems.MethodeNietToegestaan(ctx.Request, toegestaan)));
        }
    }

    private static async Task VoerUitAsync(HttpContext ctx, FunctionInvoker functie, AdminKey sleutel)
    {
        if (AdminKey.IsVereist(functie.Entry.Trigger!.AuthLevel) && !sleutel.IsGeldig(ctx.Request))
        {
            await ApiMiddleware.SchrijfAsync(ctx, Problems.NietGeautoriseerd(ctx.Request).GeenCache());
            return;
        }

        // The audit trail records which key authorised a write (in Azure: the Entra principal, see Beheer.Vastlegger).
        if (AdminKey.IsVereist(functie.Entry.Trigger.AuthLevel))
        {
            ctx.Items[Beheer.SleutelnaamItem] = sleutel.Naam;
        }

        var result = await functie.InvokeAsync(ctx.RequestServices, p => Bind(ctx, p));
        if (result is not null)
        {
            await ApiMiddleware.SchrijfAsync(ctx, result);
        }
    }

    private static object? Bind(HttpContext ctx, ParameterInfo p) => p.ParameterType switch
    {
        var t when t == typeof(HttpRequest) => ctx.Request,
        var t when t == typeof(CancellationToken) => ctx.RequestAborted,
        var t when t == typeof(string) => ctx.GetRouteValue(p.Name!) as string,
        _ => throw new NotSupportedException($"Parameter {p.Name} ({p.ParameterType.Name}) kan de lokale host niet binden."),
    };
}
