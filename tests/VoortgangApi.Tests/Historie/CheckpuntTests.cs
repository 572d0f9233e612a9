using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Volgen;
using VoortgangApi.Functions;
using VoortgangApi.Tests.Infrastructure;
using VoortgangApi.Tests.Volgen;

namespace VoortgangApi.Tests.Historie;

/// <summary>
/// Checkpoints in Blob Storage (Azurite), with the app's own services: a store written by the release before
/// checkpoints starts and answers the same hashes; its first start writes a checkpoint beside the reads; a damaged
/// segment is ignored, the answers stay the same, and a new checkpoint replaces it.
/// </summary>
public class CheckpuntTests
{
    private static readonly DateOnly[] Peildata = [new(2021, 6, 30), new(2023, 11, 10), new(2024, 11, 5)];

    [Fact]
    public async Task AStoreWrittenBeforeCheckpointsStartsWithTheSameHashesAndADamagedCheckpointIsIgnoredAndReplaced()
    {
        var instellingen = await InstellingenAsync(segmentgrootte: 1000);
        instellingen["Checkpunten:Vensterdoel"] = "1000";

        // The release before: no checkpoints; a log of 2,500 lines and a frozen letter.
        instellingen["Checkpunten:ElkeRegels"] = "0";
        List<string> verwacht;
        string brief;
        await using (var oud = Diensten(instellingen))
        {
            await SchrijfAsync(oud.GetRequiredService<IHistorieStore>(), oud.GetRequiredService<Logboek>(), 2500);
            var cycli = oud.GetRequiredService<ICyclusStore>();
            await cycli.BewaarAsync(new Rapportagecyclus("brief-1", "Brief 1", Peildata[1], new Kamerbrief(Peildata[1], null, null, null, null), Toestanden.Gepland, null), null, default);
            Assert.True((await oud.GetRequiredService<MomentopnameService>().NeemAsync("brief-1", Vastlegger.Seed, default)).IsGelukt);
            verwacht = Hashes(await oud.GetRequiredService<Logboek>().VersAsync(default));
            brief = (await cycli.LeesAsync("brief-1", default))!.Cyclus.Momentopname!.InhoudHash;
            Assert.Empty(await oud.GetRequiredKeyedService<ICheckpuntStore>(oud.GetRequiredService<Core.Programmas.Programma>().Id).LijstAsync(default));
        }

        // This release on that store: the same answers, and a checkpoint written beside them.
        instellingen["Checkpunten:ElkeRegels"] = "500";
        Checkpunt checkpunt;
        await using (var nieuw = Diensten(instellingen))
        {
            var logboek = nieuw.GetRequiredService<Logboek>();
            Assert.Equal(verwacht, Hashes(await logboek.VolledigAsync(default)));
            await logboek.CheckpuntLopend;
            checkpunt = (await CheckpuntenAsync(nieuw))[0];
            Assert.Equal((2500L, 3), (checkpunt.Volgnummer, checkpunt.Segmenten.Count));
        }

        // A damaged first segment: ignored (the log is read from the table), the same answers, a new checkpoint that holds up.
        await using (var beschadigd = Diensten(instellingen))
        {
            var container = beschadigd.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(instellingen["Storage:TablePrefix"] + "checkpunten");
            await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "" }))
            {
                if (blob.Name.Contains("segment-000000000001-", StringComparison.Ordinal))
                {
                    await container.GetBlobClient(blob.Name).UploadAsync(BinaryData.FromString("[]"), overwrite: true);
                }
            }

            var logboek = beschadigd.GetRequiredService<Logboek>();
            Assert.Equal(verwacht, Hashes(await logboek.VolledigAsync(default)));
            await logboek.CheckpuntLopend;
            var opnieuw = (await CheckpuntenAsync(beschadigd))[0];
            var store = beschadigd.GetRequiredKeyedService<ICheckpuntStore>(beschadigd.GetRequiredService<Core.Programmas.Programma>().Id);
            foreach (var s in opnieuw.Segmenten)
            {
                Assert.NotNull(Checkpunten.Lees(s, await store.SegmentAsync(s, default)));
            }

            Assert.Equal(brief, (await beschadigd.GetRequiredService<ICyclusStore>().LeesAsync("brief-1", default))!.Cyclus.Momentopname!.InhoudHash);
        }

        // And a start from the repaired checkpoint: the current state from its head at once, a peildatum from its window
        // (or the whole index, when that was read first), every moment once the whole index is read.
        await using var daarna = Diensten(instellingen);
        var herstart = daarna.GetRequiredService<Logboek>();
        var opKop = await herstart.LeesAsync(default);
        Assert.Equal(verwacht[0], Canoniek.Hash(opKop.Huidig(TimeProvider.System.Vandaag())));
        for (var i = 0; i < Peildata.Length; i++)
        {
            Assert.Equal(verwacht[i + 1], Canoniek.Hash((await herstart.DekkendAsync(opKop, Peildata[i], DateTimeOffset.MaxValue, default)).Stand(Peildata[i], DateTimeOffset.MaxValue)));
        }

        string[] items = ["oplossingsrichting/SO-07", "oplossingsrichting/SO-42", "thema/thema-1"];
        var vanDelen = await herstart.ItemregelsAsync(_ => items, null, default); // from the item's parts, unless the whole index came first
        var pagina = await herstart.RegelsNaAsync(1990, 20, default);
        var volledig = await herstart.VolledigAsync(default);
        Assert.Equal(verwacht, Hashes(volledig));
        Assert.Equal(volledig.Regels.Where(r => items.Contains(Itemdelen.Sleutel(r))).Select(r => r.Id), vanDelen.Regels.Select(r => r.Id));
        Assert.Equal(volledig.Regels.Skip(1990).Take(20).Select(r => r.Id), pagina.Regels.Select(r => r.Id));

        // The windows are stored beside the segments, each under its dates, and hold up.
        var laatste = (await CheckpuntenAsync(daarna))[0];
        var vensterstore = daarna.GetRequiredKeyedService<ICheckpuntStore>(daarna.GetRequiredService<Core.Programmas.Programma>().Id);
        Assert.True(Checkpunten.VenstersSluitend(laatste.Vensters!));
        Assert.True(laatste.Vensters!.Count >= 2, $"{laatste.Vensters.Count} vensters voor 2.500 regels bij een doel van 1.000");
        foreach (var v in laatste.Vensters)
        {
            Assert.NotNull(Checkpunten.LeesVenster(laatste, v, await vensterstore.SegmentAsync(v.Bestand, default)));
        }

        var namen = new List<string>();
        await foreach (var blob in daarna.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(instellingen["Storage:TablePrefix"] + "checkpunten").GetBlobsAsync())
        {
            namen.Add(blob.Name);
        }

        Assert.Contains(namen, n => n.Contains($"/venster-00010101-{laatste.Vensters[0].Tot:yyyyMMdd}-", StringComparison.Ordinal));

        // And each item's parts, named by the checkpoint's register, hold up.
        var register = Itemdelen.LeesRegister(laatste, await vensterstore.SegmentAsync(laatste.Itemregister!, default));
        Assert.NotNull(register);
        Assert.Equal(51, register.Items.Count); // the theme and 50 items
        foreach (var (sleutel, delen) in register.Items)
        {
            Assert.All(delen, d => Assert.Contains(namen, n => n.Contains($"-{d.Van:D12}-{d.Tot:D12}-{d.Sha256[..16]}.json", StringComparison.Ordinal)));
            Assert.NotNull(Itemdelen.Lees(sleutel, delen[^1], await vensterstore.SegmentAsync(delen[^1].Bestand(sleutel), default)));
        }
    }

    [Fact]
    public async Task AWebhookRoundAfterAStartOnACheckpointTakesItsPageFromTheSegmentsWithoutTheWholeIndex()
    {
        var instellingen = await InstellingenAsync(segmentgrootte: 500);
        instellingen["Checkpunten:ElkeRegels"] = "500";
        instellingen["Checkpunten:VolledigNaSeconden"] = "-1"; // only when a request needs it (the default)
        await using (var eerste = Diensten(instellingen))
        {
            var logboek = eerste.GetRequiredService<Logboek>();
            await SchrijfAsync(eerste.GetRequiredService<IHistorieStore>(), logboek, 1200);
            await logboek.VersAsync(default);
            await logboek.CheckpuntLopend;
        }

        await using var daarna = Diensten(instellingen);
        var herstart = daarna.GetRequiredService<Logboek>();
        var programma = daarna.GetRequiredService<Core.Programmas.Programma>().Id;
        var abonnementen = new GeheugenAbonnementen();
        await abonnementen.VoegToeAsync(new Abonnement("a-1", programma, "https://ontvanger.example/haak", [], [], [], "geheim",
            Abonnementstoestanden.Actief, 1150, DateTimeOffset.UtcNow), default);
        var wachtrij = new GeheugenWachtrij();
        var uitzender = new Uitzender(programma, herstart, daarna.GetRequiredService<ICyclusStore>(), abonnementen, wachtrij,
            daarna.GetRequiredService<Core.OpenData.OpenDataInstellingen>(), TimeProvider.System);
        Assert.False((await herstart.LeesAsync(default)).Tijdlijn.Volledig);

        var gezet = await uitzender.RondeAsync(default);

        Assert.False((await herstart.LeesAsync(default)).Tijdlijn.Volledig); // the page came from the last segment
        Assert.Equal(50, gezet);
        Assert.Equal(Enumerable.Range(1151, 50).Select(n => Aflevering.MaakId(programma, $"regel/{n}", "a-1")), wachtrij.Gezet.Select(g => g.Aflevering.WebhookId));
        Assert.Equal(1200, (await abonnementen.CursorAsync(programma, default))!.Volgnummer);
    }

    [Fact]
    public async Task AfterAStartOnACheckpointACommitsCheckAndThePublicationsCorrectionNotesReadNoWholeIndexAndFindTheCorrection()
    {
        var instellingen = await InstellingenAsync(segmentgrootte: 500);
        instellingen["Checkpunten:ElkeRegels"] = "500";
        await using (var eerste = Diensten(instellingen))
        {
            // A log of 1,200 lines, a letter frozen on it (a checkpoint at 1,200 and its release), then a correction of
            // what the letter said: a status of one item dated before the letter's peildatum, other than the letter's.
            var logboek = eerste.GetRequiredService<Logboek>();
            var store = eerste.GetRequiredService<IHistorieStore>();
            await SchrijfAsync(store, logboek, 1200);
            var cycli = eerste.GetRequiredService<ICyclusStore>();
            await cycli.BewaarAsync(new Rapportagecyclus("brief-1", "Brief 1", Peildata[1], new Kamerbrief(Peildata[1], null, null, null, null), Toestanden.Gepland, null), null, default);
            Assert.True((await eerste.GetRequiredService<MomentopnameService>().NeemAsync("brief-1", Vastlegger.Seed, default)).IsGelukt);
            await logboek.CheckpuntLopend;
            var stand = await logboek.VersAsync(default);
            var was = stand.Stand(Peildata[1], DateTimeOffset.MaxValue).Oplossingsrichtingen.Single(o => o.Id == "SO-07").Status.Status;
            await store.VoegToeAsync(new Toevoeging([Logregel.Nieuw(new Statusregel("", "SO-07", Statussen.Alle.First(s => s != was), Peildata[1].AddDays(-1),
                "afgeleid", new Bron("Overleg", null, Soort: "overheid"), "Correctie.", null, default))], stand, Vastlegger.Seed), default);
        }

        await using var daarna = Diensten(instellingen);
        var herstart = daarna.GetRequiredService<Logboek>();
        var opendata = daarna.GetRequiredService<Core.OpenData.IOpenDataStore>();
        await opendata.VervangAlsAndersAsync(VoortgangApi.OpenData.Correcties.Index, VoortgangApi.OpenData.Correcties.AlsIndex([], daarna.GetRequiredService<Core.OpenData.OpenDataInstellingen>()),
            "application/json", default); // as if no note had been written yet
        await herstart.LeesAsync(default);
        Assert.Equal(1200, herstart.OpKop);

        var publicatie = daarna.GetRequiredService<VoortgangApi.OpenData.PublicatieService>();
        await publicatie.NaCommitAsync(1201, 1201, default); // it corrects the frozen letter: the indexes and notes are brought up to date

        Assert.Equal(1200, herstart.OpKop); // the commit's line as a page and the letter's peildatum from its window
        Assert.Equal(["brief-1"], VoortgangApi.OpenData.Correcties.LeesIndex((await opendata.LeesAsync(VoortgangApi.OpenData.Correcties.Index, default))!));
    }

    // A store of its own on Azurite, the repository's schemas, and segments of this size.
    private static async Task<Dictionary<string, string?>> InstellingenAsync(int segmentgrootte)
    {
        var instellingen = (await Azurite.GetAsync()).Instellingen(AzuriteInstance.NieuwPrefix());
        instellingen["Seed:SchemaMap"] = Repo.Pad("schemas");
        instellingen["Checkpunten:Segmentgrootte"] = segmentgrootte.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return instellingen;
    }

    private static ServiceProvider Diensten(Dictionary<string, string?> instellingen) =>
        new ServiceCollection().AddLogging().AddVoortgang(new ConfigurationBuilder().AddInMemoryCollection(instellingen).Build()).BuildServiceProvider();

    private static async Task<IReadOnlyList<Checkpunt>> CheckpuntenAsync(ServiceProvider d) =>
        await d.GetRequiredKeyedService<ICheckpuntStore>(d.GetRequiredService<Core.Programmas.Programma>().Id).LijstAsync(default);

    private static List<string> Hashes(Logstand stand) =>
        [Canoniek.Hash(stand.Huidig(TimeProvider.System.Vandaag())), .. Peildata.Select(p => Canoniek.Hash(stand.Stand(p, DateTimeOffset.MaxValue))),
            Canoniek.Hash(stand.Stand(Peildata[2], stand.Regel(1200)!.VastgelegdOp))];

    // Items, statuses over rising peildata with some backdated, revisions and corrections: valid lines, 98 per append.
    private static async Task SchrijfAsync(IHistorieStore store, Logboek logboek, int aantal)
    {
        var random = new Random(32);
        var begin = new DateOnly(2020, 1, 1);
        var regels = new List<Logregel>
        {
            Logregel.Nieuw(new Revisie("", Itemsoorten.Thema, "thema-1", begin, default, Thema: new Thema("thema-1", "Thema", "Synthetisch.", 1))),
        };
        regels.AddRange(Enumerable.Range(1, 50).Select(i => Logregel.Nieuw(new Revisie("", Itemsoorten.Oplossingsrichting, $"SO-{i:00}", begin, default,
            Oplossingsrichting: new OplossingsrichtingInhoud("thema-1", $"Item {i}", "Synthetisch.", [], [], [], "Niet bekend.", false, [])))));
        var laatste = new Dictionary<string, long>();
        var n = regels.Count;
        while (n < aantal)
        {
            var item = $"SO-{random.Next(1, 51):00}";
            var datum = begin.AddDays(n * 2000 / aantal - (random.Next(10) == 0 ? random.Next(30) : 0));
            n++;
            regels.Add(random.Next(20) == 0
                ? Logregel.Nieuw(new Revisie("", Itemsoorten.Oplossingsrichting, item, datum, default,
                    Oplossingsrichting: new OplossingsrichtingInhoud("thema-1", $"Item {item} ({n})", "Herzien.", [], [], [], "Niet bekend.", false, [])))
                : Logregel.Nieuw(new Statusregel("", item, Statussen.Alle[random.Next(Statussen.Alle.Count)], datum < begin ? begin : datum, "afgeleid",
                    new Bron("Overleg", null, Soort: "overheid"), "Synthetisch.", random.Next(15) == 0 && laatste.TryGetValue(item, out var v) ? $"st-{v}" : null, default)));
            if (regels[^1].Status is not null)
            {
                laatste[item] = n;
            }
        }

        foreach (var batch in regels.Chunk(Toevoeging.MaxRegels))
        {
            await store.VoegToeAsync(new Toevoeging(batch, await logboek.VersAsync(default), Vastlegger.Seed), default);
        }
    }
}
