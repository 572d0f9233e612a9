using Microsoft.Extensions.Logging.Abstractions;
using VoortgangApi.Core;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Historie;

/// <summary>
/// Two instances on one log: a write judges its first attempt on the log as its instance holds it, without reading
/// storage; the append holds that against storage, and whatever was not appended is judged again on storage's state.
/// </summary>
public class VastleggingTests
{
    [Fact]
    public async Task AWriteJudgedOnAHeldStateThatStorageHasPassedIsRefusedByTheAppendAndJudgedAgainOnStoragesState()
    {
        var (store, a, b) = await TweeInstantiesAsync();
        var gezien = new List<long>();

        var r = await b.SchrijfAsync(s =>
        {
            gezien.Add(s.Volgnummer);
            return new Toevoeging([Regel("van B")], s, null);
        }, default);

        Assert.True(r.IsGelukt);
        Assert.Equal([1L, 2L], gezien); // the held state (1), refused by the append; then storage's (2, with A's line)
        Assert.Equal(3, Assert.Single(r.Waarde!).Volgnummer);
        Assert.Equal(["eerste", "van A", "van B"], (await store.LeesNaAsync(0, default)).Select(x => x.Revisie!.Thema!.Naam));
    }

    [Fact]
    public async Task ARefusalOrNothingToAppendOnAHeldStateIsJudgedAgainOnStoragesState()
    {
        var (_, a, b) = await TweeInstantiesAsync();

        // A precondition only storage's newest state meets (an If-Match with the ETag another instance gave out).
        var geweigerd = await b.SchrijfAsync(s => s.Volgnummer == 2 ? new Toevoeging([Regel("na A")], s, null) : Probleem.Conflict("verouderd"), default);
        Assert.True(geweigerd.IsGelukt);
        Assert.Equal(3, Assert.Single(geweigerd.Waarde!).Volgnummer);

        // Nothing to append on the held state (3) while storage has A's next line (4): judged again, and appended.
        Assert.True((await a.SchrijfAsync(s => new Toevoeging([Regel("weer van A")], s, null), default)).IsGelukt);
        var leeg = await b.SchrijfAsync(s => new Toevoeging(s.Volgnummer == 4 ? [Regel("na A, weer")] : [], s, null), default);
        Assert.Equal(5, Assert.Single(leeg.Waarde!).Volgnummer);
    }

    [Fact]
    public async Task AWriteOnAHeldStateThatIsCurrentReadsNothingFromStorageFirst()
    {
        var (store, _, b) = await TweeInstantiesAsync();
        Assert.True((await b.SchrijfAsync(s => new Toevoeging([Regel("van B")], s, null), default)).IsGelukt); // B now holds 3
        var voor = store.Leesacties;

        var r = await b.SchrijfAsync(s => new Toevoeging([Regel("nog een")], s, null), default);

        Assert.Equal(4, Assert.Single(r.Waarde!).Volgnummer);
        Assert.Equal(voor, store.Leesacties);
    }

    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    public async Task AfterAStartOnAHeadAWriteForAnEarlierPeildatumIsJudgedOnTheHeadAndAWindowWithoutAskingStorageForNewLines(int zaad)
    {
        var random = new Random(zaad);
        var opVenster = 0;
        for (var geschiedenis = 0; geschiedenis < 10; geschiedenis++)
        {
            var log = VouwTests.WillekeurigLog(random, 60);
            var store = new Logproef.VasteHistorieStore(log) { Zichtbaar = log.Count };
            var checkpunten = new Logproef.GeheugenCheckpuntStore();
            await Logproef.SchrijfCheckpuntAsync(store, checkpunten, segmentgrootte: 4, vensterdoel: 5);
            checkpunten.Poort = new TaskCompletionSource(); // the segments wait: the whole index cannot be read
            using var herstart = new Logboek(store, Logproef.Versheid(), new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance));
            var lezen = herstart.LeesAsync(default);
            if (!lezen.IsCompleted)
            {
                checkpunten.Poort.TrySetResult(); // a head that no longer covers today (tested elsewhere)
                continue;
            }

            var beurten = store.Leesbeurten;
            foreach (var s in log.Select(r => r.Status).OfType<Statusregel>().Take(5))
            {
                var gehouden = herstart.GehoudenAsync(s.Peildatum, default);
                if (!gehouden.IsCompleted || await gehouden is not { } stand)
                {
                    continue; // a correction after the checkpoint took the window's starting point: the write reads storage
                }

                opVenster++;
                Assert.False(stand.Tijdlijn.Volledig);
                Assert.Equal(Vouw.StatussenInForce(log.Select(r => r.Status).OfType<Statusregel>(), s.Peildatum).GetValueOrDefault(s.OplossingsrichtingId)?.Id,
                    stand.StatusInForce(s.OplossingsrichtingId, s.Peildatum)?.Id);
            }

            Assert.Equal(beurten, store.Leesbeurten); // the held state: storage was not asked for new lines
            checkpunten.Poort.TrySetResult();
        }

        Assert.True(opVenster >= 20, $"slechts {opVenster} op de kop en een venster beoordeeld");
    }

    // A and B on one store; B holds the log at line 1 (within its interval) while A has appended line 2.
    private static async Task<(InMemoryHistorieStore Store, Vastlegging A, Vastlegging B)> TweeInstantiesAsync()
    {
        var store = new InMemoryHistorieStore();
        var a = new Vastlegging(store, store.Logboek(), NullLogger<Vastlegging>.Instance);
        var logboekB = store.Logboek();
        var b = new Vastlegging(store, logboekB, NullLogger<Vastlegging>.Instance);
        Assert.True((await a.SchrijfAsync(s => new Toevoeging([Regel("eerste")], s, null), default)).IsGelukt);
        Assert.Equal(1, (await logboekB.LeesAsync(default)).Volgnummer);
        Assert.True((await a.SchrijfAsync(s => new Toevoeging([Regel("van A")], s, null), default)).IsGelukt);
        return (store, a, b);
    }

    private static Logregel Regel(string naam) =>
        Logregel.Nieuw(new Revisie("", Itemsoorten.Thema, "thema-1", new DateOnly(2024, 1, 1), default, Thema: new Thema("thema-1", naam, "Synthetisch.", 1)));
}
