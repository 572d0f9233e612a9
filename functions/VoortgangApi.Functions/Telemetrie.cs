using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VoortgangApi.Functions;

/// <summary>
/// The worker's telemetry on OpenTelemetry (traces, metrics and logs with the Functions worker's defaults: the
/// invocation's trace context and the host's resource attributes), exported to Application Insights by the Azure
/// Monitor exporter. It replaces the Application Insights 2.x module, which throws and catches an exception inside
/// every invocation. Logs follow the Logging levels like every other provider (OpenTelemetry adds no Warning-only rule).
/// </summary>
public static class Telemetrie
{
    public const string ConnectionStringInstelling = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Registers OpenTelemetry; the exporter only when a connection string is set (in Azure; locally nothing is sent).
    /// With <c>Storage:ClientId</c> set, ingestion authenticates with that managed identity (the resource accepts Entra ID only).
    /// </summary>
    public static IServiceCollection AddVoortgangTelemetrie(this IServiceCollection services, IConfiguration configuratie)
    {
        var builder = services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        if (!string.IsNullOrWhiteSpace(configuratie[ConnectionStringInstelling]))
        {
            var clientId = configuratie["Storage:ClientId"];
            builder.UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = configuratie[ConnectionStringInstelling];
                if (!string.IsNullOrWhiteSpace(clientId))
                {
                    o.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        }

        return services;
    }
}
