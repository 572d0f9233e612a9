using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoortgangApi.Core;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Seed;
using VoortgangApi.Storage;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Storage;

public class VoortgangTableStoreTests : IAsyncLifetime
{
    private readonly string _prefix = AzuriteInstance.NieuwPrefix();
    private ServiceProvider _services = null!;
    private SeedSet _seed = null!;

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        // Only the storage registration: this tests the table store itself, without the read cache around it.
        var config = new ConfigurationBuilder().AddInMemoryCollection(azurite.Instellingen(_prefix)).Build();
        _services = new ServiceCollection().AddVoortgangStorage(config).BuildServiceProvider();
        _seed = await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"));
    }

    public Task DisposeAsync() => _services.DisposeAsync().AsTask();

    private IVoortgangStore Store => _services.GetRequiredService<IVoortgangStore>();

    private async Task<int> AantalRijen()
    {
        var tabel = _services.GetRequiredService<TableServiceClient>().GetTableClient(_prefix + "voortgang");
        var aantal = 0;
        await foreach (var _ in tabel.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            aantal++;
        }

        return aantal;
    }

    [Fact]
    public async Task WhatIsWrittenReadsBackEqual()
    {
        await Store.SchrijfAsync(_seed.Huidig, default);

        var gelezen = await Store.LeesAsync(default);

        Assert.Equal(Json(_seed.Huidig), Json(gelezen));
    }

    [Fact]
    public async Task ImportingTwiceLeavesTheSameRows()
    {
        await Store.SchrijfAsync(_seed.Huidig, default);
        var naEerste = await AantalRijen();

        await Store.SchrijfAsync(_seed.Huidig, default);

        Assert.Equal(naEerste, await AantalRijen());
        Assert.Equal(5 + 14 + 20 + 24 + 1, naEerste); // + the data-version row
    }

    [Fact]
    public async Task WritingASmallerStateRemovesRowsItNoLongerHas()
    {
        await Store.SchrijfAsync(_seed.Huidig, default);
        var kleiner = _seed.Huidig with { Oplossingsrichtingen = [.. _seed.Huidig.Oplossingsrichtingen.Where(o => o.ThemaId != "zorg")] };

        await Store.SchrijfAsync(kleiner, default);

        var gelezen = await Store.LeesAsync(default);
        Assert.DoesNotContain(gelezen.Oplossingsrichtingen, o => o.ThemaId == "zorg");
        Assert.Equal(17, gelezen.Oplossingsrichtingen.Count);
    }

    [Fact]
    public async Task StoreIsEmptyUntilSomethingIsWritten()
    {
        Assert.True(await Store.IsLeegAsync(default));

        await Store.SchrijfAsync(_seed.Huidig, default);

        Assert.False(await Store.IsLeegAsync(default));
    }

    private static string Json(VoortgangData d) => System.Text.Json.JsonSerializer.Serialize(d, VoortgangJson.Options);
}
