using VoortgangApi.Core;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>A store without I/O for unit tests of the core; counts reads so caching can be observed.</summary>
internal sealed class InMemoryVoortgangStore(VoortgangData data) : IVoortgangStore
{
    private VoortgangData _data = data;

    private int _versie;

    public int Leesacties { get; private set; }

    public int Versieacties { get; private set; }

    public Task<VoortgangData> LeesAsync(CancellationToken ct)
    {
        Leesacties++;
        return Task.FromResult(_data);
    }

    public Task SchrijfAsync(VoortgangData data, CancellationToken ct)
    {
        _data = data;
        _versie++;
        return Task.CompletedTask;
    }

    public Task<string> VersieAsync(CancellationToken ct)
    {
        Versieacties++;
        return Task.FromResult(_versie.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task<bool> IsLeegAsync(CancellationToken ct) => Task.FromResult(_data.Themas.Count == 0);
}
