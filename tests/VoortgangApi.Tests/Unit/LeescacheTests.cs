using Microsoft.Extensions.Time.Testing;
using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Queries;
using VoortgangApi.Core.Seed;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Unit;

/// <summary>Repeated reads of unchanged data do not go back to storage; a write or a new version does.</summary>
public class LeescacheTests
{
    private readonly FakeTimeProvider _tijd = new(new DateTimeOffset(2025, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private readonly Wijzigingen _wijzigingen = new();

    private async Task<(InMemoryVoortgangStore Opslag, VoortgangQueries Queries, GecachteVoortgangStore Cache)> Maak()
    {
        var seed = await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"));
        var opslag = new InMemoryVoortgangStore(seed.Huidig);
        var cache = new GecachteVoortgangStore(opslag, _wijzigingen, _tijd, TimeSpan.FromSeconds(5));
        return (opslag, new VoortgangQueries(new VoortgangBron(cache, new InMemoryCyclusStore(), _wijzigingen, _tijd, TimeSpan.FromSeconds(5))), cache);
    }

    private static Parameters Geen => new(Parameters.Geen, VoortgangQueries.OplossingsrichtingParameters);

    [Fact]
    public async Task HundredReadsOfUnchangedDataReadStorageOnce()
    {
        var (opslag, queries, _) = await Maak();

        for (var i = 0; i < 100; i++)
        {
            await queries.OplossingsrichtingenAsync(Geen, default);
        }

        Assert.Equal(1, opslag.Leesacties);
        Assert.Equal(1, opslag.Versieacties);
    }

    [Fact]
    public async Task AfterTheIntervalOnlyTheVersionIsCheckedWhileItIsUnchanged()
    {
        var (opslag, queries, _) = await Maak();
        await queries.ThemasAsync(Geen, default);

        _tijd.Advance(TimeSpan.FromSeconds(6));
        await queries.ThemasAsync(Geen, default);
        await queries.ThemasAsync(Geen, default);

        Assert.Equal(1, opslag.Leesacties);
        Assert.Equal(2, opslag.Versieacties);
    }

    [Fact]
    public async Task AWriteMakesTheNextReadSeeTheNewData()
    {
        var (opslag, queries, cache) = await Maak();
        var eerst = (await queries.OplossingsrichtingenAsync(Geen, default)).Waarde!.Totaal;
        var data = await opslag.LeesAsync(default);

        await cache.SchrijfAsync(data with { Oplossingsrichtingen = [.. data.Oplossingsrichtingen.Skip(1)] }, default);

        Assert.Equal(eerst - 1, (await queries.OplossingsrichtingenAsync(Geen, default)).Waarde!.Totaal);
    }

    [Fact]
    public async Task AWriteByAnotherInstanceIsSeenAfterTheInterval()
    {
        var (opslag, queries, _) = await Maak();
        var eerst = (await queries.OplossingsrichtingenAsync(Geen, default)).Waarde!.Totaal;
        var data = await opslag.LeesAsync(default);
        await opslag.SchrijfAsync(data with { Oplossingsrichtingen = [.. data.Oplossingsrichtingen.Skip(1)] }, default);

        var binnenInterval = (await queries.OplossingsrichtingenAsync(Geen, default)).Waarde!.Totaal;
        _tijd.Advance(TimeSpan.FromSeconds(6));
        var daarna = (await queries.OplossingsrichtingenAsync(Geen, default)).Waarde!.Totaal;

        Assert.Equal(eerst, binnenInterval);
        Assert.Equal(eerst - 1, daarna);
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
        var bron = new VoortgangBron(new InMemoryVoortgangStore(seed.Huidig), cycli, _wijzigingen, _tijd, TimeSpan.FromSeconds(5));

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
        public Task SchrijfMomentopnameAsync(string cyclusId, string runId, VoortgangData data, CancellationToken ct) => _binnen.SchrijfMomentopnameAsync(cyclusId, runId, data, ct);
        public Task<CyclusVersie> LegVastAsync(Rapportagecyclus vastgesteld, string runId, string verwachteVersie, CancellationToken ct) => _binnen.LegVastAsync(vastgesteld, runId, verwachteVersie, ct);
        public Task VerwijderPogingAsync(string cyclusId, string runId, CancellationToken ct) => _binnen.VerwijderPogingAsync(cyclusId, runId, ct);
        public Task<IReadOnlyList<string>> PogingenAsync(string cyclusId, CancellationToken ct) => _binnen.PogingenAsync(cyclusId, ct);
    }
}
