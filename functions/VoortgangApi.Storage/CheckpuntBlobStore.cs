using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using VoortgangApi.Core;
using VoortgangApi.Core.Historie;

namespace VoortgangApi.Storage;

/// <summary>
/// A programme's checkpoints in the private container <c>{prefix}checkpunten</c>, under <c>{programme}/</c>:
/// <c>checkpunt-{number}.json</c> (the list of segments with their hashes), <c>segment-{from}-{to}-{hash}.json</c>,
/// <c>kop-{number}-{hash}.json</c>, <c>venster-{from}-{to}-{hash}.json</c> (dates as yyyyMMdd), <c>items-{number}-{hash}.json</c>
/// (the item register) and <c>item-{key hash}-{from}-{to}-{hash}.json</c> (a part of one item's lines).
/// The hash in a segment's name keeps two different contents for one range (a restored store) apart.
/// </summary>
internal sealed class CheckpuntBlobStore(BlobServiceClient service, IOptions<StorageOptions> options, string programma) : ICheckpuntStore
{
    private readonly Lazy<Task<BlobContainerClient>> _container = new(() => MaakAsync(service, options.Value));

    private string Map => programma + "/";

    public async Task<IReadOnlyList<Checkpunt>> LijstAsync(CancellationToken ct)
    {
        var container = await _container.Value;
        var namen = new List<string>();
        await foreach (var b in container.GetBlobsAsync(new GetBlobsOptions { Prefix = Map + "checkpunt-" }, ct))
        {
            namen.Add(b.Name);
        }

        // Side by side: the files name every segment and window, so they grow with the log (some 120 KB at a million lines).
        var gelezen = await Task.WhenAll(namen.OrderDescending(StringComparer.Ordinal).Select(async naam =>
        {
            try
            {
                var inhoud = await container.GetBlobClient(naam).DownloadContentAsync(ct);
                return JsonSerializer.Deserialize<Checkpunt>(inhoud.Value.Content.ToMemory().Span, VoortgangJson.Options) is { Segmenten: not null } c ? c : null;
            }
            catch (Exception ex) when (ex is JsonException or RequestFailedException { Status: 404 })
            {
                return null; // unreadable or removed meanwhile: not a checkpoint this release can use
            }
        }));

        return [.. gelezen.OfType<Checkpunt>()];
    }

    public async Task<byte[]?> SegmentAsync(Checkpuntsegment segment, CancellationToken ct)
    {
        var container = await _container.Value;
        try
        {
            return (await container.GetBlobClient(Naam(segment)).DownloadContentAsync(ct)).Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task BewaarSegmentAsync(Checkpuntsegment segment, byte[] inhoud, CancellationToken ct)
    {
        var container = await _container.Value;
        await container.GetBlobClient(Naam(segment)).UploadAsync(BinaryData.FromBytes(inhoud), overwrite: true, ct);
    }

    public async Task BewaarAsync(Checkpunt checkpunt, CancellationToken ct)
    {
        var container = await _container.Value;
        await container.GetBlobClient($"{Map}checkpunt-{checkpunt.Volgnummer:D12}.json")
            .UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(checkpunt, VoortgangJson.Options)), overwrite: true, ct);
    }

    public async Task RuimOpAsync(IReadOnlyList<Checkpunt> bewaren, IReadOnlyCollection<Checkpuntsegment> ookBewaren, CancellationToken ct)
    {
        var container = await _container.Value;
        var houden = bewaren.Select(c => $"{Map}checkpunt-{c.Volgnummer:D12}.json")
            .Concat(bewaren.SelectMany(c => c.Bestanden).Concat(ookBewaren).Select(Naam)).ToHashSet(StringComparer.Ordinal);
        await foreach (var b in container.GetBlobsAsync(new GetBlobsOptions { Prefix = Map }, ct))
        {
            if (!houden.Contains(b.Name))
            {
                await container.GetBlobClient(b.Name).DeleteIfExistsAsync(cancellationToken: ct);
            }
        }
    }

    // A checkpoint's head is stored as the range 0..n; a window under its dates (several checkpoints may name it); an
    // item's part under a hash of its key (an id may hold characters a blob name should not).
    private string Naam(Checkpuntsegment s) => s switch
    {
        { Item: { } item } => $"{Map}item-{Checkpunten.Hash(System.Text.Encoding.UTF8.GetBytes(item))[..16]}-{s.Van:D12}-{s.Tot:D12}-{s.Sha256[..16]}.json",
        { Register: true } => $"{Map}items-{s.Tot:D12}-{s.Sha256[..16]}.json",
        { Venster: true } => $"{Map}venster-{DateOnly.FromDayNumber((int)s.Van):yyyyMMdd}-{DateOnly.FromDayNumber((int)s.Tot):yyyyMMdd}-{s.Sha256[..16]}.json",
        { Van: 0 } => $"{Map}kop-{s.Tot:D12}-{s.Sha256[..16]}.json",
        _ => $"{Map}segment-{s.Van:D12}-{s.Tot:D12}-{s.Sha256[..16]}.json",
    };

    private static async Task<BlobContainerClient> MaakAsync(BlobServiceClient service, StorageOptions o)
    {
        var container = service.GetBlobContainerClient(o.TablePrefix + "checkpunten");
        await container.CreateIfNotExistsAsync(PublicAccessType.None);
        return container;
    }
}
