using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VoortgangApi.Core;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Queries;
using VoortgangApi.Core.Seed;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Unit;

public class OverzichtQueriesTests
{
    private static Parameters Geen => new(Parameters.Geen, []);

    [Fact]
    public async Task TheSummaryIsComputedOncePerStateOfItsInputs()
    {
        var seed = await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"));
        var wijzigingen = new Wijzigingsteller();
        var tijd = new FakeTimeProvider(new DateTimeOffset(2025, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var opslag = InMemoryHistorieStore.Met(seed, tijd);
        var logboek = opslag.Logboek(wijzigingen, tijd);
        var queries = new OverzichtQueries(new Voortgangslezer(logboek, new InMemoryCyclusStore(), new Versheid(wijzigingen, tijd, TimeSpan.FromSeconds(5))), Testinstellingen.OpenData);

        var eerste = (await queries.OverzichtAsync(Geen, default)).Waarde!;
        var tweede = (await queries.OverzichtAsync(Geen, default)).Waarde!;
        await new Vastlegging(opslag, logboek, NullLogger<Vastlegging>.Instance).SchrijfAsync(s => new Toevoeging(
            [Logregel.Nieuw(new Statusregel("", "ZO-02", Statussen.Gestopt, new DateOnly(2025, 1, 1), "afgeleid", new Bron("Test", null), null, null, default))],
            s, new Vastlegger("test", "test")), default);
        var derde = (await queries.OverzichtAsync(Geen, default)).Waarde!;

        Assert.Same(eerste, tweede);
        Assert.NotSame(tweede, derde);
        Assert.Equal(0, eerste.Themas.Single(t => t.Id == "zorg").AantalPerStatus[Statussen.Gestopt]);
        Assert.Equal(1, derde.Themas.Single(t => t.Id == "zorg").AantalPerStatus[Statussen.Gestopt]);
    }
}
