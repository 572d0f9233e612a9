using Microsoft.Extensions.Logging.Abstractions;
using VoortgangApi.Core.OpenData;
using VoortgangApi.OpenData;
using VoortgangApi.Tests.Infrastructure;
using VoortgangApi.Tests.OpenData;

namespace VoortgangApi.Tests.Fouten;

/// <summary>Publishing one cycle reads and writes a bounded number of blobs, however many releases exist already.</summary>
public class PublicatiekostenTests : IAsyncLifetime
{
    private readonly TestStorage _storage = new();

    public async Task InitializeAsync()
    {
        await _storage.InitializeAsync();
        await _storage.ImporteerAsync(_storage.Seed.Regels);
    }

    public Task DisposeAsync() => _storage.DisposeAsync();

    private async Task<int> PubliceerEnTelAsync(string id)
    {
        await _storage.StelVastAsync(id, new DateOnly(2025, 1, 1));
        var teller = new TellendeOpenDataStore(_storage.Service<IOpenDataStore>());
        await new PublicatieService(_storage.Cycli, _storage.Logboek, teller, CatalogusTests.Instellingen, NullLogger<PublicatieService>.Instance).PubliceerAsync(id, default);
        return teller.Aanroepen;
    }

    [Fact]
    public async Task TheTwelfthReleaseCostsAsManyStorageCallsAsTheSecond()
    {
        await PubliceerEnTelAsync("kosten-01");
        var tweede = await PubliceerEnTelAsync("kosten-02");
        for (var i = 3; i < 12; i++)
        {
            await PubliceerEnTelAsync($"kosten-{i:00}");
        }

        var twaalfde = await PubliceerEnTelAsync("kosten-12");

        Assert.Equal(tweede, twaalfde);
    }
}
