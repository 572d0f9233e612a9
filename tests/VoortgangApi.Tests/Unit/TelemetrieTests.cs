using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoortgangApi.Functions;

namespace VoortgangApi.Tests.Unit;

/// <summary>The worker's Application Insights logger follows the app's log levels, not the SDK's Warning-only default.</summary>
public class TelemetrieTests
{
    private static IList<LoggerFilterRule> Regels(Action<IServiceCollection> registreer)
    {
        var services = new ServiceCollection().AddLogging();
        registreer(services);
        using var diensten = services.BuildServiceProvider();
        return diensten.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules;
    }

    [Fact]
    public void TheSdkAloneKeepsOnlyWarningsForApplicationInsights()
    {
        var regels = Regels(s => s.AddApplicationInsightsTelemetryWorkerService());

        Assert.Contains(regels, r => r.ProviderName == Telemetrie.Provider && r.LogLevel == LogLevel.Warning);
    }

    [Fact]
    public void TheAppsRegistrationRemovesThatRuleSoInformationLogsReachApplicationInsights()
    {
        var regels = Regels(s => s.AddVoortgangTelemetrie());

        Assert.DoesNotContain(regels, r => r.ProviderName == Telemetrie.Provider);
    }
}
