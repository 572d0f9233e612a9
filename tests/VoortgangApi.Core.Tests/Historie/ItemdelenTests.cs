using Microsoft.Extensions.Logging.Abstractions;
using VoortgangApi.Core.Historie;
using static VoortgangApi.Tests.Historie.Logproef;

namespace VoortgangApi.Tests.Historie;

/// <summary>
/// Each checkpoint's parts of every item's lines (<see cref="Itemdelen"/>), against the lines themselves, on the random
/// histories of <see cref="VouwTests"/>; and the reads that use them after a start on a checkpoint's head (an item's
/// history and feeds, a page of the change feed) against the log.
/// </summary>
public class ItemdelenTests
{
    [Theory]
    [InlineData(81)]
    [InlineData(82)]
    [InlineData(83)]
    public async Task EachCheckpointsPartsHoldExactlyEachItemsLinesThoughOnlyTheItemsRecordedSinceHaveTheirLastPartWrittenAgain(int zaad)
    {
        var random = new Random(zaad);
        var hergebruikt = 0;
        for (var geschiedenis = 0; geschiedenis < 15; geschiedenis++)
        {
            var log = VouwTests.WillekeurigLog(random, 60);
            var store = new VasteHistorieStore(log);
            var checkpunten = new GeheugenCheckpuntStore();
            var grootte = random.Next(1, 5);
            var beheer = new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance, elkeRegels: random.Next(1, 6), segmentgrootte: random.Next(1, 9), itemgrootte: grootte);
            using var logboek = new Logboek(store, Versheid(), beheer);
            (Checkpunt C, Itemregister Register)? vorige = null;
            while (store.Zichtbaar < log.Count)
            {
                store.Zichtbaar = Math.Min(log.Count, store.Zichtbaar + random.Next(1, 8));
                await logboek.VersAsync(default);
                await logboek.CheckpuntLopend;
                var c = checkpunten.Checkpunten.MaxBy(x => x.Volgnummer);
                if (c is null || c == vorige?.C)
                {
                    continue;
                }

                // The reference is the lines themselves, grouped by their item: not the index the checkpoint was written from.
                var register = Itemdelen.LeesRegister(c, checkpunten.Segmenten.GetValueOrDefault(c.Itemregister!));
                Assert.NotNull(register);
                var perItem = log.Take((int)c.Volgnummer).GroupBy(Itemdelen.Sleutel, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
                Assert.Equal(perItem.Keys.Order(StringComparer.Ordinal), register.Items.Keys.Order(StringComparer.Ordinal));
                var sinds = log.Skip((int)(vorige?.C.Volgnummer ?? 0)).Take((int)(c.Volgnummer - (vorige?.C.Volgnummer ?? 0))).Select(Itemdelen.Sleutel).ToHashSet(StringComparer.Ordinal);
                foreach (var (sleutel, delen) in register.Items)
                {
                    var gelezen = delen.Select(d => Itemdelen.Lees(sleutel, d, checkpunten.Segmenten.GetValueOrDefault(d.Bestand(sleutel)))).ToList();
                    Assert.All(gelezen, Assert.NotNull); // stored, and not removed by the clean-up after the checkpoint
                    Assert.Equal(perItem[sleutel].Select(r => r.Volgnummer), gelezen.SelectMany(g => g!).Select(r => r.Volgnummer));
                    Assert.All(delen.SkipLast(1), d => Assert.Equal(grootte, d.Aantal));
                    if (vorige?.Register.Items.GetValueOrDefault(sleutel) is { } oud)
                    {
                        // An item without new lines keeps its parts; one with new lines at least its full ones.
                        var volle = sinds.Contains(sleutel) ? oud.Where(d => d.Aantal == grootte).ToList() : oud;
                        Assert.Equal(volle, delen.Take(volle.Count));
                        hergebruikt += volle.Count;
                    }
                }

                vorige = (c, register);
            }
        }

        Assert.True(hergebruikt >= 100, $"slechts {hergebruikt} itemdelen hergebruikt");
    }

    [Theory]
    [InlineData(91)]
    [InlineData(92)]
    public async Task AnItemsLinesAfterAStartOnAHeadComeFromItsPartsAndTheTailWithoutTheWholeIndex(int zaad)
    {
        var random = new Random(zaad);
        var zonderIndex = 0;
        for (var geschiedenis = 0; geschiedenis < 10; geschiedenis++)
        {
            var (log, store, checkpunten, _) = await GecheckpuntAsync(random, willekeurigeItemgrootte: true);
            checkpunten.Poort = new TaskCompletionSource(); // the segments wait: the whole index cannot be read
            using var herstart = new Logboek(store, Versheid(), new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance));
            var lezen = herstart.LeesAsync(default);
            if (!lezen.IsCompleted)
            {
                checkpunten.Poort.TrySetResult(); // a head that no longer covers today waits for the whole index (tested elsewhere)
                await lezen;
                continue;
            }

            var sleutels = log.Select(Itemdelen.Sleutel).Distinct(StringComparer.Ordinal).Append("oplossingsrichting/ZD-99").ToList();
            for (var vraag = 0; vraag < 10; vraag++)
            {
                var gekozen = sleutels.Where(_ => random.Next(2) == 0).ToList();
                int? nieuwste = random.Next(3) == 0 ? null : random.Next(1, 8);
                var taak = herstart.ItemregelsAsync(_ => gekozen, nieuwste, default);
                Assert.True(taak.IsCompleted); // every file it needs is free: it did not wait for the segments
                var (stand, regels) = await taak;
                Assert.False(stand.Tijdlijn.Volledig);
                zonderIndex++;
                Assert.Equal(regels.OrderBy(r => r.Volgnummer).Select(r => r.Volgnummer), regels.Select(r => r.Volgnummer));
                foreach (var sleutel in gekozen)
                {
                    var alle = log.Where(r => Itemdelen.Sleutel(r) == sleutel).ToList();
                    var eigen = regels.Where(r => Itemdelen.Sleutel(r) == sleutel).ToList();
                    Assert.Equal(alle.TakeLast(eigen.Count).Select(r => r.Volgnummer), eigen.Select(r => r.Volgnummer)); // its newest, in order
                    if (nieuwste is not { } n)
                    {
                        Assert.Equal(alle.Count, eigen.Count);
                    }
                    else if (eigen.Count < alle.Count)
                    {
                        // At least the newest n, and every line of the moment of the n-th newest; what is left out is older.
                        Assert.True(eigen.Count >= n, $"{eigen.Count} van {alle.Count} regels, {n} gevraagd");
                        Assert.True(alle[alle.Count - eigen.Count - 1].VastgelegdOp < alle[alle.Count - n].VastgelegdOp);
                    }
                }
            }

            checkpunten.Poort.TrySetResult();
        }

        Assert.True(zonderIndex >= 50, $"slechts {zonderIndex} van de 100 zonder de hele index");
    }

    [Theory]
    [InlineData(93)]
    [InlineData(94)]
    public async Task APageOfTheChangeFeedAfterAStartOnAHeadComesFromItsSegmentsAndTheTailWithoutTheWholeIndex(int zaad)
    {
        var random = new Random(zaad);
        var zonderIndex = 0;
        for (var geschiedenis = 0; geschiedenis < 10; geschiedenis++)
        {
            var (log, store, checkpunten, c) = await GecheckpuntAsync(random);
            checkpunten.Poort = new TaskCompletionSource(); // the first segment waits: the whole index cannot be read
            checkpunten.Vrij.UnionWith(c.Segmenten.Skip(1));
            using var herstart = new Logboek(store, Versheid(), new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance));
            var paginas = new List<(long Na, int Aantal, Task<(Logstand Stand, IReadOnlyList<Logregel> Regels)> Taak)>();
            for (var vraag = 0; vraag < 10; vraag++)
            {
                var na = (long)random.Next(0, log.Count + 2);
                var aantal = random.Next(1, 10);
                var taak = herstart.RegelsNaAsync(na, aantal, default);
                if (taak.IsCompleted && na >= c.Segmenten[0].Tot)
                {
                    zonderIndex++;
                    Assert.False((await taak).Stand.Tijdlijn.Volledig);
                }

                paginas.Add((na, aantal, taak));
            }

            checkpunten.Poort.TrySetResult(); // pages in the first segment (or a head that no longer covers today) wait for it
            foreach (var (na, aantal, taak) in paginas)
            {
                Assert.Equal(log.Skip((int)Math.Min(na, log.Count)).Take(aantal).Select(r => r.Volgnummer), (await taak).Regels.Select(r => r.Volgnummer));
            }
        }

        Assert.True(zonderIndex >= 30, $"slechts {zonderIndex} van de 100 zonder de hele index");
    }

    [Theory]
    [InlineData("beschadigd itemdeel")]
    [InlineData("checkpunt zonder itemregister")]
    public async Task ADamagedPartOrACheckpointWithoutItemsIsAnsweredByTheWholeIndexAndTheNextCheckpointWritesThemAgain(string schade)
    {
        var log = VouwTests.WillekeurigLog(new Random(9), 60);
        var store = new VasteHistorieStore(log) { Zichtbaar = log.Count };
        var checkpunten = new GeheugenCheckpuntStore();
        await SchrijfCheckpuntAsync(store, checkpunten, segmentgrootte: 4, itemgrootte: 3);

        var c = Assert.Single(checkpunten.Checkpunten);
        var register = Itemdelen.LeesRegister(c, checkpunten.Segmenten[c.Itemregister!])!;
        var (sleutel, delen) = register.Items.First(i => i.Value.Count >= 2);
        if (schade == "beschadigd itemdeel")
        {
            checkpunten.Segmenten[delen[0].Bestand(sleutel)][3] ^= 0x20;
        }
        else
        {
            checkpunten.Vervang(c, c with { Itemregister = null });
        }

        checkpunten.Poort = new TaskCompletionSource(); // the whole index waits until the item's read has seen the damage
        using var herstart = new Logboek(store, Versheid(), new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance, 1000, segmentgrootte: 4, itemgrootte: 3));
        await herstart.LeesAsync(default);
        var taak = herstart.ItemregelsAsync(_ => [sleutel], null, default);
        Assert.False(taak.IsCompleted); // not the damaged or missing part: it waits for the whole index
        checkpunten.Poort.TrySetResult();
        var (stand, regels) = await taak;

        Assert.True(stand.Tijdlijn.Volledig);
        Assert.Equal(log.Where(r => Itemdelen.Sleutel(r) == sleutel).Select(r => r.Volgnummer), regels.Select(r => r.Volgnummer));
        await herstart.CheckpuntLopend;
        var nieuw = checkpunten.Checkpunten.MaxBy(x => x.Volgnummer)!;
        Assert.Equal(log.Count, nieuw.Volgnummer); // written again at the same number, beside the reads
        var opnieuw = Itemdelen.LeesRegister(nieuw, checkpunten.Segmenten.GetValueOrDefault(nieuw.Itemregister!))!;
        Assert.All(opnieuw.Items, i => Assert.All(i.Value, d => Assert.NotNull(Itemdelen.Lees(i.Key, d, checkpunten.Segmenten.GetValueOrDefault(d.Bestand(i.Key))))));
    }
}
