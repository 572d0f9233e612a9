using System.Collections.Concurrent;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Queries;

/// <summary>
/// Chooses the data a read answers from: the fold of the log (now, or at ?peildatum= as known at ?bekendOp=), or a
/// vastgesteld cycle's frozen snapshot (?cyclus=); and keeps what it read. A snapshot and a vastgesteld cycle never
/// change, so they are kept for good; the list of cycles and planned cycles are kept by the one rule of
/// <see cref="Versheid"/> (until a write in this process, or the interval for other instances' writes).
/// </summary>
public sealed class Voortgangslezer(Logboek logboek, ICyclusStore cycli, Versheid? versheid = null)
{
    // Without one (a unit test): nothing is fresh, every read loads.
    private readonly Versheid _versheid = versheid ?? new(new Wijzigingsteller(), logboek.Tijd, TimeSpan.Zero);
    private readonly ConcurrentDictionary<(string, string), Task<VoortgangData>> _momentopnamen = new();
    private readonly ConcurrentDictionary<string, Bewaard<CyclusVersie?>> _cycli = new(StringComparer.Ordinal);
    private Bewaard<IReadOnlyList<CyclusVersie>>? _lijst;

    private TimeProvider Tijd => _versheid.Tijd;

    /// <summary>The data at that moment: a cycle's snapshot, or the fold of the log (404/409 for an unknown or planned cycle).</summary>
    public async Task<Resultaat<VoortgangData>> LeesAsync(Leesmoment moment, CancellationToken ct)
    {
        if (moment.CyclusId is { } cyclusId)
        {
            return await MomentopnameAsync(cyclusId, ct);
        }

        var log = await logboek.LeesAsync(ct);
        var vandaag = Tijd.Vandaag();
        if (moment.Peildatum is null && moment.BekendOp is null)
        {
            return log.Huidig(vandaag);
        }

        var (p, t) = (moment.Peildatum ?? vandaag, moment.BekendOp ?? DateTimeOffset.MaxValue);
        return (await logboek.DekkendAsync(log, p, t, ct)).Stand(p, t);
    }

    /// <summary>The state at a date as known now (for comparisons with "huidig" or a date).</summary>
    public async Task<VoortgangData> StandAsync(DateOnly? peildatum, CancellationToken ct)
    {
        var log = await logboek.LeesAsync(ct);
        var vandaag = Tijd.Vandaag();
        if (peildatum is not { } p)
        {
            return log.Huidig(vandaag);
        }

        return (await logboek.DekkendAsync(log, p, DateTimeOffset.MaxValue, ct)).Stand(p, DateTimeOffset.MaxValue);
    }

    /// <summary>What a snapshot taken now would freeze: the fold at the peildatum over the log as stored now (read fresh, as the snapshot does).</summary>
    public async Task<(VoortgangData Data, Historie.Logstand Log)> AlsMomentopnameAsync(DateOnly peildatum, CancellationToken ct)
    {
        var log = await logboek.VersAsync(ct);
        return (log.Momentopname(peildatum), log);
    }

    /// <summary>The current state and the lines of some items, in recording order (see <see cref="Logboek.ItemregelsAsync"/>).</summary>
    public Task<(Logstand Stand, IReadOnlyList<Logregel> Regels)> ItemregelsAsync(Func<Logstand, IEnumerable<string>> sleutels, int? nieuwste, CancellationToken ct) =>
        logboek.ItemregelsAsync(sleutels, nieuwste, ct);

    /// <summary>The current state and a page of lines after a number (see <see cref="Logboek.RegelsNaAsync"/>).</summary>
    public Task<(Logstand Stand, IReadOnlyList<Logregel> Regels)> RegelsNaAsync(long na, int aantal, CancellationToken ct) => logboek.RegelsNaAsync(na, aantal, ct);

    /// <summary>The current state and the newest lines, newest first (the programme's change feed; see <see cref="Logboek.NieuwsteAsync"/>).</summary>
    public Task<(Logstand Stand, IReadOnlyList<Logregel> Regels)> NieuwsteAsync(int aantal, CancellationToken ct) => logboek.NieuwsteAsync(aantal, ct);

    /// <summary>The snapshot of a vastgesteld cycle; 404 when unknown, 409 while it is still gepland.</summary>
    public async Task<Resultaat<VoortgangData>> MomentopnameAsync(string cyclusId, CancellationToken ct)
    {
        var versie = await CyclusAsync(cyclusId, ct);
        if (versie is null)
        {
            return Ids.OnbekendeCyclus(cyclusId);
        }

        if (versie.RunId is null)
        {
            return Probleem.Conflict(
                $"Rapportagecyclus '{cyclusId}' is nog gepland (peildatum {versie.Cyclus.Peildatum:yyyy-MM-dd}); er is nog geen momentopname.");
        }

        // A snapshot never changes, so one read serves for good; a failed read is not kept (the next read tries again).
        var sleutel = (cyclusId, versie.RunId);
        var taak = _momentopnamen.GetOrAdd(sleutel, k => cycli.LeesMomentopnameAsync(k.Item1, k.Item2, CancellationToken.None));
        try
        {
            return await taak;
        }
        catch (Exception) when (!taak.IsCompletedSuccessfully)
        {
            _momentopnamen.TryRemove(KeyValuePair.Create(sleutel, taak));
            throw;
        }
    }

    public async Task<CyclusVersie?> CyclusAsync(string cyclusId, CancellationToken ct)
    {
        if (!Ids.IsCyclusId(cyclusId))
        {
            return null;
        }

        // A vastgesteld cycle never changes again: kept for good. Otherwise the one rule (and the last good value in an outage).
        _cycli.TryGetValue(cyclusId, out var b);
        if (b?.Waarde?.RunId is not null)
        {
            return b.Waarde;
        }

        var gelezen = await _versheid.LeesAsync(b, t => cycli.LeesAsync(cyclusId, t), ct);
        _cycli[cyclusId] = gelezen;
        return gelezen.Waarde;
    }

    public async Task<IReadOnlyList<CyclusVersie>> CycliAsync(CancellationToken ct)
    {
        var gelezen = await _versheid.LeesAsync(_lijst, cycli.LijstAsync, ct);
        _lijst = gelezen;
        return gelezen.Waarde;
    }
}
