using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using VoortgangApi.Functions;
using VoortgangApi.Functions.Http;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<StartpoortMiddleware>(); // first: no function runs before the start's log read (and seed)
builder.UseMiddleware<WorkerApiMiddleware>();
builder.Services.AddVoortgangTelemetrie(builder.Configuration);
builder.Services.AddVoortgang(builder.Configuration);
builder.Build().Run();
