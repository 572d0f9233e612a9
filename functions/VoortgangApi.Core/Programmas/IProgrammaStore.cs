namespace VoortgangApi.Core.Programmas;

/// <summary>The programmes and their grants. Implemented by the storage project.</summary>
public interface IProgrammaStore
{
    Task<IReadOnlyList<ProgrammaVersie>> LijstAsync(CancellationToken ct);

    Task<ProgrammaVersie?> LeesAsync(string id, CancellationToken ct);

    /// <summary>
    /// Inserts the programme (<paramref name="verwachteVersie"/> null) or replaces the one at that version, and keeps an
    /// audit row of who did it (<paramref name="door"/>: internal, never published).
    /// </summary>
    /// <exception cref="Cycli.GelijktijdigeWijzigingException">It exists already, or changed since it was read.</exception>
    Task<ProgrammaVersie> BewaarAsync(Programma programma, Programmatoegang? toegang, string? verwachteVersie, Historie.Vastlegger door, CancellationToken ct);
}
