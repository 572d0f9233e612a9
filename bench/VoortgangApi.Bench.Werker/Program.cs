using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoortgangApi.Bench;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults(); // the same telemetry as the app's, so the floor carries its cost too
builder.Services.AddSingleton(Antwoorden.Laad(Environment.GetEnvironmentVariable("BENCH_ANTWOORDEN")
    ?? throw new InvalidOperationException("BENCH_ANTWOORDEN (de map met antwoorden.json) ontbreekt.")));
builder.Build().Run();
