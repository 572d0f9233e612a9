namespace VoortgangApi.Core;

/// <summary>
/// One programme's in-process change counter: every commit in this process bumps it, so that programme's read caches
/// refresh at once here, and sends the one post-commit signal saying what changed. Other instances notice changes
/// through the stored data version or a short time-to-live.
/// </summary>
public sealed class Wijzigingsteller(string programmaId = "", Wijzigingssignaal? signaal = null)
{
    private long _teller;

    public long Teller => Interlocked.Read(ref _teller);

    public string ProgrammaId => programmaId;

    /// <summary>A commit: the counter first (caches of this programme look again), then the signal.</summary>
    public void Meld(string soort = Wijzigingssoorten.Logregels, IReadOnlyList<string>? items = null, long? van = null, long? tot = null)
    {
        Interlocked.Increment(ref _teller);
        signaal?.Zend(new Wijziging(programmaId, soort, items ?? [], van, tot));
    }
}
