using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VoortgangApi.Core;
using VoortgangApi.Core.Rand;
using VoortgangApi.Storage;

namespace VoortgangApi.Functions.Rand;

/// <summary>The edge: its settings always; the purge (a consumer of the post-commit signal) only when an edge is configured.</summary>
public static class RandRegistratie
{
    public static IServiceCollection AddRand(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RandOptions>().Bind(configuration.GetSection(RandOptions.Sectie)).ValidateDataAnnotations()
            .Validate(o => o.Soort != RandOptions.Varnish || Uri.TryCreate(o.Adres, UriKind.Absolute, out _), "Rand:Adres (het adres van Varnish) ontbreekt.")
            .Validate(o => o.Soort != RandOptions.FrontDoor || o.EndpointId?.StartsWith("/subscriptions/", StringComparison.Ordinal) == true,
                "Rand:EndpointId (de resource-id van het Front Door-endpoint) ontbreekt.")
            .ValidateOnStart();
        var soort = configuration[$"{RandOptions.Sectie}:{nameof(RandOptions.Soort)}"] ?? "";
        if (soort.Length == 0)
        {
            return services;
        }

        services.AddSingleton<IRandpurger>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<RandOptions>>().Value;
            return o.Soort == RandOptions.FrontDoor
                ? StorageRegistratie.FrontDoorPurger(sp, o.EndpointId!)
                : new VarnishPurger(new HttpClient { Timeout = TimeSpan.FromSeconds(5) }, new Uri(o.Adres!));
        });
        services.AddSingleton(sp => new Randpaden(sp.GetRequiredService<Core.Programmas.Programma>().Id));
        services.AddSingleton<Randpurge>();
        services.AddSingleton<IWijzigingVolger>(sp => sp.GetRequiredService<Randpurge>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<Randpurge>());
        return services;
    }
}
