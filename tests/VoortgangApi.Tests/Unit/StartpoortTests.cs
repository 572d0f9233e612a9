using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Time.Testing;
using Moq;
using VoortgangApi.Functions.Http;

namespace VoortgangApi.Tests.Unit;

/// <summary>The start's log read (and seed) runs beside the worker's start-up; every function waits for it.</summary>
public class StartpoortTests
{
    private static FunctionContext Context() => Mock.Of<FunctionContext>(c => c.CancellationToken == CancellationToken.None);

    [Fact]
    public async Task AFunctionRunsOnlyOnceTheStartHasReadTheLog()
    {
        var poort = new Startpoort(TimeProvider.System);
        var aangeroepen = 0;
        var aanroep = new StartpoortMiddleware(poort).Invoke(Context(), _ => { aangeroepen++; return Task.CompletedTask; });
        await Task.Delay(100);
        Assert.False(aanroep.IsCompleted);
        Assert.Equal(0, aangeroepen);
        Assert.False(poort.EersteAanroep.IsCompleted);

        poort.Opent();
        await aanroep.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, aangeroepen);
        Assert.True(poort.EersteAanroep.IsCompletedSuccessfully, "work that waits for the first request may start");
    }

    [Fact]
    public async Task AFailedStartFailsTheFunctionsThatWaitWithoutRunningThem()
    {
        var poort = new Startpoort(TimeProvider.System);
        var aangeroepen = 0;
        var aanroep = new StartpoortMiddleware(poort).Invoke(Context(), _ => { aangeroepen++; return Task.CompletedTask; });
        poort.Faalt(new InvalidOperationException("tabel onbereikbaar"));
        var fout = await Assert.ThrowsAsync<InvalidOperationException>(() => aanroep);
        Assert.Equal("tabel onbereikbaar", fout.Message);
        Assert.Equal(0, aangeroepen);
    }

    [Fact]
    public async Task WorkThatWaitsForQuietStartsOnlyASecondAfterTheLastFunctionEnded()
    {
        var tijd = new FakeTimeProvider();
        var poort = new Startpoort(tijd);
        poort.Opent();
        var middleware = new StartpoortMiddleware(poort);
        var eerste = new TaskCompletionSource();
        var aanroep = middleware.Invoke(Context(), _ => eerste.Task);
        var stil = poort.StilAsync(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), CancellationToken.None);

        await StapAsync(tijd, 5_000);
        Assert.False(stil.IsCompleted); // the first request is still running

        eerste.SetResult();
        await aanroep;
        await StapAsync(tijd, 600);
        var tweede = new TaskCompletionSource();
        var volgende = middleware.Invoke(Context(), _ => tweede.Task); // another request within the second
        await StapAsync(tijd, 500);
        Assert.False(stil.IsCompleted); // a second after the first one ended, but the next one still runs

        await StapAsync(tijd, 400);
        tweede.SetResult();
        await volgende;
        await StapAsync(tijd, 700);
        Assert.False(stil.IsCompleted); // 0.7 s since the last one ended

        await StapAsync(tijd, 400);
        await stil.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WorkThatWaitsForQuietStartsAtTheLatestMomentWhenTheFunctionsStayBusy()
    {
        var tijd = new FakeTimeProvider();
        var poort = new Startpoort(tijd);
        poort.Opent();
        var bezig = new TaskCompletionSource();
        var aanroep = new StartpoortMiddleware(poort).Invoke(Context(), _ => bezig.Task);
        var stil = poort.StilAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), CancellationToken.None);

        await StapAsync(tijd, 9_000);
        Assert.False(stil.IsCompleted);
        await StapAsync(tijd, 1_100);
        await stil.WaitAsync(TimeSpan.FromSeconds(5)); // without an exception: the work starts anyway

        bezig.SetResult();
        await aanroep;
        using var stop = new CancellationTokenSource();
        var gestopt = poort.StilAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), stop.Token);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gestopt); // the worker stops: nothing to start
    }

    // Lets the waiting code register its timer, then moves the clock on (its timers fire at the new time).
    private static async Task StapAsync(FakeTimeProvider tijd, int ms)
    {
        await Task.Delay(100);
        tijd.Advance(TimeSpan.FromMilliseconds(ms));
        await Task.Delay(100);
    }
}
