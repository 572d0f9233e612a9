using VoortgangApi.Core;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>A store without I/O for unit tests of the core; counts reads so caching can be observed.</summary>
internal sealed class InMemoryVoortgangStore(VoortgangData data) : IVoortgangStore
{
    private VoortgangData _data = data;

    public int Leesacties { get; private set; }

    public Task<VoortgangData> LeesAsync(CancellationToken ct)
    {
        Leesacties++;
        return Task.FromResult(_data);
    }

    public Task SchrijfAsync(VoortgangData data, CancellationToken ct)
    {
        _data = data;
        return Task.CompletedTask;
    }

    public Task<bool> IsLeegAsync(CancellationToken ct) => Task.FromResult(_data.Themas.Count == 0);
}
