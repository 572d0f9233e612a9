using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoortgangApi.Core;
using VoortgangApi.Core.OpenData;
using VoortgangApi.Core.Validation;
using VoortgangApi.Functions.OpenApi;
using VoortgangApi.Functions.Programmas;
using VoortgangApi.Functions.Rand;
using VoortgangApi.Functions.Webhooks;
using VoortgangApi.Storage;

namespace VoortgangApi.Functions;

/// <summary>The app's one service registration, called by Program.cs, the local host and the tests.</summary>
public static class VoortgangRegistratie
{
    public static IServiceCollection AddVoortgang(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddVoortgangStorage(configuration);
        services.AddOptions<CacheOptions>().Bind(configuration.GetSection(CacheOptions.Sectie));
        services.AddOptions<Http.CorsOptions>().Bind(configuration.GetSection(Http.CorsOptions.Sectie));
        services.AddOptions<Identiteit.IdentiteitOptions>().Bind(configuration.GetSection(Identiteit.IdentiteitOptions.Sectie)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Identiteit.IdentiteitOptions>, Identiteit.IdentiteitOptionsControle>();
        services.AddSingleton<Identiteit.TokenControle>();
        services.AddSingleton<Identiteit.Toegangscontrole>();
        services.AddOptions<Identiteit.SchrijfbudgetOptions>().Bind(configuration.GetSection(Identiteit.SchrijfbudgetOptions.Sectie)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Identiteit.Schrijfbudget>();
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.Sectie));
        services.AddOptions<OpenApiOptions>().Bind(configuration.GetSection(OpenApiOptions.Sectie));
        services.AddSingleton<OpenApiDocumenten>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SchemaCatalogus(sp.GetRequiredService<IOptions<SeedOptions>>().Value.SchemaMap));
        // Every programme's services, each made once for its programme (the log in memory, its freshness rule, …).
        services.AddOptions<Programmas.ProgrammaOptions>().Bind(configuration.GetSection(Programmas.ProgrammaOptions.Sectie));
        services.AddOptions<Programmas.CheckpuntOptions>().Bind(configuration.GetSection(Programmas.CheckpuntOptions.Sectie)).ValidateDataAnnotations().ValidateOnStart();
        services.AddProgrammas();
        services.AddSingleton<Http.Antwoordcache>();
        services.AddSingleton<IWijzigingVolger>(sp => sp.GetRequiredService<Http.Antwoordcache>());
        services.AddRand(configuration);
        services.AddWebhooks(configuration);
        services.AddSingleton(sp => new Correctienotas(sp.GetRequiredService<Programmas.Programmakeuze>, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Correctienotas>>()));
        services.AddSingleton<IWijzigingVolger>(sp => sp.GetRequiredService<Correctienotas>());
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => sp.GetRequiredService<Correctienotas>());
        services.AddSingleton<Http.Randvulling>();
        services.AddSingleton(sp => new Http.Cachebeleid(sp.GetRequiredService<IOptions<CacheOptions>>(), sp.GetRequiredService<IOptions<Rand.RandOptions>>(), LogboekVan(sp)));
        services.AddSingleton<Http.CorsBeleid>();
        services.AddSingleton<Http.ApiMiddleware>();
        services.AddOptions<OpenDataOptions>().Bind(configuration.GetSection(OpenDataOptions.Sectie));
        services.AddSingleton(sp => OpenDataInstellingen(sp));
        // First of all hosted services: its work starts before the worker's own start-up and runs beside it; every
        // function waits for it at the Startpoort.
        services.AddSingleton<Http.Startpoort>();
        services.Insert(0, ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, SeedBijStart>());
        return services;
    }

    // The log of the programme a request read: the one in its path, or the standard one; only a programme this process
    // knows has services to ask (an unknown id in a path never makes any).
    private static Func<Microsoft.AspNetCore.Http.HttpRequest, Core.Historie.Logboek?> LogboekVan(IServiceProvider sp)
    {
        var register = sp.GetRequiredService<Core.Programmas.Programmaregister>();
        return req =>
        {
            var id = req.RouteValues.TryGetValue(Programmaroute.Parameter, out var waarde) && waarde is string p ? p : register.Standaard.Id;
            return id == register.Standaard.Id || register.Bekend(id) is not null ? sp.GetRequiredKeyedService<Core.Historie.Logboek>(id) : null;
        };
    }

    private static OpenDataInstellingen OpenDataInstellingen(IServiceProvider sp)
    {
        var o = sp.GetRequiredService<IOptions<OpenDataOptions>>().Value;
        var contact = sp.GetRequiredService<IOptions<OpenApiOptions>>().Value;
        var host = Environment.GetEnvironmentVariable("WEBSITE_HOSTNAME");
        var api = o.ApiBaseUrl is { Length: > 0 } ingesteld ? ingesteld
            : host is not null ? $"https://{host}/api/v1" : "http://127.0.0.1:7071/api/v1";
        return new OpenDataInstellingen(
            o.PublicBaseUrl is { Length: > 0 } basis ? basis : sp.GetRequiredService<OpenDataLocatie>().Url,
            api.TrimEnd('/'), contact.ContactNaam, contact.ContactEmail, contact.ContactUrl);
    }
}
