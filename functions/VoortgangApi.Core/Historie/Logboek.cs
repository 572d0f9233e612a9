using System.Collections.Concurrent;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Historie;

/// <summary>The whole log at one moment, with the folds that every read needs, each computed once.</summary>
public sealed class Logstand(IReadOnlyList<Logregel> regels)
{
    private readonly ConcurrentDictionary<DateOnly, VoortgangData> _huidig = new();

    public IReadOnlyList<Logregel> Regels { get; } = regels;

    /// <summary>The number of the last line: the data version.</summary>
    public long Volgnummer => Regels.Count == 0 ? 0 : Regels[^1].Volgnummer;

    /// <summary>The moment of the last line; what "as known now" means for this state.</summary>
    public DateTimeOffset BekendTot => Regels.Count == 0 ? DateTimeOffset.MinValue : Regels[^1].VastgelegdOp;

    /// <summary>The current state on <paramref name="vandaag"/>: one instance per day while the log is unchanged.</summary>
    public VoortgangData Huidig(DateOnly vandaag) => _huidig.GetOrAdd(vandaag, d => Vouw.Stand(Regels, d, DateTimeOffset.MaxValue));

    public VoortgangData Stand(DateOnly peildatum, DateTimeOffset bekendOp) => Vouw.Stand(Regels, peildatum, bekendOp);

    /// <summary>What a snapshot at this peildatum freezes from this log: everything it holds. The snapshot and the concept both use it.</summary>
    public VoortgangData Momentopname(DateOnly peildatum) => Stand(peildatum, BekendTot);

    public Logregel? Regel(long volgnummer) =>
        volgnummer >= 1 && volgnummer <= Regels.Count && Regels[(int)volgnummer - 1].Volgnummer == volgnummer ? Regels[(int)volgnummer - 1] : null;
}

/// <summary>
/// Keeps the log in memory. Within <paramref name="controleInterval"/> a read touches no storage; after it, one range
/// read of the lines after the last known number fetches exactly what was added since (usually nothing). A write in this process is merged
/// at once. The log is gapless, so "the lines after n" is always exactly what is missing.
/// </summary>
public sealed class Logboek(IHistorieStore store, Wijzigingsteller wijzigingen, TimeProvider tijd, TimeSpan controleInterval) : IDisposable
{
    private readonly SemaphoreSlim _laden = new(1, 1);
    private Bewaard _stand = new(new Logstand([]), -1, DateTimeOffset.MinValue);

    public TimeProvider Tijd => tijd;

    /// <summary>Since when the log in memory has not been confirmed against storage (null: it is current).</summary>
    /// <remarks>Set while storage is unreachable and reads are answered from memory; the HTTP layer reports it as Age.</remarks>
    public DateTimeOffset? OnbevestigdSinds { get; private set; }

    /// <summary>
    /// The log as this process knows it, refreshed at most every <c>controleInterval</c>. When the refresh fails (storage
    /// unreachable) and a log was read before, that log is served — reads keep working through an outage — and storage
    /// is tried again after the next interval, so a read never waits for a dead storage account twice in a row.
    /// </summary>
    public async Task<Logstand> LeesAsync(CancellationToken ct)
    {
        var b = _stand;
        if (b.Teller == wijzigingen.Teller && tijd.GetUtcNow() - b.Gecontroleerd < controleInterval)
        {
            return b.Stand;
        }

        try
        {
            var stand = await VersAsync(ct);
            OnbevestigdSinds = null;
            return stand;
        }
        catch (Exception) when (!ct.IsCancellationRequested && b.Teller >= 0)
        {
            OnbevestigdSinds ??= b.Gecontroleerd;
            _stand = b with { Teller = wijzigingen.Teller, Gecontroleerd = tijd.GetUtcNow() };
            return b.Stand;
        }
    }

    /// <summary>The log as storage has it now (for writes and snapshots, which must not act on an old state).</summary>
    public async Task<Logstand> VersAsync(CancellationToken ct)
    {
        await _laden.WaitAsync(ct);
        try
        {
            var teller = wijzigingen.Teller;
            var oud = _stand.Stand;
            var nieuw = await store.LeesNaAsync(oud.Volgnummer, ct);
            var stand = nieuw.Count == 0 ? oud : new Logstand([.. oud.Regels, .. nieuw]);
            _stand = new Bewaard(stand, teller, tijd.GetUtcNow());
            return stand;
        }
        finally
        {
            _laden.Release();
        }
    }

    /// <summary>Merges lines this process just appended, so its next read shows them without a storage round trip.</summary>
    public async Task NeemOpAsync(IReadOnlyList<Logregel> toegevoegd, CancellationToken ct)
    {
        await _laden.WaitAsync(ct);
        try
        {
            var oud = _stand.Stand;
            if (toegevoegd.Count > 0 && toegevoegd[0].Volgnummer == oud.Volgnummer + 1)
            {
                _stand = new Bewaard(new Logstand([.. oud.Regels, .. toegevoegd]), wijzigingen.Teller + 1, tijd.GetUtcNow());
            }
        }
        finally
        {
            _laden.Release();
        }

        // Bumping the counter makes every other cache of this process (cycles, summaries) look again.
        wijzigingen.Meld();
    }

    public void Dispose() => _laden.Dispose();

    private sealed record Bewaard(Logstand Stand, long Teller, DateTimeOffset Gecontroleerd);
}
