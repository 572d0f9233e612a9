using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VoortgangApi.Core;
using VoortgangApi.Core.Volgen;

namespace VoortgangApi.Functions.Webhooks;

/// <summary>Webhooks: the options (section Webhooks), the callback channel with its address rules, delivery and the outbox rounds.</summary>
public static class WebhookRegistratie
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Sectie));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<WebhookOptions>>().Value);
        services.AddSingleton<IAdresOplosser, DnsOplosser>();
        services.AddSingleton<ICallbackKanaal>(sp => new CallbackKanaal(sp.GetRequiredService<IAdresOplosser>(), sp.GetRequiredService<WebhookOptions>()));
        services.AddSingleton<Pogingenteller>();
        services.AddSingleton<Bezorger>();
        services.AddSingleton(sp => new Webhookuitzending(sp.GetRequiredService<Programmas.Programmakeuze>, sp.GetRequiredService<WebhookOptions>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Webhookuitzending>>()));
        services.AddSingleton<IWijzigingVolger>(sp => sp.GetRequiredService<Webhookuitzending>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<Webhookuitzending>());
        return services;
    }
}
