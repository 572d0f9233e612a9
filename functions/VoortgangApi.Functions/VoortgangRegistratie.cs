using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoortgangApi.Core.Import;
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
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<VoortgangQueries>();
        services.AddSingleton<SeedImporter>();
        services.AddHostedService<SeedBijStart>();
        return services;
    }
}
