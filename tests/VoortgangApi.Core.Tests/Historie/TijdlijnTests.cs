using Microsoft.Extensions.Logging.Abstractions;
using VoortgangApi.Core;
using VoortgangApi.Core.Historie;
using static VoortgangApi.Tests.Historie.Logproef;

namespace VoortgangApi.Tests.Historie;

/// <summary>
/// The indexed fold and the checkpoints against the reference fold (<see cref="Vouw"/>), on the random histories of
/// <see cref="VouwTests"/>: the log grown line by line in one process, a process started from a checkpoint and the lines
/// after it, and checkpoints that do not hold up.
/// </summary>
public class TijdlijnTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public async Task ALogGrownAppendByAppendAnswersEveryMomentAsTheReferenceFoldOfItsLines(int zaad)
    {
        var random = new Random(zaad);
        for (var geschiedenis = 0; geschiedenis < 20; geschiedenis++)
        {
            var log = VouwTests.WillekeurigLog(random, 40);
            var store = new VasteHistorieStore(log);
            using var logboek = new Logboek(store, Versheid());
            var eerder = new List<(Logstand Stand, int Aantal)>();
            while (store.Zichtbaar < log.Count)
            {
                store.Zichtbaar = Math.Min(log.Count, store.Zichtbaar + random.Next(1, 6));
                var stand = await logboek.VersAsync(default);
                eerder.Add((stand, store.Zichtbaar));
            }

            // Every state still answers for its own lines, also after later lines joined the index they share.
            foreach (var (stand, aantal) in eerder)
            {
                var (p, t) = VouwTests.WillekeurigMoment(random, log);
                Assert.Equal(Json(Vouw.Stand(log[..aantal], p, t)), Json(stand.Stand(p, t)));
                Assert.Equal(Json(Vouw.Stand(log[..aantal], DateOnly.MaxValue, DateTimeOffset.MaxValue)), Json(stand.Huidig(DateOnly.MaxValue)));
            }
        }
    }

    [Theory]
    [InlineData(14)]
    [InlineData(15)]
    public void AnIndexBuiltManyLinesAtATimeIsTheIndexBuiltLineByLine(int zaad)
    {
        var random = new Random(zaad);
        for (var geschiedenis = 0; geschiedenis < 20; geschiedenis++)
        {
            var log = VouwTests.WillekeurigLog(random, 60);
            var perRegel = new Tijdlijn();
            var perReeks = new Tijdlijn();
            for (var i = 0; i < log.Count;)
            {
                var reeks = log.Skip(i).Take(random.Next(1, 12)).ToList(); // the first into an empty index, later ones onto it
                reeks.ForEach(perRegel.Voeg);
                perReeks.VoegAlle(reeks);
                i += reeks.Count;
            }

            Assert.Equal(log.Select(r => r.Id), Enumerable.Range(0, (int)perReeks.Regels.Aantal).Select(n => perReeks.Regels[(long)n].Id));
            Assert.Equal(perRegel.Sleutels().Order(StringComparer.Ordinal), perReeks.Sleutels().Order(StringComparer.Ordinal));
            foreach (var sleutel in perRegel.Sleutels())
            {
                Assert.Equal(perRegel.RegelsVan(sleutel, log.Count).Select(r => r.Id), perReeks.RegelsVan(sleutel, log.Count).Select(r => r.Id));
            }

            foreach (var s in log.Where(r => r.Status is not null).Select(r => r.Status!))
            {
                Assert.Equal(perRegel.VervangenDoor(s.Id, log.Count)?.Id, perReeks.VervangenDoor(s.Id, log.Count)?.Id);
                Assert.Equal(perRegel.StatussenVan(s.OplossingsrichtingId, log.Count).Select(x => x.Id), perReeks.StatussenVan(s.OplossingsrichtingId, log.Count).Select(x => x.Id));
            }

            for (var vraag = 0; vraag < 20; vraag++)
            {
                var (p, t) = VouwTests.WillekeurigMoment(random, log);
                var tot = random.Next(1, log.Count + 1);
                Assert.Equal(Json(perRegel.Stand(p, t, tot)), Json(perReeks.Stand(p, t, tot)));
                Assert.Equal(Json(Vouw.Stand(log[..tot], p, t)), Json(perReeks.Stand(p, t, tot)));
            }
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public async Task AProcessStartedFromACheckpointAndTheTailAnswersAsTheFullFold(int zaad)
    {
        var random = new Random(zaad);
        for (var geschiedenis = 0; geschiedenis < 15; geschiedenis++)
        {
            var log = VouwTests.WillekeurigLog(random, 40);
            var store = new VasteHistorieStore(log);
            var checkpunten = new GeheugenCheckpuntStore();
            var eerste = new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance, elkeRegels: random.Next(1, 8), segmentgrootte: random.Next(1, 9));
            using (var logboek = new Logboek(store, Versheid(), eerste))
            {
                while (store.Zichtbaar < log.Count)
                {
                    store.Zichtbaar = Math.Min(log.Count, store.Zichtbaar + random.Next(1, 12));
                    await logboek.VersAsync(default);
                    await logboek.CheckpuntLopend;
                }
            }

            var nieuwste = checkpunten.Checkpunten.MaxBy(c => c.Volgnummer);
            store.Gelezen = 0;
            using var herstart = new Logboek(store, Versheid(), new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance));
            var stand = await herstart.VolledigAsync(default);

            Assert.Equal(log.Count, stand.Volgnummer);
            if (nieuwste is not null)
            {
                Assert.Equal(log.Count - nieuwste.Volgnummer + 1, store.Gelezen); // the tail and the checkpoint's own last line, no more
            }

            for (var vraag = 0; vraag < 20; vraag++)
            {
                var (p, t) = VouwTests.WillekeurigMoment(random, log);
                Assert.Equal(Json(Vouw.Stand(log, p, t)), Json(stand.Stand(p, t)));
            }
        }
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public async Task AStartOnACheckpointsHeadAnswersTheCurrentStateAtOnceAndEveryMomentOnceTheWholeIndexIsRead(int zaad)
    {
        var random = new Random(zaad);
        var opKop = 0;
        for (var geschiedenis = 0; geschiedenis < 15; geschiedenis++)
        {
            var log = VouwTests.WillekeurigLog(random, 40);
            var store = new VasteHistorieStore(log);
            var checkpunten = new GeheugenCheckpuntStore();
            store.Zichtbaar = Math.Max(1, log.Count - random.Next(0, 6)); // some lines come after the checkpoint
            await SchrijfCheckpuntAsync(store, checkpunten, segmentgrootte: random.Next(1, 9));

            store.Zichtbaar = log.Count;
            checkpunten.Poort = new TaskCompletionSource();
            _ = Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith(_ => checkpunten.Poort.TrySetResult(), TaskScheduler.Default); // a head that does not cover today waits for the whole index
            using var herstart = new Logboek(store, Versheid(), new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance));
            var stand = await herstart.LeesAsync(default);
            var vandaag = TimeProvider.System.Vandaag();
            Assert.Equal(Json(Vouw.Stand(log, vandaag, DateTimeOffset.MaxValue)), Json(stand.Huidig(vandaag)));
            if (!stand.Tijdlijn.Volledig)
            {
                opKop++;
                for (var vraag = 0; vraag < 20; vraag++)
                {
                    var (p, t) = VouwTests.WillekeurigMoment(random, log);
                    if (stand.Dekt(p, t))
                    {
                        Assert.Equal(Json(Vouw.Stand(log, p, t)), Json(stand.Stand(p, t)));
                    }
                    else
                    {
                        Assert.Throws<InvalidOperationException>(() => stand.Stand(p, t)); // never a short answer
                    }
                }

                Assert.Throws<InvalidOperationException>(() => stand.Regels);
            }

            checkpunten.Poort.TrySetResult();
            var volledig = await herstart.VolledigAsync(default);
            Assert.True(volledig.Tijdlijn.Volledig);
            Assert.Equal(log.Count, volledig.Regels.Count);
            for (var vraag = 0; vraag < 20; vraag++)
            {
                var (p, t) = VouwTests.WillekeurigMoment(random, log);
                Assert.Equal(Json(Vouw.Stand(log, p, t)), Json(volledig.Stand(p, t)));
            }
        }

        Assert.True(opKop >= 5, $"slechts {opKop} van de 15 starts op de kop");
    }

    [Theory]
    [InlineData("hash")]
    [InlineData("schema")]
    [InlineData("ander logboek")]
    [InlineData("ontbrekend segment")]
    public async Task ACheckpointThatDoesNotHoldUpIsIgnoredTheAnswersStayRightAndANewOneIsWrittenBesideTheReads(string schade)
    {
        var log = VouwTests.WillekeurigLog(new Random(7), 60);
        var store = new VasteHistorieStore(log) { Zichtbaar = log.Count };
        var checkpunten = new GeheugenCheckpuntStore();
        await SchrijfCheckpuntAsync(store, checkpunten, segmentgrootte: 4);

        var c = Assert.Single(checkpunten.Checkpunten);
        switch (schade)
        {
            case "hash": checkpunten.Segmenten[c.Segmenten[0]][5] ^= 0x20; break;
            case "schema": checkpunten.Vervang(c, c with { Schema = Checkpunten.Schema + 1 }); break;
            case "ander logboek": checkpunten.Vervang(c, c with { BekendTot = c.BekendTot.AddMinutes(1) }); break;
            case "ontbrekend segment": checkpunten.Segmenten.TryRemove(c.Segmenten[^1], out _); break;
        }

        store.Gelezen = 0;
        using var herstart = new Logboek(store, Versheid(), new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance, 1000, segmentgrootte: 4));
        var stand = await herstart.VolledigAsync(default);

        Assert.True(store.Gelezen >= log.Count); // the whole log, from the table (on a head that holds up: after its tail)
        Assert.Equal(Json(Vouw.Stand(log, DateOnly.MaxValue, DateTimeOffset.MaxValue)), Json(stand.Huidig(DateOnly.MaxValue)));
        await herstart.CheckpuntLopend;
        var nieuw = checkpunten.Checkpunten.Where(Checkpunten.IsSamenhangend).MaxBy(x => x.Volgnummer)!;
        Assert.All(nieuw.Segmenten, s => Assert.NotNull(Checkpunten.Lees(s, checkpunten.Segmenten.GetValueOrDefault(s))));
        Assert.Equal(log.Count, nieuw.Volgnummer);
    }

    [Theory]
    [InlineData(41)]
    [InlineData(42)]
    [InlineData(43)]
    public async Task EachCheckpointsWindowsHoldWhatFreshWindowsWouldThoughOnlyTheTouchedOnesAreWrittenAgainAndAnswerTheirPeildataAsTheFullFold(int zaad)
    {
        var random = new Random(zaad);
        var hergebruikt = 0;
        var vragen = 0;
        for (var geschiedenis = 0; geschiedenis < 15; geschiedenis++)
        {
            var log = VouwTests.WillekeurigLog(random, 60);
            var store = new VasteHistorieStore(log);
            var checkpunten = new GeheugenCheckpuntStore();
            var beheer = new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance, elkeRegels: random.Next(1, 6), segmentgrootte: random.Next(1, 9), vensterdoel: random.Next(1, 7));
            using var logboek = new Logboek(store, Versheid(), beheer);
            Checkpunt? vorige = null;
            while (store.Zichtbaar < log.Count)
            {
                store.Zichtbaar = Math.Min(log.Count, store.Zichtbaar + random.Next(1, 8));
                await logboek.VersAsync(default);
                await logboek.CheckpuntLopend;
                var c = checkpunten.Checkpunten.MaxBy(x => x.Volgnummer);
                if (c is null || c == vorige)
                {
                    continue;
                }

                // Every window, reused or written, is what the index at the checkpoint gives for its range.
                Assert.True(Checkpunten.VenstersSluitend(c.Vensters!));
                var opCheckpunt = new Logstand(log[..(int)c.Volgnummer]).Tijdlijn;
                foreach (var v in c.Vensters!)
                {
                    var inhoud = Checkpunten.LeesVenster(c, v, checkpunten.Segmenten.GetValueOrDefault(v.Bestand));
                    Assert.NotNull(inhoud);
                    var (regels, winnaars) = opCheckpunt.Kop(v.Van, c.Volgnummer, v.Tot);
                    Assert.Equal(regels.Select(r => r.Volgnummer), inhoud.Regels.Select(r => r.Volgnummer));
                    Assert.Equal(winnaars, inhoud.Winnaars);
                    hergebruikt += vorige?.Vensters?.Contains(v) == true ? 1 : 0;
                }

                // A window with the lines after the checkpoint answers as the reference fold, or says it does not cover.
                for (var vraag = 0; vraag < 10; vraag++)
                {
                    var (p, t) = VouwTests.WillekeurigMoment(random, log);
                    var v = c.VensterVoor(p)!;
                    var inhoud = Checkpunten.LeesVenster(c, v, checkpunten.Segmenten[v.Bestand])!;
                    var staart = log.Skip((int)c.Volgnummer).Take(store.Zichtbaar - (int)c.Volgnummer);
                    var stand = new Logstand(Tijdlijn.VanVenster(inhoud, c.BekendTot, staart), store.Zichtbaar, log[store.Zichtbaar - 1].VastgelegdOp);
                    if (stand.Dekt(p, t))
                    {
                        vragen++;
                        Assert.Equal(Json(Vouw.Stand(log[..store.Zichtbaar], p, t)), Json(stand.Stand(p, t)));
                    }
                    else
                    {
                        Assert.Throws<InvalidOperationException>(() => stand.Stand(p, t));
                    }
                }

                vorige = c;
            }
        }

        Assert.True(hergebruikt >= 10, $"slechts {hergebruikt} vensters hergebruikt"); // random dates touch most windows; a real log touches its last
        Assert.True(vragen > 100, $"slechts {vragen} vragen door een venster beantwoord");
    }

    [Theory]
    [InlineData(51)]
    [InlineData(52)]
    public async Task AnAsOfReadAfterAStartOnAHeadIsAnsweredFromOneWindowWithoutWaitingForTheWholeIndex(int zaad)
    {
        var random = new Random(zaad);
        var uitVenster = 0;
        for (var geschiedenis = 0; geschiedenis < 10; geschiedenis++)
        {
            var log = VouwTests.WillekeurigLog(random, 60);
            var store = new VasteHistorieStore(log);
            var checkpunten = new GeheugenCheckpuntStore();
            store.Zichtbaar = Math.Max(1, log.Count - random.Next(0, 6));
            await SchrijfCheckpuntAsync(store, checkpunten, segmentgrootte: 4, vensterdoel: 5);

            store.Zichtbaar = log.Count;
            checkpunten.Poort = new TaskCompletionSource(); // the segments wait: only the head and windows can answer
            using var herstart = new Logboek(store, Versheid(), new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance));
            var lezen = herstart.LeesAsync(default); // the store answers at once: only the segments wait
            if (!lezen.IsCompleted)
            {
                checkpunten.Poort.TrySetResult(); // a head that no longer covers today waits for the whole index (tested above)
                await lezen;
                continue;
            }

            var opKop = await lezen;
            Assert.False(opKop.Tijdlijn.Volledig);
            for (var vraag = 0; vraag < 20; vraag++)
            {
                var (p, _) = VouwTests.WillekeurigMoment(random, log);
                var stand = herstart.DekkendAsync(opKop, p, DateTimeOffset.MaxValue, default);
                if (!stand.IsCompleted)
                {
                    continue; // a correction after the checkpoint replaced an entry the window starts from: the whole index answers
                }

                uitVenster++;
                Assert.False((await stand).Tijdlijn.Volledig);
                Assert.Equal(Json(Vouw.Stand(log, p, DateTimeOffset.MaxValue)), Json((await stand).Stand(p, DateTimeOffset.MaxValue)));
            }

            checkpunten.Poort.TrySetResult();
            Assert.True((await herstart.VolledigAsync(default)).Tijdlijn.Volledig);
        }

        Assert.True(uitVenster >= 100, $"slechts {uitVenster} van de 200 uit een venster");
    }

    [Theory]
    [InlineData(61)]
    [InlineData(62)]
    public async Task AWriteAfterAStartOnAHeadJudgesByTheStatusInForceFromAWindowWithoutWaitingForTheWholeIndex(int zaad)
    {
        var random = new Random(zaad);
        var uitVenster = 0;
        for (var geschiedenis = 0; geschiedenis < 10; geschiedenis++)
        {
            var log = VouwTests.WillekeurigLog(random, 60);
            var store = new VasteHistorieStore(log) { Zichtbaar = log.Count };
            var checkpunten = new GeheugenCheckpuntStore();
            await SchrijfCheckpuntAsync(store, checkpunten, segmentgrootte: 4, vensterdoel: 5);

            checkpunten.Poort = new TaskCompletionSource(); // the segments wait: a write that needed them would not finish
            using var herstart = new Logboek(store, Versheid(), new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance));
            var vastlegging = new Vastlegging(store, herstart, NullLogger<Vastlegging>.Instance);
            for (var vraag = 0; vraag < 10; vraag++)
            {
                var item = log[random.Next(log.Count)] is { Status: { } s } ? s.OplossingsrichtingId : "ZD-01";
                var (p, _) = VouwTests.WillekeurigMoment(random, log);
                (bool Volledig, string? Id)? gezien = null;
                var schrijven = vastlegging.SchrijfAsync(stand =>
                {
                    gezien = (stand.Tijdlijn.Volledig, stand.StatusInForce(item, p)?.Id);
                    return new Toevoeging([], stand, null); // judged only: nothing appended
                }, default, dekt: p);
                if (!schrijven.IsCompleted)
                {
                    break; // the head or the window does not cover (a correction after the checkpoint): the whole index judges
                }

                uitVenster++;
                Assert.True((await schrijven).IsGelukt);
                Assert.False(gezien!.Value.Volledig);
                Assert.Equal(Vouw.StatussenInForce(log.Select(r => r.Status).OfType<Statusregel>(), p).GetValueOrDefault(item)?.Id, gezien.Value.Id);
            }

            checkpunten.Poort.TrySetResult();
        }

        Assert.True(uitVenster >= 50, $"slechts {uitVenster} van de 100 op een venster beoordeeld");
    }

    [Theory]
    [InlineData(71)]
    [InlineData(72)]
    public async Task TheNewestLinesAfterAStartOnAHeadComeFromTheTailAndTheLastSegmentsWithoutTheWholeIndex(int zaad)
    {
        var random = new Random(zaad);
        var zonderIndex = 0;
        for (var geschiedenis = 0; geschiedenis < 10; geschiedenis++)
        {
            var (log, store, checkpunten, c) = await GecheckpuntAsync(random);
            checkpunten.Poort = new TaskCompletionSource(); // only the last two segments can be read
            checkpunten.Vrij.UnionWith(c.Segmenten.TakeLast(2));
            using var herstart = new Logboek(store, Versheid(), new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance));
            // Mostly no more than the tail and the two segments hold; sometimes more (then the whole index answers).
            var beschikbaar = (int)(log.Count - c.Volgnummer + c.Segmenten.TakeLast(2).Sum(x => x.Tot - x.Van + 1));
            var aantal = random.Next(4) == 0 ? beschikbaar + random.Next(1, 5) : random.Next(1, beschikbaar + 1);
            var nieuwste = herstart.NieuwsteAsync(aantal, default);
            if (nieuwste.IsCompleted && c.Segmenten.Count > 2) // with two or fewer the whole index may be read meanwhile
            {
                zonderIndex++;
                Assert.False((await nieuwste).Stand.Tijdlijn.Volledig);
            }

            checkpunten.Poort.TrySetResult(); // more lines than the two segments hold, or a head that no longer covers today
            var (_, regels) = await nieuwste;
            Assert.Equal(Enumerable.Reverse(log).Take(aantal).Select(r => r.Volgnummer), regels.Select(r => r.Volgnummer));
        }

        Assert.True(zonderIndex >= 5, $"slechts {zonderIndex} van de 10 zonder de hele index");
    }

    [Theory]
    [InlineData("beschadigd venster")]
    [InlineData("checkpunt zonder vensters")]
    public async Task ADamagedWindowOrACheckpointWithoutWindowsIsAnsweredByTheWholeIndexAndTheNextCheckpointWritesItAgain(string schade)
    {
        var log = VouwTests.WillekeurigLog(new Random(9), 60);
        var store = new VasteHistorieStore(log) { Zichtbaar = log.Count };
        var checkpunten = new GeheugenCheckpuntStore();
        await SchrijfCheckpuntAsync(store, checkpunten, segmentgrootte: 4, vensterdoel: 5);

        var c = Assert.Single(checkpunten.Checkpunten);
        var venster = c.Vensters![c.Vensters.Count / 2];
        var peildatum = venster.Van == DateOnly.MinValue ? venster.Tot : venster.Van;
        if (schade == "beschadigd venster")
        {
            checkpunten.Segmenten[venster.Bestand][3] ^= 0x20;
        }
        else
        {
            checkpunten.Vervang(c, c with { Vensters = null });
        }

        using var herstart = new Logboek(store, Versheid(), new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance, 1000, segmentgrootte: 4, vensterdoel: 5));
        var stand = await herstart.DekkendAsync(await herstart.LeesAsync(default), peildatum, DateTimeOffset.MaxValue, default);

        Assert.True(stand.Tijdlijn.Volledig); // not the damaged or missing window: the whole index
        Assert.Equal(Json(Vouw.Stand(log, peildatum, DateTimeOffset.MaxValue)), Json(stand.Stand(peildatum, DateTimeOffset.MaxValue)));
        await herstart.CheckpuntLopend;
        var nieuw = checkpunten.Checkpunten.MaxBy(x => x.Volgnummer)!;
        Assert.Equal(log.Count, nieuw.Volgnummer); // written again at the same number, beside the reads
        Assert.All(nieuw.Vensters!, v => Assert.NotNull(Checkpunten.LeesVenster(nieuw, v, checkpunten.Segmenten.GetValueOrDefault(v.Bestand))));
    }

    [Fact]
    public async Task AFailedReadingOfTheWholeIndexIsReadAgainForTheRequestsThatFollowAndThenHolds()
    {
        var log = VouwTests.WillekeurigLog(new Random(11), 60);
        var store = new VasteHistorieStore(log) { Zichtbaar = log.Count };
        var checkpunten = new GeheugenCheckpuntStore();
        await SchrijfCheckpuntAsync(store, checkpunten, segmentgrootte: 4);

        // The start reads the head; the whole index beside it fails once (one segment unreachable).
        var segment = Assert.Single(checkpunten.Checkpunten).Segmenten[^1];
        checkpunten.Fout = segment;
        checkpunten.FoutenTeGaan = 1;
        using var herstart = new Logboek(store, Versheid(), new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance, 1000, segmentgrootte: 4));
        try
        {
            await herstart.LeesAsync(default);
        }
        catch (IOException)
        {
            // a head that does not cover today waits for the whole index, and sees it fail
        }

        await Assert.ThrowsAsync<IOException>(() => herstart.VolledigLopend);
        Assert.Equal(1, checkpunten.Leesbeurten[segment]);

        // Ten requests after the failure: one new reading for all of them (here they do not race for it; the lock in
        // Logboek keeps it one reading when they do).
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            try
            {
                await herstart.VolledigAsync(default);
            }
            catch (IOException)
            {
                // the failed reading, reported to the requests that waited for it
            }
        })));
        var volledig = await herstart.VolledigAsync(default);

        Assert.True(volledig.Tijdlijn.Volledig);
        Assert.Equal(log.Count, volledig.Regels.Count);
        Assert.Equal(2, checkpunten.Leesbeurten[segment]);
    }
}
