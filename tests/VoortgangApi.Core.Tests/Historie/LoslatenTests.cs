using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VoortgangApi.Core;
using VoortgangApi.Core.Historie;
using static VoortgangApi.Tests.Historie.Logproef;

namespace VoortgangApi.Tests.Historie;

/// <summary>
/// A process that reads the whole index only when something needs it (a checkpoint due, an as-of read no window answers)
/// and lets it go again: it moves on to its own newest checkpoint's head, and every answer stays the full fold's.
/// </summary>
public class LoslatenTests
{
    private static readonly TimeSpan Vasthouden = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(71)]
    [InlineData(72)]
    [InlineData(73)]
    public async Task AProcessOnAHeadReadsTheWholeIndexWhenACheckpointIsDueWritesItAndMovesOnToItsHeadAnsweringAsTheFullFold(int zaad)
    {
        var random = new Random(zaad);
        var log = VouwTests.WillekeurigLog(random, 80);
        while (log.Count < 40)
        {
            log = VouwTests.WillekeurigLog(random, 80);
        }

        var store = new VasteHistorieStore(log) { Zichtbaar = log.Count / 4 };
        var checkpunten = new GeheugenCheckpuntStore();
        await SchrijfCheckpuntAsync(store, checkpunten, segmentgrootte: 4, vensterdoel: 5);

        var tijd = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var vandaag = tijd.Vandaag();
        using var logboek = new Logboek(store, new Versheid(new Wijzigingsteller(), tijd, TimeSpan.Zero),
            new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance, elkeRegels: 5, segmentgrootte: 4, vensterdoel: 5),
            Timeout.InfiniteTimeSpan, Vasthouden);

        var start = await logboek.LeesAsync(default);
        Assert.Equal(checkpunten.Checkpunten.Max(c => c.Volgnummer), logboek.OpKop);
        var koppen = new HashSet<long> { logboek.OpKop!.Value };
        var uitVenster = 0;
        while (store.Zichtbaar < log.Count)
        {
            // Lines come from another writer; each read asks storage for them (the freshness interval is zero).
            store.Zichtbaar = Math.Min(log.Count, store.Zichtbaar + random.Next(1, 4));
            var zichtbaar = log.Take(store.Zichtbaar).ToList();
            var stand = await logboek.LeesAsync(default);
            Assert.Equal(store.Zichtbaar, stand.Volgnummer);
            Assert.Equal(Json(Vouw.Stand(zichtbaar, vandaag, DateTimeOffset.MaxValue)), Json(stand.Huidig(vandaag)));

            // Every state, on a head or whole: an as-of read (a window, or the whole index read for it) and a page of the log.
            var (p, _) = VouwTests.WillekeurigMoment(random, zichtbaar);
            var dekkend = await logboek.DekkendAsync(stand, p, DateTimeOffset.MaxValue, default);
            uitVenster += dekkend.Tijdlijn.Volledig ? 0 : 1;
            Assert.Equal(Json(Vouw.Stand(zichtbaar, p, DateTimeOffset.MaxValue)), Json(dekkend.Stand(p, DateTimeOffset.MaxValue)));
            var na = random.Next(0, store.Zichtbaar);
            var (_, pagina) = await logboek.RegelsNaAsync(na, 7, default);
            Assert.Equal(zichtbaar.Skip(na).Take(7).Select(r => r.Id), pagina.Select(r => r.Id));

            // Then quiet: once the newest checkpoint is written and five minutes passed, the process runs on that head.
            await NaRustAsync(tijd, logboek, checkpunten);
            Assert.Equal(checkpunten.Checkpunten.Max(c => c.Volgnummer), logboek.OpKop);
            Assert.False((await logboek.LeesAsync(default)).Tijdlijn.Volledig); // a head that answers today, not one a correction took
            koppen.Add(logboek.OpKop!.Value);
        }

        // It wrote its own checkpoints on the way (every 5 lines) and moved on to them, not only to the first.
        Assert.True(koppen.Count >= 4, $"slechts {koppen.Count} koppen: {string.Join(", ", koppen)}");
        Assert.True(koppen.Max() >= log.Count - 5, $"de laatste kop {koppen.Max()} ligt ver voor regel {log.Count}");
        Assert.True(uitVenster > 0, "geen enkele vraag door een venster beantwoord");
        var volledig = await logboek.VolledigAsync(default);
        Assert.True(volledig.Tijdlijn.Volledig);
        Assert.Equal(log.Select(r => r.Id), volledig.Regels.Select(r => r.Id));
        Assert.False(start.Tijdlijn.Volledig);
    }

    [Fact]
    public async Task AProcessKeepsTheWholeIndexWhileRequestsNeedItAndWhenKeepingIsSwitchedOff()
    {
        var log = VouwTests.WillekeurigLog(new Random(74), 60);
        var store = new VasteHistorieStore(log) { Zichtbaar = log.Count };
        var checkpunten = new GeheugenCheckpuntStore();
        await SchrijfCheckpuntAsync(store, checkpunten, segmentgrootte: 4);
        var tijd = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Logboek Nieuw(TimeSpan vasthouden) => new(store, new Versheid(new Wijzigingsteller(), tijd, TimeSpan.Zero),
            new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance, elkeRegels: 5, segmentgrootte: 4), Timeout.InfiniteTimeSpan, vasthouden);

        using var loslatend = Nieuw(Vasthouden);
        await loslatend.LeesAsync(default);
        Assert.Equal(log.Count, loslatend.OpKop);
        for (var minuut = 0; minuut < 12; minuut++)
        {
            Assert.True((await loslatend.VolledigAsync(default)).Tijdlijn.Volledig); // a request needs it every minute
            tijd.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
            Assert.Null(loslatend.OpKop);
        }

        await NaRustAsync(tijd, loslatend, checkpunten);
        Assert.Equal(log.Count, loslatend.OpKop);

        using var vasthoudend = Nieuw(TimeSpan.Zero);
        await vasthoudend.VolledigAsync(default);
        tijd.Advance(TimeSpan.FromHours(2));
        await Task.Delay(50);
        Assert.Null(vasthoudend.OpKop);
        Assert.True(vasthoudend.LoslatenLopend.IsCompleted);
    }

    // Moves the clock on a minute at a time until the process runs on the newest checkpoint's head and is done writing.
    private static async Task NaRustAsync(FakeTimeProvider tijd, Logboek logboek, GeheugenCheckpuntStore checkpunten)
    {
        for (var stap = 0; stap < 200; stap++)
        {
            await logboek.VolledigLopend;
            await logboek.CheckpuntLopend;
            if (logboek.OpKop is { } kop && kop == checkpunten.Checkpunten.Max(c => c.Volgnummer))
            {
                return;
            }

            tijd.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(5);
        }
    }
}
