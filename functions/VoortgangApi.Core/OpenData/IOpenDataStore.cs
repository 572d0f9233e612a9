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

/// <summary>
/// Where a programme's files are read and which API serves the same data (both end up in the catalogue):
/// <see cref="ApiBasisUrl"/> is the API's root (its documentation), <see cref="ProgrammaApiUrl"/> the programme's own
/// paths (empty <see cref="ProgrammaPad"/> for the standard programme, whose files keep the paths and bytes they had).
/// <see cref="Titelbron"/> names the programme as it reads now (a programme can be renamed); none: the standard names.
/// </summary>
public sealed record OpenDataInstellingen(
    string PubliekeBasisUrl, string ApiBasisUrl, string ContactNaam, string ContactEmail, string ContactUrl, string ProgrammaPad = "",
    Func<Publicatietitels>? Titelbron = null)
{
    public string Url(string pad) => $"{PubliekeBasisUrl.TrimEnd('/')}/{pad}";

    public string ProgrammaApiUrl => ApiBasisUrl + ProgrammaPad;

    public Publicatietitels Namen => Titelbron?.Invoke() ?? Publicatietitels.Standaard;
}

/// <summary>How a programme's releases name it: in titles, the data package's name, the sender, the keywords.</summary>
public sealed record Publicatietitels(string Kort, string Volledig, string Naam, string Afzender, IReadOnlyList<string> Trefwoorden)
{
    public static readonly Publicatietitels Standaard = new("Aanpak sekswerkers", "Aanpak versterking sociale en juridische positie sekswerkers",
        "voortgang-aanpak-sekswerkers", "Ministerie van Justitie en Veiligheid", ["sekswerk"]);

    public static Publicatietitels Van(Programmas.Programma p) => new(p.Titel, p.Titel, $"voortgang-{p.Id}", p.Ministeries[0], []);
}
