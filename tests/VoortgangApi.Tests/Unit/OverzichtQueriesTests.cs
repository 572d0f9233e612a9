using Microsoft.Extensions.Time.Testing;
using VoortgangApi.Core;
using VoortgangApi.Core.Queries;
using VoortgangApi.Core.Seed;
using VoortgangApi.Tests.Infrastructure;
using VoortgangApi.Tests.OpenData;

namespace VoortgangApi.Tests.Unit;

public class OverzichtQueriesTests
{
    private static Parameters Geen => new(Parameters.Geen, []);

    [Fact]
    public async Task SummaryIsComputedOnceWhileItsInputsAreUnchangedAndAgainAfterAWrite()
    {
        var seed = await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"));
        var wijzigingen = new Wijzigingen();
        var tijd = new FakeTimeProvider();
        var cache = new GecachteVoortgangStore(new InMemoryVoortgangStore(seed.Huidig), wijzigingen, tijd, TimeSpan.FromSeconds(5));
        var queries = new OverzichtQueries(new VoortgangBron(cache, new InMemoryCyclusStore(), wijzigingen, tijd, TimeSpan.FromSeconds(5)), CatalogusTests.Instellingen);

        var eerste = (await queries.OverzichtAsync(Geen, default)).Waarde!;
        var tweede = (await queries.OverzichtAsync(Geen, default)).Waarde!;
        await cache.SchrijfAsync(seed.Huidig with { Oplossingsrichtingen = [.. seed.Huidig.Oplossingsrichtingen.Where(o => o.ThemaId != "zorg")] }, default);
        var derde = (await queries.OverzichtAsync(Geen, default)).Waarde!;

        Assert.Same(eerste, tweede);
        Assert.NotSame(tweede, derde);
        Assert.Equal(0, derde.Themas.Single(t => t.Id == "zorg").AantalOplossingsrichtingen);
        Assert.Equal(3, eerste.Themas.Single(t => t.Id == "zorg").AantalOplossingsrichtingen);
    }
}
