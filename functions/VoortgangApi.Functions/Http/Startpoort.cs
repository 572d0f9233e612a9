using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// What every function waits for before it runs: the log read at the start and, on an empty store, the seed imported
/// (<see cref="SeedBijStart"/>). That work runs beside the worker's own start and the host's handshake instead of
/// before them (measured: ~0.3 s of a cold start); a request that arrives first waits here, so nothing is ever answered
/// from a store without its seed. It also knows when the functions are quiet, for work that can wait for that.
/// </summary>
internal sealed class Startpoort(TimeProvider tijd)
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _eerste = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _lopend;
    private long _laatsteEinde;

    public Task Open => _open.Task;

    /// <summary>Completes when the first function has run (answered or failed).</summary>
    public Task EersteAanroep => _eerste.Task;

    public void Opent() => _open.TrySetResult();

    /// <summary>The start failed: waiting functions fail with it (the worker stops, and its host starts it again).</summary>
    public void Faalt(Exception fout) => _open.TrySetException(fout);

    internal void Begint() => Interlocked.Increment(ref _lopend);

    internal void Eindigt()
    {
        Interlocked.Exchange(ref _laatsteEinde, tijd.GetTimestamp());
        Interlocked.Decrement(ref _lopend);
        _eerste.TrySetResult();
    }

    /// <summary>
    /// Completes once the first function has run and then none has run for <paramref name="stilte"/>, or at the latest
    /// after <paramref name="uiterlijk"/>: the first requests after a cold start come in a burst (a page and what it
    /// loads), and on two cores work beside them slows each one.
    /// </summary>
    public async Task StilAsync(TimeSpan stilte, TimeSpan uiterlijk, CancellationToken ct)
    {
        using var genoeg = new CancellationTokenSource(uiterlijk, tijd);
        using var wachten = CancellationTokenSource.CreateLinkedTokenSource(ct, genoeg.Token);
        try
        {
            await EersteAanroep.WaitAsync(wachten.Token);
            while (true)
            {
                var sinds = tijd.GetElapsedTime(Interlocked.Read(ref _laatsteEinde));
                if (Volatile.Read(ref _lopend) == 0 && sinds >= stilte)
                {
                    return;
                }

                await Task.Delay(Volatile.Read(ref _lopend) > 0 || sinds >= stilte ? stilte : stilte - sinds, tijd, wachten.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // busy (or no request) until the latest moment: the waiting work starts anyway
        }
    }
}

/// <summary>The first middleware of every function: it runs once the <see cref="Startpoort"/> is open.</summary>
internal sealed class StartpoortMiddleware(Startpoort poort) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        await poort.Open.WaitAsync(context.CancellationToken);
        poort.Begint();
        try
        {
            await next(context);
        }
        finally
        {
            poort.Eindigt();
        }
    }
}
