using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>An <see cref="ICyclusStore"/> without I/O, with the same concurrency contract as the table store.</summary>
internal sealed class InMemoryCyclusStore : ICyclusStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CyclusVersie> _cycli = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), VoortgangData> _pogingen = new();
    private int _versie;

    /// <summary>
    /// The next commit lands but its answer is lost, as when a storage call times out after the server applied it and the
    /// SDK's retry then meets the new ETag: the commit is stored and the caller gets a concurrency failure.
    /// </summary>
    public bool VerliesVolgendAntwoord { get; set; }

    public Task<CyclusVersie?> LeesAsync(string cyclusId, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_cycli.GetValueOrDefault(cyclusId));
        }
    }

    public Task<IReadOnlyList<CyclusVersie>> LijstAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<CyclusVersie>>([.. _cycli.Values]);
        }
    }

    public Task VerwijderAsync(string cyclusId, string verwachteVersie, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_cycli.GetValueOrDefault(cyclusId)?.Versie != verwachteVersie)
            {
                throw new GelijktijdigeWijzigingException("versie");
            }

            _cycli.Remove(cyclusId);
            return Task.CompletedTask;
        }
    }

    public Task<CyclusVersie> BewaarAsync(Rapportagecyclus cyclus, string? verwachteVersie, CancellationToken ct)
    {
        lock (_lock)
        {
            var huidig = _cycli.GetValueOrDefault(cyclus.Id);
            if (huidig?.Versie != verwachteVersie)
            {
                throw new GelijktijdigeWijzigingException("versie");
            }

            return Task.FromResult(_cycli[cyclus.Id] = new CyclusVersie(cyclus, null, $"v{++_versie}"));
        }
    }

    public Task SchrijfMomentopnameAsync(string cyclusId, string runId, VoortgangData data, CancellationToken ct)
    {
        lock (_lock)
        {
            _pogingen.Add((cyclusId, runId), data);
            return Task.CompletedTask;
        }
    }

    public Task<CyclusVersie> LegVastAsync(Rapportagecyclus vastgesteld, string runId, string verwachteVersie, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_cycli.GetValueOrDefault(vastgesteld.Id)?.Versie != verwachteVersie)
            {
                throw new GelijktijdigeWijzigingException("versie");
            }

            var nieuw = _cycli[vastgesteld.Id] = new CyclusVersie(vastgesteld, runId, $"v{++_versie}");
            if (VerliesVolgendAntwoord)
            {
                VerliesVolgendAntwoord = false;
                throw new GelijktijdigeWijzigingException("versie (het antwoord op de eigen, geslaagde schrijfactie ging verloren)");
            }

            return Task.FromResult(nieuw);
        }
    }

    public Task<VoortgangData> LeesMomentopnameAsync(string cyclusId, string runId, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_pogingen[(cyclusId, runId)]);
        }
    }

    public Task VerwijderPogingAsync(string cyclusId, string runId, CancellationToken ct)
    {
        lock (_lock)
        {
            _pogingen.Remove((cyclusId, runId));
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<string>> PogingenAsync(string cyclusId, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _pogingen.Keys.Where(k => k.Item1 == cyclusId).Select(k => k.Item2)]);
        }
    }
}
