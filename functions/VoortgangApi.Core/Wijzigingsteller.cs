namespace VoortgangApi.Core;

/// <summary>
/// An in-process change counter: every write in this process bumps it, so read caches refresh at once here;
/// other instances notice changes through the stored data version or a short time-to-live.
/// </summary>
public sealed class Wijzigingsteller
{
    private long _teller;

    public long Teller => Interlocked.Read(ref _teller);

    public void Meld() => Interlocked.Increment(ref _teller);
}
