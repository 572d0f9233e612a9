namespace VoortgangApi.Core;

/// <summary>
/// What one commit changed: the programme, the kind of change (<see cref="Wijzigingssoorten"/>), the items it touched
/// (ids; empty when the change is not about items) and, for log lines, the numbers of the first and last line.
/// </summary>
public sealed record Wijziging(string ProgrammaId, string Soort, IReadOnlyList<string> Items, long? VanVolgnummer = null, long? TotVolgnummer = null);

public static class Wijzigingssoorten
{
    public const string Logregels = "logregels";
    public const string Cyclus = "cyclus";
    public const string Momentopname = "momentopname";
    public const string Publicatie = "publicatie";
    public const string Programma = "programma";
}

/// <summary>A consumer of the post-commit signal: a cache that drops what changed, the edge's purge, webhook deliveries.</summary>
public interface IWijzigingVolger
{
    /// <summary>Called after the commit, on the writer's thread: quick, never throws into the write (failures are the consumer's own).</summary>
    void Gewijzigd(Wijziging wijziging);
}

/// <summary>
/// The one signal after every commit (a write, a correction, a snapshot, a publication, a programme's change): every
/// consumer hears every commit of this process. It says what changed; other instances learn of it from storage (the
/// log is gapless, so a consumer that missed a signal resumes from the log).
/// </summary>
public sealed class Wijzigingssignaal(IEnumerable<IWijzigingVolger> volgers)
{
    private readonly IWijzigingVolger[] _volgers = [.. volgers];

    public void Zend(Wijziging wijziging)
    {
        foreach (var volger in _volgers)
        {
            volger.Gewijzigd(wijziging);
        }
    }
}
