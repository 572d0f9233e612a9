using VoortgangApi.Core.Model;

namespace VoortgangApi.Core;

/// <summary>Where the current progress state lives. Implemented by the storage project.</summary>
public interface IVoortgangStore
{
    /// <summary>Reads the whole current state (small: tens of rows per table).</summary>
    Task<VoortgangData> LeesAsync(CancellationToken ct);

    /// <summary>Writes <paramref name="data"/> so that the store holds exactly it; running it twice changes nothing.</summary>
    Task SchrijfAsync(VoortgangData data, CancellationToken ct);

    /// <summary>A token that changes with every <see cref="SchrijfAsync"/>: a cache holding the data of this version is current.</summary>
    Task<string> VersieAsync(CancellationToken ct);

    /// <summary>True when no theme has been stored yet (a fresh store that needs the seed).</summary>
    Task<bool> IsLeegAsync(CancellationToken ct);
}
