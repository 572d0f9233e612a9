using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// What every function waits for before it runs: the log read at the start and, on an empty store, the seed imported
/// (<see cref="SeedBijStart"/>). That work runs beside the worker's own start and the host's handshake instead of
/// before them (measured: ~0.3 s of a cold start); a request that arrives first waits here, so nothing is ever answered
/// from a store without its seed.
/// </summary>
internal sealed class Startpoort
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _eerste = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Open => _open.Task;

    /// <summary>Completes when the first function has run (answered or failed): work that can wait starts after it.</summary>
    public Task EersteAanroep => _eerste.Task;

    public void Aangeroepen() => _eerste.TrySetResult();

    public void Opent() => _open.TrySetResult();

    /// <summary>The start failed: waiting functions fail with it (the worker stops, and its host starts it again).</summary>
    public void Faalt(Exception fout) => _open.TrySetException(fout);
}

/// <summary>The first middleware of every function: it runs once the <see cref="Startpoort"/> is open.</summary>
internal sealed class StartpoortMiddleware(Startpoort poort) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        await poort.Open.WaitAsync(context.CancellationToken);
        try
        {
            await next(context);
        }
        finally
        {
            poort.Aangeroepen();
        }
    }
}
