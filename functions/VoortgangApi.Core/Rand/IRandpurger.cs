namespace VoortgangApi.Core.Rand;

/// <summary>
/// Asks the edge cache in front of the API (Azure Front Door, or Varnish locally) to drop what it keeps for some paths.
/// A path is exact (<c>/api/v1/themas</c>: every query string of it) or a prefix ending in <c>/*</c>
/// (<c>/api/v1/themas/*</c>), as Front Door's purge takes them.
/// </summary>
public interface IRandpurger
{
    /// <summary>Throws when the edge did not accept the purge; the caller retries.</summary>
    Task PurgeAsync(IReadOnlyCollection<string> paden, CancellationToken ct);
}
