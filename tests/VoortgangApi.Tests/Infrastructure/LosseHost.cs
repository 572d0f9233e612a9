using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using VoortgangApi.LocalHost;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>
/// A local host of a test's own over the shared Azurite (a fresh prefix), not started and without restarts: for tests of
/// how the host and its worker start and stop, which a shared fixture cannot show.
/// </summary>
internal static class LosseHost
{
    public static async Task<WebApplication> BouwAsync(string omgeving, ILoggerProvider log)
    {
        var azurite = await Azurite.GetAsync();
        var instellingen = azurite.Instellingen(AzuriteInstance.NieuwPrefix());
        instellingen["DOTNET_ENVIRONMENT"] = omgeving;
        instellingen["SNAPSHOT_SCHEDULE"] = "0 0 0 1 1 *"; // the timer's schedule is an app setting the host resolves
        return LokaleHost.Bouw([], o =>
        {
            o.AppMap = Functieapp.Map;
            o.Poort = 0;
            o.MaxHerstarts = 0;
            foreach (var (k, v) in instellingen)
            {
                o.Instellingen[k] = v;
            }
        }, builder => builder.Logging.AddProvider(log));
    }
}
