namespace VoortgangApi.Core.Historie;

/// <summary>What an earlier request with the same Idempotency-Key recorded: the hash of its body and its first line.</summary>
public sealed record Idempotentie(string BodyHash, long Volgnummer);

/// <summary>
/// A request to append lines, all or nothing, only if the log is still as it was read (<paramref name="Na"/>: its last
/// number and moment, so storage needs no second read to number and stamp the lines).
/// <see cref="Door"/> is who records it: internal audit data (personal data), stored apart from the public line.
/// </summary>
public sealed record Toevoeging(
    IReadOnlyList<Logregel> Regels, Logstand Na, Vastlegger? Door,
    string? IdempotentieSleutel = null, string? BodyHash = null)
{
    /// <summary>The number of the log's last line when it was read; the lines are numbered from the next one.</summary>
    public long VerwachtVolgnummer => Na.Volgnummer;

    /// <summary>The moment of that last line; this append is stamped strictly later.</summary>
    public DateTimeOffset VorigMoment => Na.BekendTot;

    /// <summary>The most lines one append holds: it is one storage transaction of 100 operations, with the counter and the key.</summary>
    public const int MaxRegels = 98;
}

/// <summary>The append-only progress log. Implemented by the storage project; nothing in it is ever updated or deleted.</summary>
public interface IHistorieStore
{
    /// <summary>The lines numbered after <paramref name="na"/>, in recording order.</summary>
    Task<IReadOnlyList<Logregel>> LeesNaAsync(long na, CancellationToken ct);

    /// <summary>
    /// Appends the lines atomically, numbered from <c>VerwachtVolgnummer + 1</c> and stamped with one moment later than
    /// <c>VorigMoment</c>; with the idempotency record when a key is given. Returns the lines as recorded. Fails when any
    /// of those numbers exists already: the log moved on since it was read.
    /// </summary>
    /// <exception cref="Cycli.GelijktijdigeWijzigingException">The log moved on, or the key was used meanwhile.</exception>
    Task<IReadOnlyList<Logregel>> VoegToeAsync(Toevoeging toevoeging, CancellationToken ct);

    /// <summary>What was recorded under this key, or null.</summary>
    Task<Idempotentie?> IdempotentieAsync(string sleutel, CancellationToken ct);
}
