using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoortgangApi.Functions;
using VoortgangApi.Functions.Http;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<WorkerApiMiddleware>();
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();
// The Application Insights SDK adds a filter that keeps only Warning and above from every category; without removing it
// the app's Information logs (snapshots, publications, the seed import) never reach Application Insights. The levels
// then come from the Logging configuration (appsettings / app settings), as for the other providers.
builder.Logging.Services.Configure<LoggerFilterOptions>(opties =>
{
    var standaard = opties.Rules.FirstOrDefault(r => r.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (standaard is not null)
    {
        opties.Rules.Remove(standaard);
    }
});
builder.Services.AddVoortgang(builder.Configuration);
builder.Build().Run();
