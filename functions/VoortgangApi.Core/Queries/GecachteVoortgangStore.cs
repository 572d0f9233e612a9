using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Queries;

/// <summary>
/// Keeps the current data in memory. Within <paramref name="controleInterval"/> a read touches no storage at all;
/// after it, one point read of the stored version decides whether the data must be read again. A write in this
/// process empties the cache at once.
/// </summary>
public sealed class GecachteVoortgangStore(IVoortgangStore binnen, Wijzigingen wijzigingen, TimeProvider tijd, TimeSpan controleInterval)
    : IVoortgangStore, IDisposable
{
    private readonly SemaphoreSlim _laden = new(1, 1);
    private Stand? _stand;

    public async Task<VoortgangData> LeesAsync(CancellationToken ct)
    {
        if (Geldig(_stand) is { } snel)
        {
            return snel;
        }

        await _laden.WaitAsync(ct);
        try
        {
            if (Geldig(_stand) is { } intussen)
            {
                return intussen;
            }

            var teller = wijzigingen.Teller;
            // Version first, data second: a write in between yields a newer version at the next check, never a missed one.
            var versie = await binnen.VersieAsync(ct);
            var data = _stand is { } oud && oud.Versie == versie && oud.Teller == teller ? oud.Data : await binnen.LeesAsync(ct);
            _stand = new Stand(data, versie, teller, tijd.GetUtcNow());
            return data;
        }
        finally
        {
            _laden.Release();
        }
    }

    public async Task SchrijfAsync(VoortgangData data, CancellationToken ct)
    {
        await binnen.SchrijfAsync(data, ct);
        wijzigingen.Meld();
    }

    public Task<string> VersieAsync(CancellationToken ct) => binnen.VersieAsync(ct);

    public Task<bool> IsLeegAsync(CancellationToken ct) => binnen.IsLeegAsync(ct);

    private VoortgangData? Geldig(Stand? s) =>
        s is not null && s.Teller == wijzigingen.Teller && tijd.GetUtcNow() - s.Gecontroleerd < controleInterval ? s.Data : null;

    public void Dispose() => _laden.Dispose();

    private sealed record Stand(VoortgangData Data, string Versie, long Teller, DateTimeOffset Gecontroleerd);
}
