using VoortgangApi.Core.Cycli;

namespace VoortgangApi.Core.Programmas;

/// <summary>
/// Which programmes exist, with their grants, kept by the one rule of <see cref="Versheid"/>. The standard programme
/// (the one the paths without /programmas/{programmaId} serve) exists even before a row of it was stored, with the
/// description from configuration: a store written before programmes existed is that programme as it stands.
/// </summary>
public sealed class Programmaregister(IProgrammaStore store, Programma standaard, Versheid versheid)
{
    private Bewaard<IReadOnlyList<ProgrammaVersie>>? _lijst;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Programma> _gezien = new(StringComparer.Ordinal);

    public Programma Standaard => standaard;

    /// <summary>The context the services of one programme are built for.</summary>
    public Programmacontext Context(string programmaId) => new(programmaId, programmaId == standaard.Id);

    /// <summary>Every programme, the standard one first, then by id.</summary>
    public async Task<IReadOnlyList<ProgrammaVersie>> LijstAsync(CancellationToken ct)
    {
        var gelezen = await versheid.LeesAsync(_lijst, async t => Met(await store.LijstAsync(t)), ct);
        _lijst = gelezen;
        foreach (var v in gelezen.Waarde)
        {
            _gezien[v.Programma.Id] = v.Programma;
        }

        return gelezen.Waarde;
    }

    /// <summary>One programme: 400 for a malformed id, 404 for an unknown one.</summary>
    /// <remarks>A programme another instance created in the last interval is not in the kept list yet: a miss reads storage once.</remarks>
    public async Task<Resultaat<ProgrammaVersie>> ZoekAsync(string programmaId, CancellationToken ct)
    {
        if (!Ids.IsProgrammaId(programmaId))
        {
            return Ids.OngeldigeProgrammaId();
        }

        if ((await LijstAsync(ct)).FirstOrDefault(p => p.Programma.Id == programmaId) is { } bekend)
        {
            return bekend;
        }

        if (await store.LeesAsync(programmaId, ct) is { } nieuw)
        {
            _lijst = null;
            _gezien[programmaId] = nieuw.Programma;
            return nieuw;
        }

        return Ids.OnbekendProgramma(programmaId);
    }

    /// <summary>The last description of a programme this process read (without storage; null when it never saw it).</summary>
    public Programma? Bekend(string programmaId) => _gezien.GetValueOrDefault(programmaId);

    /// <summary>The programme as storage has it now (for writes), the standard one without a row included; null when unknown.</summary>
    public async Task<ProgrammaVersie?> VersAsync(string programmaId, CancellationToken ct) =>
        await store.LeesAsync(programmaId, ct) ?? (programmaId == standaard.Id ? new ProgrammaVersie(standaard, null, null) : null);

    /// <summary>Stores a programme; every cache of programmes in this process looks again, and the signal says so.</summary>
    public async Task<ProgrammaVersie> BewaarAsync(Programma programma, Programmatoegang? toegang, string? verwachteVersie, Historie.Vastlegger door, CancellationToken ct)
    {
        var bewaard = await store.BewaarAsync(programma, toegang, verwachteVersie, door, ct);
        _lijst = null;
        _gezien[programma.Id] = programma;
        versheid.Meld(Wijzigingssoorten.Programma, [programma.Id]);
        return bewaard;
    }

    private IReadOnlyList<ProgrammaVersie> Met(IReadOnlyList<ProgrammaVersie> opgeslagen) =>
        [.. (opgeslagen.Any(p => p.Programma.Id == standaard.Id) ? opgeslagen : [new ProgrammaVersie(standaard, null, null), .. opgeslagen])
            .OrderBy(p => p.Programma.Id == standaard.Id ? 0 : 1).ThenBy(p => p.Programma.Id, StringComparer.Ordinal)];
}
