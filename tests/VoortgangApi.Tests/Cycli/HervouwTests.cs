using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Import;
using VoortgangApi.Core.Model;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Cycli;

/// <summary>
/// A stored snapshot is exactly the fold it came from: the log, folded again at the snapshot's peildatum as known at its
/// <c>bekendOp</c>, gives the stored <c>inhoudHash</c> — for every snapshot in the store, after later (backdated) writes too.
/// </summary>
public class HervouwTests : IAsyncLifetime
{
    private readonly TestStorage _storage = new();

    public async Task InitializeAsync()
    {
        await _storage.InitializeAsync();
        await _storage.Service<SeedImporter>().ImporteerOntbrekendAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"), default);
    }

    public Task DisposeAsync() => _storage.DisposeAsync();

    [Fact]
    public async Task EveryStoredSnapshotRefoldsToItsStoredHashAtItsPeildatumAndBekendOp()
    {
        // A letter frozen by the API after the seed's two, then a backdated entry before its peildatum that it must not see.
        var peildatum = TimeProvider.System.Vandaag().AddDays(-2);
        await _storage.StelVastAsync("hervouw", peildatum);
        await _storage.ImporteerAsync([Logregel.Nieuw(new Statusregel("", "ZD-04", Statussen.Gestopt, peildatum.AddDays(-1), "afgeleid",
            new Bron("Later bekend", null), "Pas na de brief bekend geworden.", null, default))]);

        var log = (await _storage.Logboek.VersAsync(default)).Regels;
        var vastgesteld = (await _storage.Cycli.LijstAsync(default)).Where(v => v.Cyclus.Toestand == Toestanden.Vastgesteld).ToList();

        Assert.Equal(["aanpak-2023", "hervouw", "najaar-2024"], vastgesteld.Select(v => v.Cyclus.Id).Order(StringComparer.Ordinal));
        foreach (var versie in vastgesteld)
        {
            var info = versie.Cyclus.Momentopname!;
            Assert.NotNull(info.BekendOp);
            Assert.Equal(info.InhoudHash, Canoniek.Hash(Vouw.Stand(log, versie.Cyclus.Peildatum, info.BekendOp!.Value)));
            Assert.Equal(info.InhoudHash, Canoniek.Hash(await _storage.Cycli.LeesMomentopnameAsync(versie.Cyclus.Id, versie.RunId!, default)));
        }

        // The check can fail: folded as known now, the letter would hold the later entry and so another hash.
        var hervouw = vastgesteld.Single(v => v.Cyclus.Id == "hervouw").Cyclus;
        Assert.NotEqual(hervouw.Momentopname!.InhoudHash, Canoniek.Hash(Vouw.Stand(log, hervouw.Peildatum, DateTimeOffset.MaxValue)));
    }
}
