using Microsoft.Extensions.Logging.Abstractions;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Cycli;

/// <summary>The snapshot invariants of DESIGN.md §5, against Azurite.</summary>
public class MomentopnameInvariantTests : IAsyncLifetime
{
    private static readonly DateOnly Peildatum = new(2025, 11, 1);
    private readonly TestStorage _storage = new();

    public async Task InitializeAsync()
    {
        await _storage.InitializeAsync();
        await _storage.ImporteerAsync(_storage.Seed.Regels);
    }

    public Task DisposeAsync() => _storage.DisposeAsync();

    private MomentopnameService Service(ICyclusStore? cycli = null) =>
        new(_storage.Logboek, cycli ?? _storage.Cycli, TimeProvider.System, NullLogger<MomentopnameService>.Instance);

    private Task<CyclusVersie> Plan(string id) => _storage.Cycli.BewaarAsync(
        new Rapportagecyclus(id, "Test", Peildatum, new Kamerbrief(Peildatum, null, null, null, null), Toestanden.Gepland, null), null, default);

    [Fact]
    public async Task TenConcurrentSnapshotsCommitExactlyOne()
    {
        await Plan("gelijktijdig");
        var service = Service();

        var uitkomsten = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => service.NeemAsync("gelijktijdig", Testvastlegger.Test, default))));

        var gelukt = uitkomsten.Where(u => u.IsGelukt).Select(u => u.Waarde!).ToList();
        Assert.Single(gelukt, u => u.Nieuw);
        Assert.Single(gelukt.Select(u => u.Cyclus.Momentopname).Distinct());
        Assert.All(uitkomsten.Where(u => !u.IsGelukt), u => Assert.Contains("al vastgesteld", u.Probleem!.Detail, StringComparison.Ordinal));
        var vast = await _storage.Cycli.LeesAsync("gelijktijdig", default);
        Assert.Equal([vast!.RunId!], await _storage.Cycli.PogingenAsync("gelijktijdig", default));
    }

    [Fact]
    public async Task TimerAndManualTriggersAtTheSameTimeCommitExactlyOneSnapshot()
    {
        await Plan("timer-en-hand");
        var service = Service();

        var timers = Enumerable.Range(0, 3).Select(_ => Task.Run(() => service.NeemVerlopenAsync(default)));
        var handmatig = Enumerable.Range(0, 3).Select(_ => Task.Run(() => service.NeemAsync("timer-en-hand", Testvastlegger.Test, default)));
        await Task.WhenAll([.. timers, .. handmatig]);

        var vast = await _storage.Cycli.LeesAsync("timer-en-hand", default);
        Assert.Equal(Toestanden.Vastgesteld, vast!.Cyclus.Toestand);
        Assert.Equal([vast.RunId!], await _storage.Cycli.PogingenAsync("timer-en-hand", default));
    }

    [Fact]
    public async Task ASnapshotThatDiesHalfwayIsCompletedByARetry()
    {
        await Plan("halverwege");

        await Assert.ThrowsAsync<IOException>(() => Service(new FalendeCyclusStore(_storage.Cycli, FalendeCyclusStore.Stap.HalverwegeSchrijven)).NeemAsync("halverwege", Testvastlegger.Test, default));

        var naCrash = await _storage.Cycli.LeesAsync("halverwege", default);
        Assert.Equal(Toestanden.Gepland, naCrash!.Cyclus.Toestand);
        Assert.Null(naCrash.RunId);

        var retry = await Service().NeemAsync("halverwege", Testvastlegger.Test, default);

        Assert.True(retry.Waarde!.Nieuw);
        var vast = await _storage.Cycli.LeesAsync("halverwege", default);
        var gelezen = await _storage.Cycli.LeesMomentopnameAsync("halverwege", vast!.RunId!, default);
        // The whole state at its peildatum (an undated source of the seed is not known yet then).
        Assert.Equal(Canoniek.Hash((await _storage.Logboek.LeesAsync(default)).Stand(Peildatum, DateTimeOffset.MaxValue)), Canoniek.Hash(gelezen));
        Assert.Equal(vast.Cyclus.Momentopname!.InhoudHash, Canoniek.Hash(gelezen));
    }

    [Fact]
    public async Task SnapshotThatDiesBeforeTheCommitMarkerIsNeverReadAsVastgesteld()
    {
        await Plan("voorcommit");

        await Assert.ThrowsAsync<IOException>(() => Service(new FalendeCyclusStore(_storage.Cycli, FalendeCyclusStore.Stap.Commit)).NeemAsync("voorcommit", Testvastlegger.Test, default));

        var bron = _storage.Service<VoortgangApi.Core.Queries.Voortgangslezer>();
        var gelezen = await bron.MomentopnameAsync("voorcommit", default);
        Assert.Equal(VoortgangApi.Core.ProbleemSoort.Conflict, gelezen.Probleem!.Soort);
        Assert.True((await Service().NeemAsync("voorcommit", Testvastlegger.Test, default)).Waarde!.Nieuw);
    }

    [Fact]
    public async Task ACommittedSnapshotCannotBeAltered()
    {
        await Plan("onveranderlijk");
        await Service().NeemAsync("onveranderlijk", Testvastlegger.Test, default);
        var vast = (await _storage.Cycli.LeesAsync("onveranderlijk", default))!;
        var anders = _storage.Seed.Huidig with { Oplossingsrichtingen = [.. _storage.Seed.Huidig.Oplossingsrichtingen.Take(1)] };

        await Assert.ThrowsAnyAsync<Exception>(() => _storage.Cycli.SchrijfMomentopnameAsync("onveranderlijk", vast.RunId!, anders, default));
        await Assert.ThrowsAsync<GelijktijdigeWijzigingException>(() => _storage.Cycli.BewaarAsync(vast.Cyclus with { Titel = "anders" }, "W/\"datetime'2020-01-01T00%3A00%3A00.0000000Z'\"", default));

        var gelezen = await _storage.Cycli.LeesMomentopnameAsync("onveranderlijk", vast.RunId!, default);
        Assert.Equal(vast.Cyclus.Momentopname!.InhoudHash, Canoniek.Hash(gelezen));
        Assert.Equal(vast.Cyclus, (await _storage.Cycli.LeesAsync("onveranderlijk", default))!.Cyclus);
    }

    [Fact]
    public async Task SnapshotOfFiveThousandItemsReadsBackWithTheSameHash()
    {
        await Plan("groot");
        var sjabloon = _storage.Seed.Regels.First(r => r.Revisie?.Oplossingsrichting is not null).Revisie!;
        await _storage.ImporteerAsync(Enumerable.Range(1, 5000).Select(i =>
            Logregel.Nieuw(sjabloon with { ItemId = $"ZD-{i:00000}", GeldigVanaf = Peildatum, Oplossingsrichting = sjabloon.Oplossingsrichting! with { Titel = $"Synthetisch {i}" } })));
        var groot = (await _storage.Logboek.VersAsync(default)).Stand(Peildatum, DateTimeOffset.MaxValue);

        var r = await Service().NeemAsync("groot", Testvastlegger.Test, default);

        var vast = (await _storage.Cycli.LeesAsync("groot", default))!;
        var gelezen = await _storage.Cycli.LeesMomentopnameAsync("groot", vast.RunId!, default);
        Assert.Equal(5000 + _storage.Seed.Huidig.Oplossingsrichtingen.Count, r.Waarde!.Cyclus.Momentopname!.Aantallen.Oplossingsrichtingen);
        Assert.Equal(5000 + _storage.Seed.Huidig.Oplossingsrichtingen.Count, gelezen.Oplossingsrichtingen.Count);
        Assert.Equal(Canoniek.Hash(groot), Canoniek.Hash(gelezen));
        Assert.Equal(vast.Cyclus.Momentopname!.InhoudHash, Canoniek.Hash(gelezen));
    }
}

/// <summary>Wraps the real store and dies at a chosen step, like a process that crashes mid-snapshot.</summary>
internal sealed class FalendeCyclusStore(ICyclusStore echt, FalendeCyclusStore.Stap stap) : ICyclusStore
{
    public enum Stap { HalverwegeSchrijven, Commit }

    public Task<CyclusVersie?> LeesAsync(string cyclusId, CancellationToken ct) => echt.LeesAsync(cyclusId, ct);
    public Task<IReadOnlyList<CyclusVersie>> LijstAsync(CancellationToken ct) => echt.LijstAsync(ct);
    public Task<CyclusVersie> BewaarAsync(Rapportagecyclus cyclus, string? verwachteVersie, CancellationToken ct) => echt.BewaarAsync(cyclus, verwachteVersie, ct);
    public Task VerwijderAsync(string cyclusId, string verwachteVersie, CancellationToken ct) => echt.VerwijderAsync(cyclusId, verwachteVersie, ct);
    public Task<VoortgangData> LeesMomentopnameAsync(string cyclusId, string runId, CancellationToken ct) => echt.LeesMomentopnameAsync(cyclusId, runId, ct);
    public Task VerwijderPogingAsync(string cyclusId, string runId, CancellationToken ct) => echt.VerwijderPogingAsync(cyclusId, runId, ct);
    public Task<IReadOnlyList<string>> PogingenAsync(string cyclusId, CancellationToken ct) => echt.PogingenAsync(cyclusId, ct);

    public async Task SchrijfMomentopnameAsync(string cyclusId, string runId, VoortgangData data, CancellationToken ct)
    {
        if (stap != Stap.HalverwegeSchrijven)
        {
            await echt.SchrijfMomentopnameAsync(cyclusId, runId, data, ct);
            return;
        }

        var helft = data with { Oplossingsrichtingen = [.. data.Oplossingsrichtingen.Take(data.Oplossingsrichtingen.Count / 2)], Partijen = [] };
        await echt.SchrijfMomentopnameAsync(cyclusId, runId, helft, ct);
        throw new IOException("Gesimuleerde crash halverwege het schrijven van de momentopname.");
    }

    public Task<CyclusVersie> LegVastAsync(Rapportagecyclus vastgesteld, string runId, string verwachteVersie, CancellationToken ct) =>
        stap == Stap.Commit
            ? throw new IOException("Gesimuleerde crash vlak voor de commit.")
            : echt.LegVastAsync(vastgesteld, runId, verwachteVersie, ct);
}
