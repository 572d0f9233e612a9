using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Seed;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Fouten;

/// <summary>Rows of snapshot attempts that died before their commit are removed once they are surely abandoned.</summary>
public class OpruimenTests
{
    [Fact]
    public async Task OnlyAbandonedAttemptsOlderThanTheSafeAgeAreRemoved()
    {
        var tijd = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var seed = await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"));
        var cycli = new InMemoryCyclusStore();
        var peildatum = new DateOnly(2026, 1, 1);
        await cycli.BewaarAsync(new Rapportagecyclus("c-2026", "C", peildatum, new Kamerbrief(peildatum, null, null, null, null), Toestanden.Gepland, null), null, default);
        await cycli.SchrijfMomentopnameAsync("c-2026", "20260301090000000dood0001", seed.Huidig, default);
        var service = new MomentopnameService(InMemoryHistorieStore.Met(seed, tijd).Logboek(tijd: tijd), cycli, tijd, NullLogger<MomentopnameService>.Instance);
        var vast = (await service.NeemAsync("c-2026", Testvastlegger.Test, default)).Waarde!;
        await cycli.SchrijfMomentopnameAsync("c-2026", "20260301115900000bezig001", seed.Huidig, default);

        var verwijderd = await service.RuimOpAsync(default);

        var over = await cycli.PogingenAsync("c-2026", default);
        Assert.Equal(1, verwijderd);
        Assert.DoesNotContain("20260301090000000dood0001", over);
        Assert.Contains("20260301115900000bezig001", over);
        Assert.Contains((await cycli.LeesAsync("c-2026", default))!.RunId, over);
        Assert.True(vast.Nieuw);
    }
}
