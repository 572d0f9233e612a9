namespace VoortgangApi.Core.OpenData;

/// <summary>A published file as listed in the store.</summary>
public sealed record OpenDataBlob(string Pad, long Bytes);

/// <summary>The public open-data container. Implemented by the storage project over Blob Storage.</summary>
public interface IOpenDataStore
{
    /// <summary>Writes a versioned file create-only (If-None-Match: *). False when it already existed: it is never overwritten.</summary>
    Task<bool> MaakAanAsync(string pad, byte[] inhoud, string contentType, CancellationToken ct);

    /// <summary>Writes a file that may change (catalogue, feed, pointer), but only when its content differs: same bytes, same ETag.</summary>
    Task<bool> VervangAlsAndersAsync(string pad, byte[] inhoud, string contentType, CancellationToken ct);

    Task<byte[]?> LeesAsync(string pad, CancellationToken ct);

    /// <summary>A file with its version (the blob's ETag), or null when it does not exist.</summary>
    Task<(byte[] Inhoud, string Versie)?> LeesMetVersieAsync(string pad, CancellationToken ct);

    /// <summary>Writes only if the file is still at <paramref name="verwachteVersie"/> (null: only if it does not exist yet); false if it changed meanwhile.</summary>
    Task<bool> SchrijfAlsOngewijzigdAsync(string pad, byte[] inhoud, string contentType, string? verwachteVersie, CancellationToken ct);

    Task<IReadOnlyList<OpenDataBlob>> LijstAsync(string prefix, CancellationToken ct);
}

/// <summary>Where the files are read and which API serves the same data (both end up in the catalogue).</summary>
public sealed record OpenDataInstellingen(string PubliekeBasisUrl, string ApiBasisUrl, string ContactNaam, string ContactEmail, string ContactUrl)
{
    public string Url(string pad) => $"{PubliekeBasisUrl.TrimEnd('/')}/{pad}";
}
