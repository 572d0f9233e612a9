using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Queries;
using VoortgangApi.Core.Seed;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Unit;

/// <summary>Repeated reads of an unchanged log do not go back to storage; a write here, or after the interval one elsewhere, does.</summary>
public class LeescacheTests
{
    private readonly FakeTimeProvider _tijd = new(new DateTimeOffset(2025, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private readonly Wijzigingsteller _wijzigingen = new();

    private async Task<(InMemoryHistorieStore Opslag, VoortgangQueries Queries, Logboek Logboek)> Maak()
    {
        var seed = await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"));
        var opslag = InMemoryHistorieStore.Met(seed, _tijd);
        var logboek = opslag.Logboek(_wijzigingen, _tijd);
        return (opslag, new VoortgangQueries(new Voortgangslezer(logboek, new InMemoryCyclusStore(), new Versheid(_wijzigingen, _tijd, TimeSpan.FromSeconds(5)))), logboek);
    }

    private static Parameters Geen => new(Parameters.Geen, VoortgangQueries.OplossingsrichtingParameters);

    private static Parameters Status(string status) =>
        new(new Dictionary<string, IReadOnlyList<string?>> { ["status"] = [status] }, VoortgangQueries.OplossingsrichtingParameters);

    private static Toevoeging Vertraagd(Logstand s) => new(
        [Logregel.Nieuw(new Statusregel("", "ZD-04", Statussen.Vertraagd, new DateOnly(2025, 1, 1), "afgeleid", new Bron("Test", null), null, null, default))],
        s, new Vastlegger("test", "test"));

    [Fact]
    public async Task HundredReadsOfUnchangedDataReadStorageOnce()
    {
        var (opslag, queries, _) = await Maak();
        var voor = opslag.Leesacties;

        for (var i = 0; i < 100; i++)
        {
            await queries.OplossingsrichtingenAsync(Geen, default);
        }

        Assert.Equal(voor + 1, opslag.Leesacties);
    }

    [Fact]
    public async Task AfterTheIntervalAnUnchangedLogIsNotFoldedAgain()
    {
        var (opslag, queries, logboek) = await Maak();
        var eerst = await logboek.LeesAsync(default);
        var voor = opslag.Leesacties;

        _tijd.Advance(TimeSpan.FromSeconds(6));
        await queries.ThemasAsync(Geen, default);
        await queries.ThemasAsync(Geen, default);

        Assert.Equal(voor + 1, opslag.Leesacties);
        Assert.Same(eerst, await logboek.LeesAsync(default));
    }

    [Fact]
    public async Task AWriteMakesTheNextReadSeeTheNewData()
    {
        var (opslag, queries, logboek) = await Maak();
        var eerst = (await queries.OplossingsrichtingenAsync(Status(Statussen.Vertraagd), default)).Waarde!.Totaal;

        var vastlegging = new Vastlegging(opslag, logboek, NullLogger<Vastlegging>.Instance);
        await vastlegging.SchrijfAsync(s => Vertraagd(s), default);

        Assert.Equal(eerst + 1, (await queries.OplossingsrichtingenAsync(Status(Statussen.Vertraagd), default)).Waarde!.Totaal);
    }

    [Fact]
    public async Task AWriteByAnotherInstanceIsSeenAfterTheInterval()
    {
        var (opslag, queries, logboek) = await Maak();
        var eerst = (await queries.OplossingsrichtingenAsync(Status(Statussen.Vertraagd), default)).Waarde!.Totaal;
        await opslag.VoegToeAsync(Vertraagd(await logboek.LeesAsync(default)), default);

        var binnenInterval = (await queries.OplossingsrichtingenAsync(Status(Statussen.Vertraagd), default)).Waarde!.Totaal;
        _tijd.Advance(TimeSpan.FromSeconds(6));
        var daarna = (await queries.OplossingsrichtingenAsync(Status(Statussen.Vertraagd), default)).Waarde!.Totaal;

        Assert.Equal(eerst, binnenInterval);
        Assert.Equal(eerst + 1, daarna);
    }

    [Fact]
    public async Task ASnapshotIsReadFromStorageOnceForAnyNumberOfCycleScopedReads()
    {
        var seed = await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"));
        var cycli = new TellendeCyclusStore();
        var peildatum = new DateOnly(2025, 1, 1);
        var plan = await cycli.BewaarAsync(new Rapportagecyclus("c", "C", peildatum, new Kamerbrief(peildatum, null, null, null, null), Toestanden.Gepland, null), null, default);
        await cycli.SchrijfMomentopnameAsync("c", "r", seed.Huidig, default);
        await cycli.LegVastAsync(plan.Cyclus with { Toestand = Toestanden.Vastgesteld }, "r", plan.Versie, default);
        var bron = new Voortgangslezer(InMemoryHistorieStore.Met(seed).Logboek(), cycli, new Versheid(_wijzigingen, _tijd, TimeSpan.FromSeconds(5)));

        for (var i = 0; i < 50; i++)
        {
            _tijd.Advance(TimeSpan.FromMinutes(1));
            Assert.True((await bron.MomentopnameAsync("c", default)).IsGelukt);
        }

        Assert.Equal(1, cycli.Momentopnameleesacties);
        Assert.Equal(1, cycli.Cyclusleesacties);
    }

    private sealed class TellendeCyclusStore : ICyclusStore
    {
        private readonly InMemoryCyclusStore _binnen = new();

        public int Momentopnameleesacties { get; private set; }
        public int Cyclusleesacties { get; private set; }

        public Task<CyclusVersie?> LeesAsync(string cyclusId, CancellationToken ct)
        {
            Cyclusleesacties++;
            return _binnen.LeesAsync(cyclusId, ct);
        }

        public Task<VoortgangData> LeesMomentopnameAsync(string cyclusId, string runId, CancellationToken ct)
        {
            Momentopnameleesacties++;
            return _binnen.LeesMomentopnameAsync(cyclusId, runId, ct);
        }

        public Task<IReadOnlyList<CyclusVersie>> LijstAsync(CancellationToken ct) => _binnen.LijstAsync(ct);
        public Task<CyclusVersie> BewaarAsync(Rapportagecyclus cyclus, string? verwachteVersie, CancellationToken ct) => _binnen.BewaarAsync(cyclus, verwachteVersie, ct);
        public Task VerwijderAsync(string cyclusId, string verwachteVersie, CancellationToken ct) => _binnen.VerwijderAsync(cyclusId, verwachteVersie, ct);
        public Task SchrijfMomentopnameAsync(string cyclusId, string runId, VoortgangData data, CancellationToken ct) => _binnen.SchrijfMomentopnameAsync(cyclusId, runId, data, ct);
        public Task<CyclusVersie> LegVastAsync(Rapportagecyclus vastgesteld, string runId, string verwachteVersie, CancellationToken ct) => _binnen.LegVastAsync(vastgesteld, runId, verwachteVersie, ct);
        public Task VerwijderPogingAsync(string cyclusId, string runId, CancellationToken ct) => _binnen.VerwijderPogingAsync(cyclusId, runId, ct);
        public Task<IReadOnlyList<string>> PogingenAsync(string cyclusId, CancellationToken ct) => _binnen.PogingenAsync(cyclusId, ct);
    }
}
