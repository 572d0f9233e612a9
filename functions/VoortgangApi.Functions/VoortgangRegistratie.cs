using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Import;
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
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.Sectie));
        services.AddOptions<OpenApiOptions>().Bind(configuration.GetSection(OpenApiOptions.Sectie));
        services.AddSingleton<OpenApiDocumenten>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SchemaCatalogus(sp.GetRequiredService<IOptions<SeedOptions>>().Value.SchemaMap));
        services.AddSingleton<VoortgangBron>();
        services.AddSingleton<VoortgangQueries>();
        services.AddSingleton<RapportagecycliQueries>();
        services.AddSingleton<CyclusPlanner>();
        services.AddSingleton<MomentopnameService>();
        services.AddSingleton<SeedImporter>();
        services.AddHostedService<SeedBijStart>();
        return services;
    }
}
