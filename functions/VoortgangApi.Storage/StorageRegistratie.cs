using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.OpenData;
using VoortgangApi.Core.Programmas;
using VoortgangApi.Core.Volgen;

namespace VoortgangApi.Storage;

/// <summary>Registers the Azure SDK clients and the stores; the only place that decides how to authenticate.</summary>
public static class StorageRegistratie
{
    public static IServiceCollection AddVoortgangStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Sectie))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var opties = Beleid(new TableClientOptions(), o);
            return string.IsNullOrWhiteSpace(o.ConnectionString)
                ? new TableServiceClient(o.TableServiceUri, Credential(o), opties)
                : new TableServiceClient(o.ConnectionString, opties);
        });
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var opties = Beleid(new BlobClientOptions(), o);
            return string.IsNullOrWhiteSpace(o.ConnectionString)
                ? new BlobServiceClient(o.BlobServiceUri, Credential(o), opties)
                : new BlobServiceClient(o.ConnectionString, opties);
        });
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var opties = Beleid(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, o);
            return string.IsNullOrWhiteSpace(o.ConnectionString)
                ? new QueueServiceClient(o.QueueServiceUri ?? new Uri(o.BlobServiceUri!.AbsoluteUri.Replace(".blob.", ".queue.", StringComparison.Ordinal)), Credential(o), opties)
                : new QueueServiceClient(o.ConnectionString, opties);
        });
        services.AddSingleton<TableClients>();
        services.AddSingleton<IAbonnementStore, AbonnementTableStore>();
        services.AddSingleton<IAfleverwachtrij>(sp => new AfleverQueue(sp.GetRequiredService<QueueServiceClient>(), configuration[WebhookOptions.WachtrijInstelling] is { Length: > 0 } q ? q : WebhookOptions.StandaardWachtrij));
        services.AddSingleton<IProgrammaStore, ProgrammaTableStore>();
        // Per programme (the key is its id): its own partitions and open-data folder. The composition root registers
        // the Programmacontext per key; a store is made once per programme and kept.
        services.AddKeyedSingleton<IHistorieStore>(KeyedService.AnyKey, (sp, k) =>
            new HistorieTableStore(sp.GetRequiredService<TableClients>(), sp.GetRequiredService<TimeProvider>(), Partities(sp, k)));
        services.AddKeyedSingleton<ICyclusStore>(KeyedService.AnyKey, (sp, k) => new CyclusTableStore(sp.GetRequiredService<TableClients>(), Partities(sp, k)));
        services.AddKeyedSingleton<IOpenDataStore>(KeyedService.AnyKey, (sp, k) =>
            new OpenDataBlobStore(sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<IOptions<StorageOptions>>(),
                OpenDataMap(sp.GetRequiredKeyedService<Programmacontext>(k))));
        services.AddKeyedSingleton<ICheckpuntStore>(KeyedService.AnyKey, (sp, k) =>
            new CheckpuntBlobStore(sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<IOptions<StorageOptions>>(),
                sp.GetRequiredKeyedService<Programmacontext>(k).Id));
        services.AddSingleton<IStoringsherkenner, Opslagstoringen>();
        services.AddSingleton(sp => new OpenDataLocatie(
            $"{sp.GetRequiredService<BlobServiceClient>().Uri.AbsoluteUri.TrimEnd('/')}/{sp.GetRequiredService<IOptions<StorageOptions>>().Value.OpenDataContainer}"));
        return services;
    }

    /// <summary>Where a programme's open data lives in the container: the standard programme at the top, another under programmas/{id}/.</summary>
    public static string OpenDataMap(Programmacontext p) => p.IsStandaard ? "" : $"programmas/{p.Id}/";

    private static Partities Partities(IServiceProvider sp, object? sleutel) => new(sp.GetRequiredKeyedService<Programmacontext>(sleutel));

    // One retry and time-out policy for Table and Blob: a request fails within a few seconds when storage is gone
    // (time-out per try × tries + short back-off), instead of the SDK's default of minutes; the API then answers 503.
    private static T Beleid<T>(T opties, StorageOptions o) where T : Azure.Core.ClientOptions
    {
        opties.Retry.MaxRetries = o.Herhalingen;
        opties.Retry.NetworkTimeout = TimeSpan.FromSeconds(o.TimeoutSeconden);
        opties.Retry.Delay = TimeSpan.FromMilliseconds(200);
        opties.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        opties.Retry.Mode = Azure.Core.RetryMode.Exponential;
        return opties;
    }

    /// <summary>Front Door's purge, with the same managed identity as storage (its role on the endpoint allows only the purge).</summary>
    public static Core.Rand.IRandpurger FrontDoorPurger(IServiceProvider sp, string endpointId) =>
        new FrontDoorPurger(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, Credential(sp.GetRequiredService<IOptions<StorageOptions>>().Value), endpointId);

    private static DefaultAzureCredential Credential(StorageOptions o) =>
        new(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrWhiteSpace(o.ClientId) ? null : o.ClientId });
}

/// <summary>The anonymous-read URL of the open-data container as the blob endpoint serves it (Azurite locally).</summary>
public sealed record OpenDataLocatie(string Url);
