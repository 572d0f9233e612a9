using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.OpenData;

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
        services.AddSingleton<TableClients>();
        services.AddSingleton<IHistorieStore, HistorieTableStore>();
        services.AddSingleton<ICyclusStore, CyclusTableStore>();
        services.AddSingleton<IOpenDataStore, OpenDataBlobStore>();
        services.AddSingleton<IStoringsherkenner, Opslagstoringen>();
        services.AddSingleton(sp => new OpenDataLocatie(
            $"{sp.GetRequiredService<BlobServiceClient>().Uri.AbsoluteUri.TrimEnd('/')}/{sp.GetRequiredService<IOptions<StorageOptions>>().Value.OpenDataContainer}"));
        return services;
    }

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

    private static DefaultAzureCredential Credential(StorageOptions o) =>
        new(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrWhiteSpace(o.ClientId) ? null : o.ClientId });
}

/// <summary>The anonymous-read URL of the open-data container as the blob endpoint serves it (Azurite locally).</summary>
public sealed record OpenDataLocatie(string Url);
