using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using VoortgangApi.Functions;

namespace VoortgangApi.Tests.Unit;

/// <summary>The worker's telemetry: OpenTelemetry, exported to Application Insights only where a connection string is set.</summary>
public class TelemetrieTests
{
    private static ServiceProvider Diensten(string? verbinding) => new ServiceCollection().AddLogging()
        .AddVoortgangTelemetrie(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Telemetrie.ConnectionStringInstelling] = verbinding,
            ["Storage:ClientId"] = verbinding is null ? null : "00000000-0000-4000-9000-000000000009",
        }).Build()).BuildServiceProvider();

    [Fact]
    public void LocallyTracesGoThroughOpenTelemetryAndNoApplicationInsightsModuleIsLoaded()
    {
        using var diensten = Diensten(null);

        Assert.NotNull(diensten.GetService<TracerProvider>());
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "Microsoft.ApplicationInsights");
    }

    [Fact]
    public void InAzureLogsReachTheExporterThroughOpenTelemetryWithoutAFilterRuleOfTheirOwn()
    {
        using var diensten = Diensten("InstrumentationKey=00000000-0000-4000-9000-000000000000;IngestionEndpoint=https://example.invalid/");

        Assert.Contains(diensten.GetServices<ILoggerProvider>(), p => p is OpenTelemetryLoggerProvider);
        Assert.DoesNotContain(diensten.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules, r => r.LogLevel > LogLevel.Information);
        Assert.NotNull(diensten.GetService<TracerProvider>()); // the exporter's registration resolves with a connection string and a managed identity
    }
}
