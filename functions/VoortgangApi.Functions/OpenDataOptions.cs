namespace VoortgangApi.Functions;

/// <summary>Public addresses written into the open data (catalogue, feed, landing pages).</summary>
public sealed class OpenDataOptions
{
    public const string Sectie = "OpenData";

    /// <summary>Public base URL of the files (blob endpoint or a CDN); empty means the container's own blob URL.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Public base URL of the API (for the catalogue's data service); empty means https://{WEBSITE_HOSTNAME}/api/v1.</summary>
    public string? ApiBaseUrl { get; set; }
}
