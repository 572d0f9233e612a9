using System.ComponentModel.DataAnnotations;

namespace VoortgangApi.Storage;

/// <summary>
/// Where the data lives. In Azure: service URIs and the managed identity (no keys anywhere);
/// locally: a connection string to Azurite.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Sectie = "Storage";

    public string? ConnectionString { get; set; }
    public Uri? TableServiceUri { get; set; }
    public Uri? BlobServiceUri { get; set; }

    /// <summary>The queue endpoint (webhook deliveries); in Azure the same account as the Functions host's own storage.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>Client id of the user-assigned managed identity; empty means DefaultAzureCredential's own choice.</summary>
    public string? ClientId { get; set; }

    /// <summary>Prefix for table and container names, so that test runs never share state.</summary>
    [RegularExpression("^[a-z0-9]{0,20}$", ErrorMessage = "Storage:TablePrefix mag alleen kleine letters en cijfers bevatten (hooguit 20).")]
    public string TablePrefix { get; set; } = "";

    /// <summary>The public container of the open data; the only container with anonymous read.</summary>
    [RegularExpression("^[a-z0-9](-?[a-z0-9])+$", ErrorMessage = "Storage:OpenDataContainer is geen geldige containernaam.")]
    public string OpenDataContainer { get; set; } = "open-data";

    /// <summary>Per try: how long a storage call may take before it counts as failed (then one retry).</summary>
    [Range(0.2, 60)]
    public double TimeoutSeconden { get; set; } = 1.5;

    /// <summary>Retries after a failed storage call; with the time-out this bounds how long a request waits for storage.</summary>
    [Range(0, 5)]
    public int Herhalingen { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && (TableServiceUri is null || BlobServiceUri is null))
        {
            yield return new ValidationResult(
                "Stel Storage:ConnectionString in (lokaal) of Storage:TableServiceUri en Storage:BlobServiceUri (Azure, managed identity).");
        }
    }
}
