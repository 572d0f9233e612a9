using Microsoft.Extensions.Logging;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>
/// ValidateOnStart in the real worker process: a Production worker told to trust the local development provider
/// (what the local host offers it) does not come up, and says which setting is wrong.
/// </summary>
public class IdentiteitStartTests
{
    [Fact]
    public async Task AProductionWorkerRefusesANonEntraAuthority()
    {
        var log = new LogVanger("VoortgangApi.LocalHost");
        var host = await LosseHost.BouwAsync("Production", log);
        await using (host)
        {
            await host.StartAsync();
            await log.WachtAsync(() => log.Regels.Any(r => r.Bericht.Contains("stopte onverwacht", StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
            await host.StopAsync();
        }

        // The worker's stderr reaches the host log: the validation message, then the exit the host reports.
        Assert.Contains(log.Regels, r => r.Bericht.Contains("Identiteit__Authority moet buiten Development Entra ID zijn", StringComparison.Ordinal));
        Assert.Contains(log.Regels, r => r.Niveau == LogLevel.Error && r.Bericht.Contains("stopte onverwacht", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Regels, r => r.Bericht.Contains("gereed:", StringComparison.Ordinal));
    }
}
