using VoortgangApi.LocalHost.Rpc;

namespace VoortgangApi.LocalHost;

/// <summary>A worker that has finished the handshake: its stream, the HTTP endpoint it announced, its loaded functions.</summary>
internal sealed class Verbinding(WerkerKanaal kanaal, Uri httpUri, IReadOnlyList<Functie> functies, HttpRoutes routes, int procesId)
{
    public WerkerKanaal Kanaal { get; } = kanaal;

    /// <summary>The worker's own HTTP server (capability <c>HttpUri</c>), where the host forwards HTTP requests.</summary>
    public Uri HttpUri { get; } = httpUri;

    public IReadOnlyList<Functie> Functies { get; } = functies;
    public HttpRoutes Routes { get; } = routes;
    public int ProcesId { get; } = procesId;

    /// <summary>Sends one invocation and waits for its result; a cancelled caller makes the host send InvocationCancel.</summary>
    public async Task<InvocationResponse> RoepAanAsync(InvocationRequest aanroep, TimeSpan limiet, CancellationToken ct)
    {
        aanroep.TraceContext ??= new RpcTraceContext(); // the worker reads it without a null check
        var bericht = new StreamingMessage { RequestId = Guid.NewGuid().ToString(), InvocationRequest = aanroep };
        try
        {
            return (await Kanaal.VraagAsync(bericht, aanroep.InvocationId, limiet, ct)).InvocationResponse;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Kanaal.Stuur(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = aanroep.InvocationId } });
            throw;
        }
    }
}

/// <summary>The host's view of its worker: ready (with a <see cref="Verbinding"/>) or on its way there.</summary>
internal sealed class Werker
{
    private readonly object _slot = new();
    private TaskCompletionSource<Verbinding> _gereed = Nieuw();

    /// <summary>The ready worker, waiting for it while it starts or restarts (bounded by <paramref name="limiet"/>).</summary>
    public Task<Verbinding> GereedAsync(TimeSpan limiet, CancellationToken ct)
    {
        lock (_slot)
        {
            return _gereed.Task.WaitAsync(limiet, ct);
        }
    }

    /// <summary>The ready worker now, or null.</summary>
    public Verbinding? Huidig
    {
        get
        {
            lock (_slot)
            {
                return _gereed.Task.IsCompletedSuccessfully ? _gereed.Task.Result : null;
            }
        }
    }

    internal void Gereed(Verbinding verbinding)
    {
        lock (_slot)
        {
            if (!_gereed.TrySetResult(verbinding))
            {
                _gereed = Nieuw();
                _gereed.SetResult(verbinding);
            }
        }

        // The moment its stream ends, a worker is no longer ready: new requests wait for the next one.
        verbinding.Kanaal.Gesloten.ContinueWith(_ => Weg(verbinding), TaskScheduler.Default);
    }

    internal void Weg(Verbinding? alleen = null)
    {
        lock (_slot)
        {
            if (_gereed.Task.IsCompleted && (alleen is null || (_gereed.Task.IsCompletedSuccessfully && _gereed.Task.Result == alleen)))
            {
                _gereed = Nieuw();
            }
        }
    }

    private static TaskCompletionSource<Verbinding> Nieuw() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
