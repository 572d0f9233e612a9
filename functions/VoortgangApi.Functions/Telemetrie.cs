using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoortgangApi.Functions;

/// <summary>Application Insights for the worker, with the app's own log levels.</summary>
public static class Telemetrie
{
    /// <summary>The provider whose default rule keeps only Warning and above (Microsoft.Extensions.Logging.ApplicationInsights).</summary>
    public const string Provider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>
    /// Registers the worker's Application Insights telemetry and removes the SDK's Warning-only rule for its logger, so
    /// the levels of the Logging configuration (appsettings.json, app settings) apply to it as to every other provider:
    /// without this, the app's Information logs (snapshots, publications, the seed import) never reach Application Insights.
    /// </summary>
    public static IServiceCollection AddVoortgangTelemetrie(this IServiceCollection services)
    {
        services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        services.Configure<LoggerFilterOptions>(opties =>
        {
            if (opties.Rules.FirstOrDefault(r => r.ProviderName == Provider) is { } standaard)
            {
                opties.Rules.Remove(standaard);
            }
        });
        return services;
    }
}
