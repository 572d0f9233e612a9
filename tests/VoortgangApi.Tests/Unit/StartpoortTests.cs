using Microsoft.Azure.Functions.Worker;
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
        var poort = new Startpoort();
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
        var poort = new Startpoort();
        var aangeroepen = 0;
        var aanroep = new StartpoortMiddleware(poort).Invoke(Context(), _ => { aangeroepen++; return Task.CompletedTask; });
        poort.Faalt(new InvalidOperationException("tabel onbereikbaar"));
        var fout = await Assert.ThrowsAsync<InvalidOperationException>(() => aanroep);
        Assert.Equal("tabel onbereikbaar", fout.Message);
        Assert.Equal(0, aangeroepen);
    }
}
