using Microsoft.Extensions.Logging.Abstractions;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Import;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Seed;
using VoortgangApi.Tests.Infrastructure;
using static VoortgangApi.Tests.Historie.Logproef;

namespace VoortgangApi.Tests.Historie;

/// <summary>
/// The seed's check at every start (SeedBijStart) on a store that has its seed: it needs to know that the log has lines
/// and that the seed's batches and letters are there, not the log's lines — so on a checkpoint's head it does not make
/// the whole index of a long log be read right after the first request.
/// </summary>
public class SeedcontroleTests
{
    [Fact]
    public async Task TheSeedCheckOnASeededLogStartedOnACheckpointDoesNotWaitForTheWholeIndex()
    {
        var (_, store, checkpunten, _) = await GecheckpuntAsync(new Random(7));
        store.AllesEerderGezien = true;
        var seedPad = Repo.Pad("data", "seed.json");
        var schemas = Repo.Pad("schemas");
        var cycli = new InMemoryCyclusStore();
        foreach (var c in (await SeedLoader.LaadAsync(seedPad, schemas)).Cycli)
        {
            await cycli.BewaarAsync(new Rapportagecyclus(c.Id, c.Titel, c.Peildatum, c.Kamerbrief, Toestanden.Vastgesteld, null), null, default);
        }

        checkpunten.Poort = new TaskCompletionSource(); // the segments, and so the whole index, are not read until the end
        using var herstart = new Logboek(store, Versheid(), new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance));
        Assert.False((await herstart.LeesAsync(default)).Tijdlijn.Volledig);
        var importer = new SeedImporter(store, herstart, new Vastlegging(store, herstart, NullLogger<Vastlegging>.Instance), cycli,
            new MomentopnameService(herstart, cycli, TimeProvider.System, NullLogger<MomentopnameService>.Instance), NullLogger<SeedImporter>.Instance);

        var controle = importer.ImporteerOntbrekendAsync(seedPad, schemas, default);
        var klaar = await Task.WhenAny(controle, Task.Delay(TimeSpan.FromSeconds(20)));
        var opKop = !(await herstart.LeesAsync(default)).Tijdlijn.Volledig; // the log was still on its head when the check ended
        checkpunten.Poort.TrySetResult();

        Assert.Same(controle, klaar);
        Assert.False(await controle); // nothing to write: the seed is there
        Assert.True(opKop);
    }
}
