using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Cycli;

/// <summary>
/// A stored cycle with the storage version it was read at (for optimistic concurrency), and the snapshot attempt
/// that was committed (<c>RunId</c>, null while the cycle is gepland).
/// </summary>
public sealed record CyclusVersie(Rapportagecyclus Cyclus, string? RunId, string Versie);

/// <summary>Another writer changed the row between our read and our write (HTTP 409/412 from storage).</summary>
public sealed class GelijktijdigeWijzigingException(string bericht, Exception? oorzaak = null) : Exception(bericht, oorzaak);

/// <summary>Reporting cycles and their snapshots. Implemented by the storage project.</summary>
public interface ICyclusStore
{
    Task<CyclusVersie?> LeesAsync(string cyclusId, CancellationToken ct);

    Task<IReadOnlyList<CyclusVersie>> LijstAsync(CancellationToken ct);

    /// <summary>Inserts a new cycle (<paramref name="verwachteVersie"/> null) or replaces the one at that version.</summary>
    /// <exception cref="GelijktijdigeWijzigingException">The cycle exists already, or changed since it was read.</exception>
    Task<CyclusVersie> BewaarAsync(Rapportagecyclus cyclus, string? verwachteVersie, CancellationToken ct);

    /// <summary>Writes the rows of one snapshot attempt, insert-only; an existing row is never overwritten.</summary>
    Task SchrijfMomentopnameAsync(string cyclusId, string runId, VoortgangData data, CancellationToken ct);

    /// <summary>The commit marker: marks the cycle vastgesteld with this attempt, only if it is still at <paramref name="verwachteVersie"/>.</summary>
    /// <exception cref="GelijktijdigeWijzigingException">Someone else committed or re-planned first.</exception>
    Task<CyclusVersie> LegVastAsync(Rapportagecyclus vastgesteld, string runId, string verwachteVersie, CancellationToken ct);

    /// <summary>Removes a gepland cycle, only if it is still at <paramref name="verwachteVersie"/>.</summary>
    /// <exception cref="GelijktijdigeWijzigingException">It changed (or was vastgesteld) since it was read.</exception>
    Task VerwijderAsync(string cyclusId, string verwachteVersie, CancellationToken ct);

    Task<VoortgangData> LeesMomentopnameAsync(string cyclusId, string runId, CancellationToken ct);

    /// <summary>Removes the rows of an attempt that lost the race or was abandoned; never called for a committed one.</summary>
    Task VerwijderPogingAsync(string cyclusId, string runId, CancellationToken ct);

    /// <summary>Ids of the attempts that have rows for this cycle (committed or not).</summary>
    Task<IReadOnlyList<string>> PogingenAsync(string cyclusId, CancellationToken ct);
}
