using Microsoft.Extensions.Logging;

namespace VoortgangApi.Core.Historie;

/// <summary>
/// A checkpoint as loaded: the index of its lines — the whole one, or its head (<see cref="Tijdlijn.Volledig"/> false;
/// then <see cref="Checkpuntbeheer.LaadSegmentenAsync"/> reads the rest) — and the number, moment and id of its last
/// line (to hold against the log).
/// </summary>
public sealed record GeladenCheckpunt(Checkpunt Checkpunt, Tijdlijn Tijdlijn, string LaatsteId)
{
    public long Volgnummer => Checkpunt.Volgnummer;

    public DateTimeOffset BekendTot => Checkpunt.BekendTot;
}

/// <summary>
/// Reads a programme's newest checkpoint that holds up, and writes new ones beside the requests: after every
/// <c>elkeRegels</c> lines and when asked (a letter frozen). Writing reuses the segments the previous checkpoint has and
/// writes only the last, so its cost does not grow with the log. A checkpoint that does not hold up (schema, hash,
/// range, or a last line the log does not have) is skipped and a new one is written in the background; never on a request.
/// </summary>
public sealed partial class Checkpuntbeheer(
    ICheckpuntStore store, ILogger<Checkpuntbeheer> logger, int elkeRegels = 1000, int segmentgrootte = Checkpunten.Segmentgrootte, int vensterdoel = Vensters.Doel,
    int itemgrootte = Itemdelen.Grootte)
{
    private const int Bewaren = 3;
    private const int Gelijktijdig = 4;
    private readonly Lock _lock = new();
    private Checkpunt? _vorige;
    private long _laatste;
    private Logstand? _wachtend;
    private bool _herschrijven;
    private Task _lopend = Task.CompletedTask;
    private readonly HashSet<Checkpuntvenster> _afgekeurd = [];
    private readonly HashSet<string> _afgekeurdeItems = new(StringComparer.Ordinal);
    private readonly Dictionary<long, Itemregister> _registers = [];

    /// <summary>The background write under way (or the last one, done); tests and the bench wait for it.</summary>
    public Task Lopend { get { lock (_lock) { return _lopend; } } }

    /// <summary>The newest checkpoint whose segments all hold up, or null (none, or none readable: the caller reads the log from storage).</summary>
    /// <remarks>
    /// With <paramref name="alleenKop"/> (a process that lets its whole index go) only a checkpoint with a head that holds
    /// up counts, and one without is left alone: reading its segments would read what the process just let go.
    /// </remarks>
    public async Task<GeladenCheckpunt?> LaadAsync(CancellationToken ct, bool alleenKop = false)
    {
        IReadOnlyList<Checkpunt> lijst;
        try
        {
            lijst = await store.LijstAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Checkpunten niet te lezen; het logboek wordt uit de tabel gelezen");
            return null;
        }

        foreach (var c in lijst.Take(Bewaren))
        {
            if (!Checkpunten.IsSamenhangend(c))
            {
                logger.LogWarning("Checkpunt {Volgnummer} (schema {Schema}) past niet bij deze release; overgeslagen", c.Volgnummer, c.Schema);
                continue;
            }

            Tijdlijn? tijdlijn;
            try
            {
                // The head when there is one that holds up: small, so the start does not grow with the log.
                if (c.Kop is not null && Checkpunten.LeesKop(c, await store.SegmentAsync(c.Kop, ct)) is { } kop)
                {
                    Onthoud(c);
                    return new GeladenCheckpunt(c, Tijdlijn.VanKop(kop), kop.LaatsteId);
                }

                if (alleenKop)
                {
                    return null;
                }

                tijdlijn = await LaadSegmentenAsync(c, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Checkpunt {Volgnummer} niet te lezen; overgeslagen", c.Volgnummer);
                continue;
            }

            if (tijdlijn is not null)
            {
                var laatste = tijdlijn.Regels[tijdlijn.Regels.Aantal - 1];
                if (laatste.VastgelegdOp == c.BekendTot)
                {
                    Onthoud(c);
                    return new GeladenCheckpunt(c, tijdlijn, laatste.Id);
                }
            }

            logger.LogWarning("Checkpunt {Volgnummer} is beschadigd (hash, reeks of nummering klopt niet); overgeslagen", c.Volgnummer);
        }

        lock (_lock)
        {
            _herschrijven = lijst.Count > 0; // what is there does not hold up: the next state writes a new one
        }

        return null;
    }

    /// <summary>Called with each new state of the log: starts a background write when enough lines were added, or when <paramref name="altijd"/>.</summary>
    public void Na(Logstand stand, bool altijd = false)
    {
        lock (_lock)
        {
            if (!stand.Tijdlijn.Volledig || !IsNodig(stand, altijd))
            {
                return; // a state on a head has no lines to write: its log reads the whole index when one is due (Nodig)
            }

            if (!_lopend.IsCompleted)
            {
                _wachtend = stand; // the write under way takes the newest state when it is done
                return;
            }

            _lopend = Task.Run(() => SchrijfAsync(stand));
        }
    }

    /// <summary>
    /// Whether <paramref name="stand"/> is due a checkpoint (enough new lines, or <paramref name="altijd"/> at a letter):
    /// a log on a checkpoint's head then reads its whole index, from which <see cref="Na"/> writes it.
    /// </summary>
    public bool Nodig(Logstand stand, bool altijd = false)
    {
        lock (_lock)
        {
            return IsNodig(stand, altijd);
        }
    }

    /// <summary>The number of the newest checkpoint this process wrote or started from (0: none that holds up).</summary>
    public long Laatste { get { lock (_lock) { return _laatste; } } }

    // A log shorter than one interval gets none, not even at a letter (reading it whole is as quick), unless one that did
    // not hold up (or a window of it) must be replaced — then also at the same number. Called under _lock.
    private bool IsNodig(Logstand stand, bool altijd) =>
        stand.Volgnummer > 0 && (_herschrijven || (stand.Volgnummer > _laatste && stand.Volgnummer >= elkeRegels && (altijd || stand.Volgnummer - _laatste >= elkeRegels)));

    /// <summary>Logs how a start went: the checkpoint and the lines read after it, each with its time.</summary>
    public void Gestart(long volgnummer, TimeSpan checkpunt, int staart, TimeSpan staartduur) =>
        logger.LogInformation("Logboek gestart vanaf checkpunt {Volgnummer} ({CheckpuntMs} ms) en {Staart} regels erna ({StaartMs} ms)",
            volgnummer, (long)checkpunt.TotalMilliseconds, staart, (long)staartduur.TotalMilliseconds);

    /// <summary>The checkpoint the log was started from did not match the log: forget it, so the next state writes a new one.</summary>
    public void Afgekeurd(long volgnummer)
    {
        logger.LogWarning("Checkpunt {Volgnummer} hoort niet bij dit logboek (de regel met dat nummer verschilt of ontbreekt); het logboek wordt uit de tabel gelezen en een nieuw checkpunt geschreven", volgnummer);
        lock (_lock)
        {
            _vorige = null;
            _laatste = 0;
            _herschrijven = true;
        }
    }

    private async Task SchrijfAsync(Logstand stand)
    {
        for (Logstand? s = stand; s is not null;)
        {
            try
            {
                await SchrijfEenAsync(s);
            }
            catch (Exception ex)
            {
                // Beside the requests and best-effort: the next checkpoint tries again; a start without one reads more of the log.
                logger.LogWarning(ex, "Checkpunt {Volgnummer} niet geschreven", s.Volgnummer);
            }

            lock (_lock)
            {
                s = _wachtend is { } w && w.Volgnummer > _laatste ? w : null;
                _wachtend = null;
            }
        }
    }

    private async Task SchrijfEenAsync(Logstand stand)
    {
        // Only segments of a checkpoint this process read or wrote itself are reused: one that failed to load is not trusted.
        Checkpunt? vorige;
        lock (_lock)
        {
            vorige = _vorige;
        }

        var hergebruik = vorige?.Segmenten.ToDictionary(x => (x.Van, x.Tot)) ?? [];
        var regels = stand.Regels;
        var segmenten = new List<Checkpuntsegment>();
        foreach (var (van, tot) in Checkpunten.Indeling(stand.Volgnummer, segmentgrootte))
        {
            if (hergebruik.TryGetValue((van, tot), out var bestaand))
            {
                segmenten.Add(bestaand);
                continue;
            }

            var inhoud = Checkpunten.Inhoud([.. Enumerable.Range((int)(van - 1), (int)(tot - van + 1)).Select(i => regels[i])]);
            var segment = new Checkpuntsegment(van, tot, Checkpunten.Hash(inhoud));
            await store.BewaarSegmentAsync(segment, inhoud, default);
            segmenten.Add(segment);
        }

        // The head at the day before the last line's date (UTC): no instance's "today" in Amsterdam is earlier.
        var vanaf = DateOnly.FromDateTime(stand.BekendTot.UtcDateTime).AddDays(-1);
        var (kopregels, winnaars) = stand.Tijdlijn.Kop(vanaf, stand.Volgnummer);
        var kopinhoud = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new Kopinhoud(vanaf, stand.BekendTot, stand.Volgnummer, regels[(int)stand.Volgnummer - 1].Id, winnaars, kopregels), VoortgangJson.Options);
        var kop = new Checkpuntsegment(0, stand.Volgnummer, Checkpunten.Hash(kopinhoud));
        await store.BewaarSegmentAsync(kop, kopinhoud, default);

        var vensters = await SchrijfVenstersAsync(stand, vorige);
        var (register, registerbestand, geschreven) = await SchrijfItemsAsync(stand, vorige);
        var checkpunt = new Checkpunt(Checkpunten.Schema, stand.Volgnummer, stand.BekendTot, segmenten, kop, vensters, registerbestand);
        await store.BewaarAsync(checkpunt, default);
        lock (_lock)
        {
            _vorige = checkpunt;
            _laatste = Math.Max(_laatste, checkpunt.Volgnummer);
            _herschrijven = false;
            _registers[checkpunt.Volgnummer] = register;
        }

        logger.LogInformation("Checkpunt {Volgnummer} geschreven ({Segmenten} segmenten, {Vensters} vensters, {Delen} itemdelen geschreven)",
            checkpunt.Volgnummer, segmenten.Count, vensters.Count, geschreven);
        var bewaren = (await store.LijstAsync(default)).Where(Checkpunten.IsSamenhangend).Take(Bewaren).ToList();

        // The item parts the kept checkpoints' registers name stay too (a register that cannot be read names nothing usable).
        var registers = await Task.WhenAll(bewaren.Select(c => LaadItemregisterAsync(c, default)));
        lock (_lock)
        {
            foreach (var weg in _registers.Keys.Where(n => !bewaren.Any(c => c.Volgnummer == n)).ToList())
            {
                _registers.Remove(weg);
            }
        }

        await store.RuimOpAsync(bewaren, [.. registers.OfType<Itemregister>().SelectMany(r => r.Bestanden).Distinct()], default);
    }

    // The windows: the previous checkpoint's that no line since can have changed are named again; the others (new
    // ranges, the ones those lines touch, one found damaged) are built from the index and written.
    private async Task<List<Checkpuntvenster>> SchrijfVenstersAsync(Logstand stand, Checkpunt? vorige)
    {
        var oud = vorige?.Vensters is { } v && Checkpunten.VenstersSluitend(v) && vorige.Volgnummer <= stand.Volgnummer ? v : null;
        var bestaand = oud?.ToDictionary(x => (x.Van, x.Tot)) ?? [];
        var regels = stand.Regels;
        var bereiken = oud is null ? [] : Enumerable.Range((int)vorige!.Volgnummer, (int)(stand.Volgnummer - vorige.Volgnummer))
            .SelectMany(i => stand.Tijdlijn.Bereik(regels[i], stand.Volgnummer)).ToList();
        HashSet<Checkpuntvenster> afgekeurd;
        lock (_lock)
        {
            afgekeurd = [.. _afgekeurd];
        }

        var uit = new List<Checkpuntvenster>();
        foreach (var (van, tot) in Vensters.Indeling(stand.Tijdlijn, stand.Volgnummer, oud, vensterdoel))
        {
            if (bestaand.GetValueOrDefault((van, tot)) is { } zelfde && !afgekeurd.Contains(zelfde) && !Vensters.Geraakt(van, tot, bereiken))
            {
                uit.Add(zelfde);
                continue;
            }

            var (vensterregels, winnaars) = stand.Tijdlijn.Kop(van, stand.Volgnummer, tot);
            var inhoud = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Vensterinhoud(van, tot, winnaars, vensterregels), VoortgangJson.Options);
            var venster = new Checkpuntvenster(van, tot, Checkpunten.Hash(inhoud));
            await store.BewaarSegmentAsync(venster.Bestand, inhoud, default);
            uit.Add(venster);
        }

        lock (_lock)
        {
            _afgekeurd.ExceptWith(afgekeurd);
        }

        return uit;
    }

    /// <summary>
    /// A window of checkpoint <paramref name="c"/>, or null when it is missing or does not hold up: then it is built
    /// again by the next checkpoint, and the read that asked waits for the whole index instead.
    /// </summary>
    public async Task<Vensterinhoud?> LaadVensterAsync(Checkpunt c, Checkpuntvenster venster, CancellationToken ct)
    {
        if (Checkpunten.LeesVenster(c, venster, await store.SegmentAsync(venster.Bestand, ct)) is { } inhoud)
        {
            return inhoud;
        }

        logger.LogWarning("Venster {Van}–{Tot} van checkpunt {Volgnummer} is beschadigd of ontbreekt; het volgende checkpunt schrijft het opnieuw", venster.Van, venster.Tot, c.Volgnummer);
        lock (_lock)
        {
            _afgekeurd.Add(venster);
            _herschrijven = true;
        }

        return null;
    }

    private void Onthoud(Checkpunt c)
    {
        lock (_lock)
        {
            _vorige = c;
            _laatste = c.Volgnummer;
            // One of a release before windows or items: the whole index, once read, writes one with them.
            _herschrijven = c.Vensters is null || c.Itemregister is null;
        }
    }

    /// <summary>The lines of one segment, or null when it is missing or does not hold up.</summary>
    public async Task<IReadOnlyList<Logregel>?> LaadSegmentAsync(Checkpuntsegment segment, CancellationToken ct) =>
        Checkpunten.Lees(segment, await store.SegmentAsync(segment, ct));

    /// <summary>Reads the segments a few at a time and indexes them in order; null when one is missing or does not hold up.</summary>
    public async Task<Tijdlijn?> LaadSegmentenAsync(Checkpunt c, CancellationToken ct)
    {
        using var poort = new SemaphoreSlim(Gelijktijdig);
        var taken = c.Segmenten.Select(async s =>
        {
            await poort.WaitAsync(ct);
            try
            {
                return await LaadSegmentAsync(s, ct);
            }
            finally
            {
                poort.Release();
            }
        }).ToList();
        var gelezen = await Task.WhenAll(taken);
        if (gelezen.Any(r => r is null))
        {
            return null;
        }

        var tijdlijn = new Tijdlijn();
        tijdlijn.VoegAlle(gelezen.SelectMany(r => r!));

        return tijdlijn.Regels.Aantal == c.Volgnummer && tijdlijn.Regels[c.Volgnummer - 1].VastgelegdOp == c.BekendTot ? tijdlijn : null;
    }
}
