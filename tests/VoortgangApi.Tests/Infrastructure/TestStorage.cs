using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Seed;
using VoortgangApi.Functions;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>The app's real services over fresh tables in the shared Azurite, without a host (and so without the seed import).</summary>
public sealed class TestStorage : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public string Prefix { get; } = AzuriteInstance.NieuwPrefix();
    public SeedSet Seed { get; private set; } = null!;

    public Logboek Logboek => Service<Logboek>();
    public ICyclusStore Cycli => Service<ICyclusStore>();

    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        var instellingen = azurite.Instellingen(Prefix);
        instellingen["Seed:SchemaMap"] = Repo.Pad("schemas");
        var config = new ConfigurationBuilder().AddInMemoryCollection(instellingen).Build();
        _services = new ServiceCollection().AddLogging().AddVoortgang(config).BuildServiceProvider();
        Seed = await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"));
    }

    /// <summary>Appends lines to the log as the app does (in batches that fit one transaction).</summary>
    public async Task ImporteerAsync(IEnumerable<Logregel> regels)
    {
        foreach (var batch in regels.Chunk(90))
        {
            var r = await Service<Vastlegging>().SchrijfAsync(s => new Toevoeging(batch, s, new Vastlegger("test", "test")), default);
            Assert.True(r.IsGelukt, r.Probleem?.Detail);
        }
    }

    /// <summary>Plans a cycle at <paramref name="peildatum"/> and takes its snapshot, as an official would through the API.</summary>
    public async Task<MomentopnameUitkomst> StelVastAsync(string id, DateOnly peildatum)
    {
        await Cycli.BewaarAsync(new Rapportagecyclus(id, id, peildatum, new Kamerbrief(peildatum, null, null, null, null), Toestanden.Gepland, null), null, default);
        var genomen = await new MomentopnameService(Logboek, Cycli, TimeProvider.System, NullLogger<MomentopnameService>.Instance).NeemAsync(id, Testvastlegger.Test, default);
        Assert.True(genomen.IsGelukt, genomen.Probleem?.Detail);
        return genomen.Waarde!;
    }

    public Task DisposeAsync() => _services.DisposeAsync().AsTask();
}
