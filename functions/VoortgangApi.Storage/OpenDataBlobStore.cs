using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using VoortgangApi.Core.OpenData;

namespace VoortgangApi.Storage;

/// <summary>
/// The public open-data container, as one programme sees it: its files under <paramref name="voorvoegsel"/> (empty for
/// the standard programme, whose paths stay those of the time before programmes; <c>programmas/{id}/</c> for another).
/// Versioned files are created with If-None-Match: *, never overwritten.
/// </summary>
internal sealed class OpenDataBlobStore(BlobServiceClient service, IOptions<StorageOptions> options, string voorvoegsel = "") : IOpenDataStore
{
    private readonly Lazy<Task<BlobContainerClient>> _container = new(() => MaakAsync(service, options.Value));

    private async Task<BlobClient> BlobAsync(string pad) => (await _container.Value).GetBlobClient(voorvoegsel + pad);

    public async Task<bool> MaakAanAsync(string pad, byte[] inhoud, string contentType, CancellationToken ct)
    {
        var blob = await BlobAsync(pad);
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(inhoud), new BlobUploadOptions
            {
                HttpHeaders = Kop(contentType, onveranderlijk: true),
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<bool> VervangAlsAndersAsync(string pad, byte[] inhoud, string contentType, CancellationToken ct)
    {
        var blob = await BlobAsync(pad);
        for (var poging = 0; poging < 5; poging++)
        {
            var bestaand = await LeesMetETagAsync(blob, ct);
            if (bestaand is { } b && b.Inhoud.AsSpan().SequenceEqual(inhoud))
            {
                return false;
            }

            // Conditional on the version just compared with: a concurrent write in between makes us compare again.
            try
            {
                await blob.UploadAsync(BinaryData.FromBytes(inhoud), new BlobUploadOptions
                {
                    HttpHeaders = Kop(contentType, onveranderlijk: false),
                    Conditions = bestaand is { } v ? new BlobRequestConditions { IfMatch = v.ETag } : new BlobRequestConditions { IfNoneMatch = ETag.All },
                }, ct);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Someone else wrote it meanwhile: read again.
            }
        }

        throw new IOException($"{pad} bleef gelijktijdig veranderen; probeer de publicatie opnieuw.");
    }

    public async Task<byte[]?> LeesAsync(string pad, CancellationToken ct) =>
        (await LeesMetETagAsync(await BlobAsync(pad), ct))?.Inhoud;

    public async Task<(byte[] Inhoud, string Versie)?> LeesMetVersieAsync(string pad, CancellationToken ct) =>
        await LeesMetETagAsync(await BlobAsync(pad), ct) is { } b ? (b.Inhoud, b.ETag.ToString()) : null;

    public async Task<bool> SchrijfAlsOngewijzigdAsync(string pad, byte[] inhoud, string contentType, string? verwachteVersie, CancellationToken ct)
    {
        var blob = await BlobAsync(pad);
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(inhoud), new BlobUploadOptions
            {
                HttpHeaders = Kop(contentType, onveranderlijk: false),
                Conditions = verwachteVersie is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = new ETag(verwachteVersie) },
            }, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<OpenDataBlob>> LijstAsync(string prefix, CancellationToken ct)
    {
        var lijst = new List<OpenDataBlob>();
        await foreach (var item in (await _container.Value).GetBlobsAsync(new GetBlobsOptions { Prefix = voorvoegsel + prefix }, ct))
        {
            lijst.Add(new OpenDataBlob(item.Name[voorvoegsel.Length..], item.Properties.ContentLength ?? 0));
        }

        return lijst;
    }

    private static async Task<(byte[] Inhoud, ETag ETag)?> LeesMetETagAsync(BlobClient blob, CancellationToken ct)
    {
        try
        {
            var antwoord = await blob.DownloadContentAsync(ct);
            return (antwoord.Value.Content.ToArray(), antwoord.Value.Details.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    // Versioned files never change, so caches may keep them for a year; the indexes change when a cycle is added.
    private static BlobHttpHeaders Kop(string contentType, bool onveranderlijk) => new()
    {
        ContentType = contentType,
        CacheControl = onveranderlijk ? "public, max-age=31536000, immutable" : "public, max-age=300",
    };

    // Locally (connection string, Azurite) the container is created with anonymous blob read, as in Azure. In Azure
    // the Bicep template creates it: setting public access needs the control plane, which the app identity lacks.
    private static async Task<BlobContainerClient> MaakAsync(BlobServiceClient service, StorageOptions o)
    {
        var container = service.GetBlobContainerClient(o.OpenDataContainer);
        if (!string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            await container.CreateIfNotExistsAsync(PublicAccessType.Blob);
        }

        return container;
    }
}
