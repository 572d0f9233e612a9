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
/// Keeps the log in memory, fresh by the one rule of <see cref="Versheid"/>: within its interval a read touches no
/// storage; after it, one range read of the lines after the last known number fetches exactly what was added since
/// (usually nothing). A write in this process is merged at once. The log is gapless, so "the lines after n" is always
/// exactly what is missing.
/// </summary>
public sealed class Logboek(IHistorieStore store, Versheid versheid) : IDisposable
{
    private readonly SemaphoreSlim _laden = new(1, 1);
    private Bewaard<Logstand>? _stand;

    public TimeProvider Tijd => versheid.Tijd;

    /// <summary>Since when the log in memory has not been confirmed against storage (null: it is current).</summary>
    /// <remarks>Set while storage is unreachable and reads are answered from memory; the HTTP layer reports it as Age.</remarks>
    public DateTimeOffset? OnbevestigdSinds => _stand?.OnbevestigdSinds;

    /// <summary>
    /// The log as this process knows it, refreshed at most once per interval. When the refresh fails (storage
    /// unreachable) and a log was read before, that log is served — reads keep working through an outage.
    /// </summary>
    public async Task<Logstand> LeesAsync(CancellationToken ct)
    {
        var b = await versheid.LeesAsync(_stand, VersAsync, ct);
        if (b.OnbevestigdSinds is not null)
        {
            _stand = b; // the old log, served for another interval (VersAsync keeps what it loads itself)
        }

        return b.Waarde;
    }

    /// <summary>The log as storage has it now (for writes and snapshots, which must not act on an old state).</summary>
    public async Task<Logstand> VersAsync(CancellationToken ct)
    {
        await _laden.WaitAsync(ct);
        try
        {
            var teller = versheid.Teller;
            var begin = versheid.Nu;
            var oud = _stand?.Waarde ?? Leeg;
            var nieuw = await store.LeesNaAsync(oud.Volgnummer, ct);
            var stand = nieuw.Count == 0 ? oud : new Logstand([.. oud.Regels, .. nieuw]);
            _stand = versheid.Bewaar(stand, teller, begin);
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
            var oud = _stand?.Waarde ?? Leeg;
            if (toegevoegd.Count > 0 && toegevoegd[0].Volgnummer == oud.Volgnummer + 1)
            {
                // Kept as of the counter after this write's bump below: the merged log is current.
                _stand = versheid.Bewaar(new Logstand([.. oud.Regels, .. toegevoegd]), versheid.Teller + 1);
            }
        }
        finally
        {
            _laden.Release();
        }

        // Bumping the counter makes every other cache of this programme (cycles, summaries, answers) look again; the
        // signal says which items and lines the commit added.
        versheid.Meld(Wijzigingssoorten.Logregels, [.. toegevoegd.Select(Item).Distinct(StringComparer.Ordinal)],
            toegevoegd.Count > 0 ? toegevoegd[0].Volgnummer : null, toegevoegd.Count > 0 ? toegevoegd[^1].Volgnummer : null);
    }

    public void Dispose() => _laden.Dispose();

    private static string Item(Logregel r) => r.Status?.OplossingsrichtingId ?? r.Revisie!.ItemId;

    private static readonly Logstand Leeg = new([]);
}
