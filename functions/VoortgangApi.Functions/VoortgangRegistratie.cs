using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Import;
using VoortgangApi.Core.OpenData;
using VoortgangApi.OpenData;
using VoortgangApi.Core.Validation;
using VoortgangApi.Functions.OpenApi;
using VoortgangApi.Core.Queries;
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
        services.AddSingleton<Wijzigingsteller>();
        services.AddOptions<Identiteit.IdentiteitOptions>().Bind(configuration.GetSection(Identiteit.IdentiteitOptions.Sectie)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Identiteit.IdentiteitOptions>, Identiteit.IdentiteitOptionsControle>();
        services.AddSingleton<Identiteit.TokenControle>();
        services.AddSingleton<Identiteit.Toegangscontrole>();
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.Sectie));
        services.AddOptions<OpenApiOptions>().Bind(configuration.GetSection(OpenApiOptions.Sectie));
        services.AddSingleton<OpenApiDocumenten>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SchemaCatalogus(sp.GetRequiredService<IOptions<SeedOptions>>().Value.SchemaMap));
        // The log in memory: repeated reads cost no storage call; one range read per interval notices other instances' writes.
        // One freshness rule for every cache: no write in this process, and younger than the version-check interval.
        services.AddSingleton(sp => new Versheid(sp.GetRequiredService<Wijzigingsteller>(), sp.GetRequiredService<TimeProvider>(), Controle(sp)));
        services.AddSingleton<Logboek>();
        services.AddSingleton(sp => new Voortgangslezer(sp.GetRequiredService<Logboek>(), sp.GetRequiredService<ICyclusStore>(), sp.GetRequiredService<Versheid>()));
        services.AddSingleton<Vastlegging>();
        services.AddSingleton<Http.Antwoordcache>();
        services.AddSingleton<Http.Cachebeleid>();
        services.AddSingleton<Http.CorsBeleid>();
        services.AddSingleton<Http.ApiMiddleware>();
        services.AddSingleton<VoortgangSchrijver>();
        services.AddSingleton<Core.Invulblad.InvulbladService>();
        services.AddSingleton<HistorieQueries>();
        services.AddSingleton<VoortgangQueries>();
        services.AddSingleton<RapportagecycliQueries>();
        services.AddSingleton<OverzichtQueries>();
        services.AddSingleton<CyclusPlanner>();
        services.AddSingleton<MomentopnameService>();
        services.AddOptions<OpenDataOptions>().Bind(configuration.GetSection(OpenDataOptions.Sectie));
        services.AddSingleton(sp => OpenDataInstellingen(sp));
        services.AddSingleton<PublicatieService>();
        services.AddSingleton<IVaststellingVolger>(sp => sp.GetRequiredService<PublicatieService>());
        services.AddSingleton<SeedImporter>();
        // First of all hosted services, so before the worker's own: the worker opens its stream to the host (and so
        // receives requests) only once an empty store has its seed.
        services.Insert(0, ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, SeedBijStart>());
        return services;
    }

    private static TimeSpan Controle(IServiceProvider sp) =>
        TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<CacheOptions>>().Value.VersieControleSeconden);

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
