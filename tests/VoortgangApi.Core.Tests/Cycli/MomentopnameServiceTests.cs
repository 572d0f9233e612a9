using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Seed;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Cycli;

public class MomentopnameServiceTests
{
    private readonly FakeTimeProvider _tijd = new(new DateTimeOffset(2025, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryCyclusStore _cycli = new();
    private SeedSet _seed = null!;

    private async Task<MomentopnameService> Service()
    {
        _seed = await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"));
        return new MomentopnameService(InMemoryHistorieStore.Met(_seed).Logboek(), _cycli, _tijd, NullLogger<MomentopnameService>.Instance);
    }

    private Task<CyclusVersie> Plan(string id, DateOnly peildatum) =>
        _cycli.BewaarAsync(new Rapportagecyclus(id, "Test", peildatum, new Kamerbrief(peildatum, null, null, null, null), Toestanden.Gepland, null), null, default);

    [Fact]
    public async Task SnapshotMarksTheCycleVastgesteldWithHashCountsAndUtcTime()
    {
        var service = await Service();
        await Plan("najaar-2025", new DateOnly(2025, 11, 1));

        var r = await service.NeemAsync("najaar-2025", Testvastlegger.Test, default);

        var m = r.Waarde!.Cyclus.Momentopname!;
        Assert.True(r.Waarde.Nieuw);
        Assert.Equal(Toestanden.Vastgesteld, r.Waarde.Cyclus.Toestand);
        // The snapshot is the fold at its peildatum: what was known then (an undated source of the seed is not, yet).
        var stand = await InMemoryHistorieStore.Met(_seed).Logboek().LeesAsync(default);
        Assert.Equal(Canoniek.Hash(stand.Stand(new DateOnly(2025, 11, 1), DateTimeOffset.MaxValue)), m.InhoudHash);
        Assert.Equal(24, m.Aantallen.Oplossingsrichtingen);
        Assert.Equal(_tijd.GetUtcNow(), m.GenomenOp);
    }

    [Fact]
    public async Task ACommitWhoseAnswerWasLostKeepsItsSnapshotRows()
    {
        var service = await Service();
        await Plan("najaar-2025", new DateOnly(2025, 11, 1));
        _cycli.VerliesVolgendAntwoord = true;

        var r = await service.NeemAsync("najaar-2025", Testvastlegger.Test, default);

        var vast = (await _cycli.LeesAsync("najaar-2025", default))!;
        Assert.True(r.Waarde!.Nieuw);
        Assert.Equal(Toestanden.Vastgesteld, vast.Cyclus.Toestand);
        var gelezen = await _cycli.LeesMomentopnameAsync("najaar-2025", vast.RunId!, default);
        Assert.Equal(vast.Cyclus.Momentopname!.InhoudHash, Canoniek.Hash(gelezen));
        Assert.Equal(24, gelezen.Oplossingsrichtingen.Count);
    }

    [Fact]
    public async Task ASecondSnapshotOfAVastgesteldCycleIsAConflict()
    {
        var service = await Service();
        await Plan("najaar-2025", new DateOnly(2025, 11, 1));
        var eerste = await service.NeemAsync("najaar-2025", Testvastlegger.Test, default);
        _tijd.Advance(TimeSpan.FromHours(1));

        var tweede = await service.NeemAsync("najaar-2025", Testvastlegger.Test, default);

        Assert.Equal(ProbleemSoort.Conflict, tweede.Probleem!.Soort);
        Assert.Equal(eerste.Waarde!.Cyclus, (await _cycli.LeesAsync("najaar-2025", default))!.Cyclus);
        Assert.Single(await _cycli.PogingenAsync("najaar-2025", default));
    }

    [Fact]
    public async Task SnapshotBeforeThePeildatumIsRefused()
    {
        var service = await Service();
        await Plan("voorjaar-2026", new DateOnly(2026, 3, 1));

        var r = await service.NeemAsync("voorjaar-2026", Testvastlegger.Test, default);

        Assert.Equal(ProbleemSoort.Conflict, r.Probleem!.Soort);
        Assert.Empty(await _cycli.PogingenAsync("voorjaar-2026", default));
    }

    [Fact]
    public async Task SnapshotOfAnUnknownCycleIsNotFound()
    {
        var service = await Service();

        Assert.Equal(ProbleemSoort.NietGevonden, (await service.NeemAsync("bestaat-niet", Testvastlegger.Test, default)).Probleem!.Soort);
    }

    [Fact]
    public async Task TimerTakesOnlyPlannedCyclesWhosePeildatumHasPassed()
    {
        var service = await Service();
        await Plan("verleden", new DateOnly(2025, 11, 1));
        await Plan("vandaag", new DateOnly(2025, 11, 20));
        await Plan("toekomst", new DateOnly(2025, 12, 1));

        var genomen = await service.NeemVerlopenAsync(default);

        Assert.Equal(["verleden"], genomen);
    }

    [Fact]
    public async Task PastDueTimerCatchesUpOnEveryCycleThatBecameDueMeanwhile()
    {
        var service = await Service();
        await Plan("vandaag", new DateOnly(2025, 11, 20));
        await Plan("toekomst", new DateOnly(2025, 12, 1));
        _tijd.Advance(TimeSpan.FromDays(30)); // the timer did not run for a month

        var genomen = await service.NeemVerlopenAsync(default);

        Assert.Equal(["toekomst", "vandaag"], genomen.Order());
    }
}
