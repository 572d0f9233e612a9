using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Seed;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>A log without I/O for unit tests, with the table store's contract (numbering, one moment per append, conflicts); counts reads.</summary>
internal sealed class InMemoryHistorieStore(TimeProvider? tijd = null) : IHistorieStore
{
    private readonly Lock _lock = new();
    private readonly List<Logregel> _regels = [];
    private readonly Dictionary<string, Idempotentie> _sleutels = new(StringComparer.Ordinal);
    private readonly TimeProvider _tijd = tijd ?? TimeProvider.System;

    public int Leesacties { get; private set; }

    public Dictionary<long, Vastlegger?> Door { get; } = [];

    /// <summary>A store holding the seed's history, as an import into an empty log writes it.</summary>
    public static InMemoryHistorieStore Met(SeedSet seed, TimeProvider? tijd = null)
    {
        var store = new InMemoryHistorieStore(tijd);
        store.VoegToeAsync(new Toevoeging(seed.Regels, new Logstand([]), Vastlegger.Seed), default).GetAwaiter().GetResult();
        return store;
    }

    public Logboek Logboek(Wijzigingsteller? wijzigingen = null, TimeProvider? tijd = null)
    {
        var teller = wijzigingen ?? new Wijzigingsteller();
        return new(this, new Versheid(teller, tijd ?? _tijd, TimeSpan.FromSeconds(5)));
    }

    public Task<IReadOnlyList<Logregel>> LeesNaAsync(long na, CancellationToken ct)
    {
        lock (_lock)
        {
            Leesacties++;
            return Task.FromResult<IReadOnlyList<Logregel>>([.. _regels.Where(r => r.Volgnummer > na)]);
        }
    }

    public Task<IReadOnlyList<Logregel>> VoegToeAsync(Toevoeging t, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_regels.Count != t.VerwachtVolgnummer || (t.IdempotentieSleutel is { } k && _sleutels.ContainsKey(k)))
            {
                throw new GelijktijdigeWijzigingException("bezet");
            }

            var nu = _tijd.GetUtcNow();
            var op = new DateTimeOffset(nu.Ticks - (nu.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
            if (_regels.Count > 0 && op <= _regels[^1].VastgelegdOp)
            {
                op = _regels[^1].VastgelegdOp.AddMilliseconds(1);
            }

            var nieuw = t.Regels.Select((r, i) => r.Nummer(_regels.Count + 1 + i, op)).ToList();
            _regels.AddRange(nieuw);
            foreach (var r in nieuw)
            {
                Door[r.Volgnummer] = t.Door;
            }

            if (t.IdempotentieSleutel is { } sleutel)
            {
                _sleutels[sleutel] = new Idempotentie(t.BodyHash ?? "", nieuw[0].Volgnummer);
            }

            return Task.FromResult<IReadOnlyList<Logregel>>(nieuw);
        }
    }

    public Task<Idempotentie?> IdempotentieAsync(string sleutel, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_sleutels.GetValueOrDefault(sleutel));
        }
    }
}
