using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
            return string.IsNullOrWhiteSpace(o.ConnectionString)
                ? new TableServiceClient(o.TableServiceUri, Credential(o))
                : new TableServiceClient(o.ConnectionString);
        });
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return string.IsNullOrWhiteSpace(o.ConnectionString)
                ? new BlobServiceClient(o.BlobServiceUri, Credential(o))
                : new BlobServiceClient(o.ConnectionString);
        });
        services.AddSingleton<TableClients>();
        services.AddSingleton<IHistorieStore, HistorieTableStore>();
        services.AddSingleton<ICyclusStore, CyclusTableStore>();
        services.AddSingleton<IOpenDataStore, OpenDataBlobStore>();
        services.AddSingleton(sp => new OpenDataLocatie(
            $"{sp.GetRequiredService<BlobServiceClient>().Uri.AbsoluteUri.TrimEnd('/')}/{sp.GetRequiredService<IOptions<StorageOptions>>().Value.OpenDataContainer}"));
        return services;
    }

    private static DefaultAzureCredential Credential(StorageOptions o) =>
        new(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrWhiteSpace(o.ClientId) ? null : o.ClientId });
}

/// <summary>The anonymous-read URL of the open-data container as the blob endpoint serves it (Azurite locally).</summary>
public sealed record OpenDataLocatie(string Url);
