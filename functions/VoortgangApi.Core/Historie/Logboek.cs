using System.Collections.Concurrent;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Historie;

/// <summary>
/// The log up to one line, with the folds that every read needs, each computed once. It reads a <see cref="Tijdlijn"/>
/// that may hold later lines too (the log's next state shares it): every question is asked "up to my last number".
/// </summary>
public sealed class Logstand
{
    private readonly ConcurrentDictionary<DateOnly, VoortgangData> _huidig = new();

    /// <summary>A state of exactly these lines (numbered consecutively), indexed now; for tests, tools and the seed.</summary>
    public Logstand(IReadOnlyList<Logregel> regels)
    {
        Tijdlijn = new Tijdlijn(regels.Count == 0 ? 1 : regels[0].Volgnummer);
        Tijdlijn.VoegAlle(regels);

        Volgnummer = regels.Count == 0 ? 0 : regels[^1].Volgnummer;
        BekendTot = regels.Count == 0 ? DateTimeOffset.MinValue : regels[^1].VastgelegdOp;
    }

    internal Logstand(Tijdlijn tijdlijn, long volgnummer, DateTimeOffset bekendTot, Tijdlijn? venster = null)
    {
        Tijdlijn = tijdlijn;
        Volgnummer = volgnummer;
        BekendTot = bekendTot;
        Venster = venster;
    }

    /// <summary>The index of the lines; ask it with <see cref="Volgnummer"/> as the last line.</summary>
    public Tijdlijn Tijdlijn { get; }

    /// <summary>The lines of this state, in recording order (a view: nothing is copied). Only a whole index has them.</summary>
    public IReadOnlyList<Logregel> Regels => Volledig().Regels.Tot(Volgnummer == 0 ? 0 : Volgnummer - Tijdlijn.Regels.Eerste + 1);

    /// <summary>
    /// Beside a checkpoint's head: one of the checkpoint's windows with the lines after it (<see cref="Logboek.DekkendAsync"/>),
    /// for the peildata of that window.
    /// </summary>
    public Tijdlijn? Venster { get; }

    /// <summary>Whether this state answers (P, T) exactly; a state on a checkpoint's head answers only the current state and its window's dates (see <see cref="Tijdlijn.Dekt"/>).</summary>
    public bool Dekt(DateOnly peildatum, DateTimeOffset bekendOp) => Index(peildatum, bekendOp) is not null;

    /// <summary>The number of the last line: the data version.</summary>
    public long Volgnummer { get; }

    /// <summary>The moment of the last line; what "as known now" means for this state.</summary>
    public DateTimeOffset BekendTot { get; }

    /// <summary>The current state on <paramref name="vandaag"/>: one instance per day while the log is unchanged.</summary>
    public VoortgangData Huidig(DateOnly vandaag) => _huidig.GetOrAdd(vandaag, d => Stand(d, DateTimeOffset.MaxValue));

    public VoortgangData Stand(DateOnly peildatum, DateTimeOffset bekendOp) => Gedekt(peildatum, bekendOp).Stand(peildatum, bekendOp, Volgnummer);

    /// <summary>What a snapshot at this peildatum freezes from this log: everything it holds. The snapshot and the concept both use it.</summary>
    public VoortgangData Momentopname(DateOnly peildatum) => Stand(peildatum, BekendTot);

    public Logregel? Regel(long volgnummer)
    {
        var i = volgnummer - Volledig().Regels.Eerste;
        return volgnummer <= Volgnummer && i >= 0 && Tijdlijn.Regels[i] is { } r && r.Volgnummer == volgnummer ? r : null;
    }

    /// <summary>The status entry with this id (st-{number}), or null.</summary>
    public Statusregel? StatusMetId(string statusId) =>
        Logregel.VolgnummerVan(statusId) is { } n && Regel(n)?.Status is { } s && s.Id == statusId ? s : null;

    /// <summary>
    /// The item's status entry in force at <paramref name="peildatum"/> as this state knows it: the index's lookup that
    /// every read uses (held equal to <see cref="Vouw.StatussenInForce"/> by the property tests), on a head or a window too.
    /// </summary>
    public Statusregel? StatusInForce(string item, DateOnly peildatum) => Gedekt(peildatum, DateTimeOffset.MaxValue).StatusInForce(item, peildatum, Volgnummer);

    /// <summary>The entry that replaced status <paramref name="statusId"/> in this state, or null.</summary>
    public Statusregel? VervangenDoor(string statusId) => Volledig().VervangenDoor(statusId, Volgnummer);

    private Tijdlijn? Index(DateOnly peildatum, DateTimeOffset bekendOp) =>
        Tijdlijn.Dekt(peildatum, bekendOp) ? Tijdlijn : Venster?.Dekt(peildatum, bekendOp) == true ? Venster : null;

    private Tijdlijn Gedekt(DateOnly peildatum, DateTimeOffset bekendOp) => Index(peildatum, bekendOp)
        ?? throw new InvalidOperationException($"Deze stand rust op de kop van een checkpunt en dekt {peildatum:yyyy-MM-dd} niet; vraag Logboek.VolledigAsync.");

    // What needs every line (history, feed, corrections) asks a whole index; a head refuses loudly rather than answer short.
    private Tijdlijn Volledig() => Tijdlijn.Volledig
        ? Tijdlijn
        : throw new InvalidOperationException("Deze stand rust op de kop van een checkpunt; vraag Logboek.VolledigAsync.");
}

/// <summary>
/// Keeps the log in memory, fresh by the one rule of <see cref="Versheid"/>: within its interval a read touches no
/// storage; after it, one range read of the lines after the last known number fetches exactly what was added since
/// (usually nothing). A write in this process is merged at once. The log is gapless, so "the lines after n" is always
/// exactly what is missing.
/// </summary>
/// <remarks>
/// After a start on a checkpoint's head the whole index is read beside the requests when a request needs it, when a
/// checkpoint is due (it is written from the whole index), or <paramref name="uitstel"/> after the start
/// (<see cref="Timeout.InfiniteTimeSpan"/>: only then; the start's first requests keep the CPU, and on two cores the
/// reading halves their speed). With <paramref name="vasthouden"/> the whole index is let go again that long after the
/// last request that needed it, once the newest checkpoint has been written: the process moves on to that checkpoint's
/// head, so what it holds stays the size of the head, not of the log. Zero keeps it.
/// </remarks>
public sealed partial class Logboek(
    IHistorieStore store, Versheid versheid, Checkpuntbeheer? checkpunten = null, TimeSpan uitstel = default, TimeSpan vasthouden = default) : IDisposable
{
    private readonly SemaphoreSlim _laden = new(1, 1);
    private readonly Lock _herstart = new();
    private Bewaard<Logstand>? _stand;

    // While the process runs on a checkpoint's head: the checkpoint, the lines after it (for the whole index when it has
    // been read, and for the windows; replaced, never changed, so a reader needs no lock), the reading of that index
    // beside the requests, and the windows read for as-of reads meanwhile.
    private GeladenCheckpunt? _gestart;
    private Logregel[]? _staart;
    private Task? _volledig;
    private Func<Task>? _laadVolledig;
    private TaskCompletionSource _volledigNodig = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Letting the whole index go: the last moment (UTC ticks) a request needed it, whether a letter asked for a checkpoint
    // while the process ran on a head, the wait under way, and the stop for that wait.
    private long _laatstNodig;
    private bool _checkpuntGevraagd;
    private volatile bool _opAanvraag; // the head reads the whole index only when something needs it
    private Task? _loslaten;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Checkpuntvenster, Task<Vensterinhoud?>> _vensters = new();
    private readonly ConcurrentDictionary<Checkpuntsegment, Task<IReadOnlyList<Logregel>?>> _segmenten = new();
    private const int BestandenInGeheugen = 16;

    public TimeProvider Tijd => versheid.Tijd;

    /// <summary>Since when the log in memory has not been confirmed against storage (null: it is current).</summary>
    /// <remarks>Set while storage is unreachable and reads are answered from memory; the HTTP layer reports it as Age.</remarks>
    public DateTimeOffset? OnbevestigdSinds => _stand?.OnbevestigdSinds;

    /// <summary>
    /// The log as this process knows it, refreshed at most once per interval; its current state is always exact (a
    /// state on a checkpoint's head that no longer covers today waits for the whole index). When the refresh fails
    /// (storage unreachable) and a log was read before, that log is served — reads keep working through an outage.
    /// </summary>
    public async Task<Logstand> LeesAsync(CancellationToken ct)
    {
        var b = await versheid.LeesAsync(_stand, VernieuwAsync, ct);
        if (b.OnbevestigdSinds is not null)
        {
            _stand = b; // the old log, served for another interval (VernieuwAsync keeps what it loads itself)
        }

        return b.Waarde.Dekt(Tijd.Vandaag(), DateTimeOffset.MaxValue) ? b.Waarde : await VolledigAsync(ct);
    }

    /// <summary>
    /// A state that answers (<paramref name="peildatum"/>, <paramref name="bekendOp"/>): <paramref name="log"/> when it
    /// covers them; while the whole index is being read after a start, the checkpoint's window for that peildatum with
    /// the lines after the checkpoint (one small file, not the whole log); else the whole index.
    /// </summary>
    public async Task<Logstand> DekkendAsync(Logstand log, DateOnly peildatum, DateTimeOffset bekendOp, CancellationToken ct) =>
        log.Dekt(peildatum, bekendOp) ? log : await MetVensterAsync(log, peildatum, bekendOp, ct) ?? await VolledigAsync(ct);

    // The state on the head with the checkpoint's window for the peildatum and the lines after the checkpoint; null when
    // the process does not run on a head, the window cannot be read, or a later correction took its starting point.
    private async Task<Logstand?> MetVensterAsync(Logstand log, DateOnly peildatum, DateTimeOffset bekendOp, CancellationToken ct)
    {
        if (_gestart is { } c && checkpunten is not null && _staart is { } staart && !log.Tijdlijn.Volledig && bekendOp >= c.BekendTot
            && log.Volgnummer >= c.Volgnummer // a state of an earlier head (the process moved on since) is not answered from this one
            && c.Checkpunt.VensterVoor(peildatum) is { } venster && await VensterAsync(checkpunten, c.Checkpunt, venster, ct) is { } inhoud)
        {
            var tijdlijn = Tijdlijn.VanVenster(inhoud, c.BekendTot, staart.Where(r => r.Volgnummer <= log.Volgnummer));
            var stand = new Logstand(log.Tijdlijn, log.Volgnummer, log.BekendTot, tijdlijn);
            if (stand.Dekt(peildatum, bekendOp))
            {
                return stand;
            }
        }

        return null;
    }

    /// <summary>The log with its whole index: for as-of reads a head does not cover, the history and the change feed.</summary>
    public async Task<Logstand> VolledigAsync(CancellationToken ct)
    {
        Nodig();
        while (true)
        {
            // Again after the wait: a process that let its whole index go in between reads it once more.
            var b = await versheid.LeesAsync(_stand, VernieuwAsync, ct);
            if (b.Waarde.Tijdlijn.Volledig)
            {
                return b.Waarde;
            }

            await WachtOpVolledigAsync(ct);
        }
    }

    /// <summary>
    /// The log as storage has it now, with its whole index (for writes and snapshots, which must not act on an old state);
    /// or, for a write that needs only the current state and the status in force at <paramref name="dekt"/>, while the
    /// whole index is still being read after a start: the head with the checkpoint's window for that date.
    /// </summary>
    public async Task<Logstand> VersAsync(CancellationToken ct, DateOnly? dekt = null)
    {
        if (dekt is null)
        {
            Nodig();
        }

        var stand = await VernieuwAsync(ct);
        if (stand.Tijdlijn.Volledig)
        {
            return stand;
        }

        if (dekt is { } p && stand.Dekt(Tijd.Vandaag(), DateTimeOffset.MaxValue))
        {
            if (stand.Dekt(p, DateTimeOffset.MaxValue))
            {
                return stand;
            }

            if (await MetVensterAsync(stand, p, DateTimeOffset.MaxValue, ct) is { } opVenster)
            {
                return opVenster;
            }
        }

        while (true)
        {
            await WachtOpVolledigAsync(ct);
            stand = await VernieuwAsync(ct);
            if (stand.Tijdlijn.Volledig)
            {
                return stand;
            }
        }
    }

    /// <summary>
    /// The log as this process holds it, without asking storage for new lines: what a write judges its first attempt by.
    /// The append itself holds it against storage (it inserts the next numbers, which fails when storage is further), so
    /// only an append proves it current. On a checkpoint's head, for a status dated before the head: the head with the
    /// checkpoint's window for <paramref name="dekt"/> (read once, then kept). Null when nothing is held yet, storage was
    /// unreachable at the last refresh, or the state does not cover the write (a correction needs the whole index).
    /// </summary>
    public async Task<Logstand?> GehoudenAsync(DateOnly? dekt, CancellationToken ct)
    {
        if (_stand is not { OnbevestigdSinds: null, Waarde: var stand })
        {
            return null;
        }

        if (stand.Tijdlijn.Volledig)
        {
            return stand;
        }

        if (dekt is not { } p || !stand.Dekt(Tijd.Vandaag(), DateTimeOffset.MaxValue))
        {
            return null;
        }

        return stand.Dekt(p, DateTimeOffset.MaxValue) ? stand : await MetVensterAsync(stand, p, DateTimeOffset.MaxValue, ct);
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
                _stand = versheid.Bewaar(Voeg(oud, toegevoegd), versheid.Teller + 1);
                NaStand(_stand.Waarde);
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

    /// <summary>The checkpoint write under way, if any (tests and the bench wait for it).</summary>
    public Task CheckpuntLopend => checkpunten?.Lopend ?? Task.CompletedTask;

    /// <summary>
    /// The reading of the whole index beside the requests on a head, once asked for or timed (done when there is none,
    /// and while a head that reads it only when needed waits for that need).
    /// </summary>
    public Task VolledigLopend => _volledig is { } v && (!_opAanvraag || _volledigNodig.Task.IsCompleted) ? v : Task.CompletedTask;

    /// <summary>Asks for a checkpoint at the log as this process knows it (after a letter is frozen), written beside the requests.</summary>
    public void VraagCheckpunt()
    {
        if (_stand?.Waarde is not { } stand)
        {
            return;
        }

        if (stand.Tijdlijn.Volledig)
        {
            checkpunten?.Na(stand, altijd: true);
        }
        else if (checkpunten?.Nodig(stand, altijd: true) == true)
        {
            _checkpuntGevraagd = true;
            _volledigNodig.TrySetResult(); // written from the whole index once it is read
        }
    }

    /// <summary>The number of the checkpoint whose head this process runs on, or null when it holds the whole index.</summary>
    public long? OpKop => _stand?.Waarde.Tijdlijn.Volledig == false ? _gestart?.Volgnummer : null;

    /// <summary>The wait to let the whole index go, when one is under way (tests wait for it).</summary>
    public Task LoslatenLopend => _loslaten ?? Task.CompletedTask;

    public void Dispose()
    {
        _stop.Cancel(); // not disposed: the container may dispose a logbook twice (keyed and default), and it holds no timer
        _laden.Dispose();
    }

    // After each new state: a checkpoint when one is due; on a head that is the reading of the whole index it is written from.
    private void NaStand(Logstand stand)
    {
        if (stand.Tijdlijn.Volledig)
        {
            checkpunten?.Na(stand);
        }
        else if (checkpunten?.Nodig(stand) == true)
        {
            _volledigNodig.TrySetResult();
        }
    }

    // A request that needs the whole index: it is kept at least `vasthouden` from now.
    private void Nodig() => Interlocked.Exchange(ref _laatstNodig, Tijd.GetUtcNow().UtcTicks);

    // The log as storage has it now: the lines after the last known number, or at the first read the start.
    private async Task<Logstand> VernieuwAsync(CancellationToken ct)
    {
        await _laden.WaitAsync(ct);
        try
        {
            var teller = versheid.Teller;
            var begin = versheid.Nu;
            Logstand stand;
            if (_stand?.Waarde is { } oud)
            {
                var nieuw = await store.LeesNaAsync(oud.Volgnummer, ct);
                stand = nieuw.Count == 0 ? oud : Voeg(oud, nieuw);
            }
            else
            {
                stand = await StartAsync(ct);
            }

            _stand = versheid.Bewaar(stand, teller, begin);
            NaStand(stand);
            return stand;
        }
        finally
        {
            _laden.Release();
        }
    }

    // The first read of this process: the newest checkpoint that holds up and the lines after it, or the whole log when
    // there is none. The checkpoint's last line must be the log's line with that number (same moment and id); a
    // checkpoint of another store or a restored table does not pass, and is replaced in the background. On a head, the
    // whole index is read beside the requests.
    private async Task<Logstand> StartAsync(CancellationToken ct)
    {
        var klok = System.Diagnostics.Stopwatch.StartNew();
        if (checkpunten is not null && await checkpunten.LaadAsync(ct) is { } c)
        {
            var geladenNa = klok.Elapsed;
            var staart = await store.LeesNaAsync(c.Volgnummer - 1, ct);
            if (Houdt(c, staart))
            {
                var stand = Op(c, staart, checkpunten, uitstel);
                checkpunten.Gestart(c.Volgnummer, geladenNa, staart.Count - 1, klok.Elapsed - geladenNa);
                return stand;
            }

            checkpunten.Afgekeurd(c.Volgnummer);
        }

        var alles = await store.LeesNaAsync(0, ct);
        Loslaten(); // a log read from the table (no checkpoint yet) moves on to the first one written from it
        return alles.Count == 0 ? Leeg : Voeg(Leeg, alles);
    }

    // The lines read from the checkpoint's number on start with the checkpoint's own last line.
    private static bool Houdt(GeladenCheckpunt c, IReadOnlyList<Logregel> staart) =>
        staart.Count > 0 && staart[0].Volgnummer == c.Volgnummer && staart[0].VastgelegdOp == c.BekendTot && staart[0].Id == c.LaatsteId;

    // The state on a checkpoint and the lines from its number on (called under _laden, or at the start). On a head: the
    // whole index is read beside the requests when one needs it, when a checkpoint is due, or after `wacht`.
    private Logstand Op(GeladenCheckpunt c, IReadOnlyList<Logregel> staart, Checkpuntbeheer beheer, TimeSpan wacht)
    {
        if (!c.Tijdlijn.Volledig)
        {
            StaOpKop(c, beheer, wacht);
        }

        var geladen = new Logstand(c.Tijdlijn, c.Volgnummer, c.BekendTot);
        var stand = staart.Count == 1 ? geladen : Voeg(geladen, [.. staart.Skip(1)]);
        if (!c.Tijdlijn.Volledig && c.Checkpunt.Vensters is [.., var nieuwste])
        {
            // Beside the requests: the newest window, read once, so the first as-of read after a start finds
            // its code compiled and its format known (it reads its own window; one of ~900 lines costs little).
            _ = Task.Run(() => MetVensterAsync(stand, nieuwste.Van, DateTimeOffset.MaxValue, CancellationToken.None));
        }

        return stand;
    }

    // The process runs on the head of `c` (the lines after it follow in _staart): the whole index is read beside the
    // requests when one needs it, when a checkpoint is due, or after `wacht`.
    private void StaOpKop(GeladenCheckpunt c, Checkpuntbeheer beheer, TimeSpan wacht)
    {
        var nodig = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _volledigNodig = nodig;
        _opAanvraag = wacht == Timeout.InfiniteTimeSpan;
        _gestart = c;
        _staart = [];
        _laadVolledig = () => LaadVolledigAsync(beheer, c.Checkpunt);
        var laad = _laadVolledig;
        _volledig = Task.Run(async () =>
        {
            if (wacht == Timeout.InfiniteTimeSpan)
            {
                await nodig.Task;
            }
            else if (wacht > TimeSpan.Zero)
            {
                await Task.WhenAny(Task.Delay(wacht, versheid.Tijd), nodig.Task);
            }

            await laad();
        }, CancellationToken.None);
    }

    // The whole index after a start on a head: the checkpoint's segments (or, when they do not hold up, the table),
    // then, under the writer's lock, the lines that came after; from then on every state has the whole index.
    private async Task LaadVolledigAsync(Checkpuntbeheer beheer, Checkpunt c)
    {
        if (_stand?.Waarde.Tijdlijn.Volledig == true)
        {
            return; // a repeated attempt that another already completed
        }

        var tijdlijn = await beheer.LaadSegmentenAsync(c, CancellationToken.None);
        if (tijdlijn is null)
        {
            beheer.Afgekeurd(c.Volgnummer);
            tijdlijn = new Tijdlijn();
            tijdlijn.VoegAlle(await store.LeesNaAsync(0, CancellationToken.None));
        }

        await _laden.WaitAsync();
        try
        {
            if (_staart is null || _gestart?.Checkpunt != c)
            {
                return; // read already, or the process moved on to another head meanwhile (its own reading follows)
            }

            foreach (var r in _staart.Where(r => r.Volgnummer > tijdlijn.Regels.Aantal))
            {
                tijdlijn.Voeg(r);
            }

            var huidig = _stand!.Waarde;
            var stand = tijdlijn.Regels.Aantal > huidig.Volgnummer
                ? new Logstand(tijdlijn, tijdlijn.Regels.Aantal, tijdlijn.Regels[tijdlijn.Regels.Aantal - 1].VastgelegdOp)
                : new Logstand(tijdlijn, huidig.Volgnummer, huidig.BekendTot);
            _stand = _stand with { Waarde = stand };
            _staart = null;
            _gestart = null;
            _vensters.Clear();
            _segmenten.Clear();
            _registers.Clear();
            Nodig();
            checkpunten?.Na(stand, altijd: _checkpuntGevraagd);
            _checkpuntGevraagd = false;
            Loslaten();
        }
        finally
        {
            _laden.Release();
        }
    }

    // A failed reading (storage unreachable) is tried again by the next request that needs the whole index.
    private async Task WachtOpVolledigAsync(CancellationToken ct)
    {
        Nodig();
        _volledigNodig.TrySetResult(); // a request waits for it: no reason to wait any longer
        var taak = _volledig ?? Task.CompletedTask;
        try
        {
            await taak.WaitAsync(ct);
        }
        catch (Exception) when (taak.IsFaulted && _laadVolledig is { } opnieuw)
        {
            // One new attempt for all the requests that saw this one fail: the task is started only by the one that
            // replaces the failed task (Task.Run inside the exchange would start a second reading that nobody awaits).
            lock (_herstart)
            {
                if (ReferenceEquals(_volledig, taak))
                {
                    _volledig = Task.Run(opnieuw, CancellationToken.None);
                }
            }

            throw;
        }
    }

    // The next state shares the index with the one before (called under _laden: there is one writer); only the new
    // lines are indexed, nothing is copied or folded again. On a head, the lines are also kept for the whole index.
    private Logstand Voeg(Logstand oud, IReadOnlyList<Logregel> nieuw)
    {
        var tijdlijn = oud.Volgnummer == 0 ? new Tijdlijn() : oud.Tijdlijn;
        if (oud.Volgnummer == 0)
        {
            tijdlijn.VoegAlle(nieuw); // a whole log read at once (a start without a checkpoint): nobody reads it yet
        }
        else
        {
            foreach (var r in nieuw)
            {
                tijdlijn.Voeg(r);
            }
        }

        if (!tijdlijn.Volledig && _staart is { } staart)
        {
            _staart = [.. staart, .. nieuw];
        }

        return new Logstand(tijdlijn, nieuw[^1].Volgnummer, nieuw[^1].VastgelegdOp);
    }

    // A window read once and kept while the process runs on the head (a few: a window is small, and the whole index
    // replaces them all); a failed reading is tried again by the next request, a damaged window is not.
    private Task<Vensterinhoud?> VensterAsync(Checkpuntbeheer beheer, Checkpunt c, Checkpuntvenster venster, CancellationToken ct) =>
        GedeeldAsync(_vensters, venster, v => beheer.LaadVensterAsync(c, v, CancellationToken.None), ct);

    // A checkpoint file read once for all the requests that need it while the process runs on the head (the windows,
    // the newest segments for the programme's feed); null when storage is unreachable, and read again by the next one.
    private static async Task<T?> GedeeldAsync<TSleutel, T>(ConcurrentDictionary<TSleutel, Task<T?>> bewaard, TSleutel sleutel, Func<TSleutel, Task<T?>> laad, CancellationToken ct)
        where TSleutel : notnull
        where T : class
    {
        if (bewaard.Count >= BestandenInGeheugen && !bewaard.ContainsKey(sleutel))
        {
            bewaard.Clear();
        }

        var taak = bewaard.GetOrAdd(sleutel, laad);
        try
        {
            return await taak.WaitAsync(ct);
        }
        catch (Exception) when (taak.IsFaulted)
        {
            bewaard.TryRemove(new KeyValuePair<TSleutel, Task<T?>>(sleutel, taak));
            return null; // storage unreachable: the whole index answers (or reports the failure)
        }
    }

    private static string Item(Logregel r) => r.Status?.OplossingsrichtingId ?? r.Revisie!.ItemId;

    private static readonly Logstand Leeg = new([]);
}
