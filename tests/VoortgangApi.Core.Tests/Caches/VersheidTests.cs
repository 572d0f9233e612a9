using Microsoft.Extensions.Time.Testing;
using VoortgangApi.Core;

namespace VoortgangApi.Tests.Caches;

/// <summary>The one freshness rule every cache uses, on a clock the test moves.</summary>
public class VersheidTests
{
    private readonly FakeTimeProvider _klok = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly Wijzigingsteller _teller = new();
    private int _ladingen;

    private Versheid Versheid() => new(_teller, _klok, TimeSpan.FromSeconds(5));

    private Task<int> Laad(CancellationToken _) => Task.FromResult(++_ladingen);

    private static Task<int> Faal(CancellationToken _) => throw new IOException("opslag onbereikbaar");

    [Fact]
    public async Task AKeptValueServesUntilTheIntervalHasPassed()
    {
        var versheid = Versheid();
        var b = await versheid.LeesAsync(null, Laad, default);
        _klok.Advance(TimeSpan.FromSeconds(4));
        b = await versheid.LeesAsync(b, Laad, default);
        Assert.Equal(1, _ladingen);

        _klok.Advance(TimeSpan.FromSeconds(1));
        b = await versheid.LeesAsync(b, Laad, default);

        Assert.Equal(2, b.Waarde);
    }

    [Fact]
    public async Task AWriteInThisProcessMakesAKeptValueStaleAtOnce()
    {
        var versheid = Versheid();
        var b = await versheid.LeesAsync(null, Laad, default);

        _teller.Meld();
        b = await versheid.LeesAsync(b, Laad, default);

        Assert.Equal(2, b.Waarde);
    }

    [Fact]
    public async Task AFailedFirstLoadIsNotKept()
    {
        var versheid = Versheid();

        await Assert.ThrowsAsync<IOException>(() => versheid.LeesAsync<int>(null, Faal, default));
        var b = await versheid.LeesAsync(null, Laad, default);

        Assert.Equal(1, b.Waarde);
        Assert.Null(b.OnbevestigdSinds);
    }

    [Fact]
    public async Task AFailedRefreshServesTheLastGoodValueSayingSinceWhenUntilALoadSucceeds()
    {
        var versheid = Versheid();
        var goed = await versheid.LeesAsync(null, Laad, default);
        _klok.Advance(TimeSpan.FromSeconds(6));

        var oud = await versheid.LeesAsync(goed, Faal, default);
        Assert.Equal((1, goed.Moment), (oud.Waarde, oud.OnbevestigdSinds));
        Assert.True(versheid.IsVers(oud)); // served for another interval: storage is not asked again at once

        _klok.Advance(TimeSpan.FromSeconds(6));
        var weer = await versheid.LeesAsync(oud, Laad, default);
        Assert.Equal(2, weer.Waarde);
        Assert.Null(weer.OnbevestigdSinds);
    }

    [Fact]
    public async Task ARequestThatFillsTheEdgeNeverGetsAValueLoadedBeforeItArrived()
    {
        var versheid = Versheid();
        var b = await versheid.LeesAsync(null, Laad, default);
        _klok.Advance(TimeSpan.FromSeconds(1));

        using (global::VoortgangApi.Core.Versheid.EisVersSinds(_klok.GetUtcNow()))
        {
            b = await versheid.LeesAsync(b, Laad, default);
            Assert.Equal(2, b.Waarde);
            b = await versheid.LeesAsync(b, Laad, default); // loaded for this request: no second load
            Assert.Equal(2, b.Waarde);
        }

        _klok.Advance(TimeSpan.FromSeconds(1));
        b = await versheid.LeesAsync(b, Laad, default);
        Assert.Equal(2, _ladingen); // other requests keep the rule of the interval
    }

    [Fact]
    public async Task ALoadThatBeganBeforeTheFillsArrivalDoesNotSatisfyIt()
    {
        var versheid = Versheid();
        var poort = new TaskCompletionSource();
        var lopend = versheid.LeesAsync<int>(null, async ct => { await poort.Task; return ++_ladingen; }, default);
        _klok.Advance(TimeSpan.FromMilliseconds(10));
        var aankomst = _klok.GetUtcNow();
        poort.SetResult();
        var oud = await lopend;

        using (global::VoortgangApi.Core.Versheid.EisVersSinds(aankomst))
        {
            var b = await versheid.LeesAsync(oud, Laad, default);
            Assert.Equal(2, b.Waarde);
        }
    }
}
