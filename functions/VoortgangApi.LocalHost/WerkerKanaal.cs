using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using VoortgangApi.LocalHost.Rpc;

namespace VoortgangApi.LocalHost;

/// <summary>
/// The host's end of <c>FunctionRpc.EventStream</c> with one worker process: one writer drains a queue onto the
/// stream (gRPC allows one write at a time), one reader routes what the worker sends — answers to the host's requests
/// by request id, invocation results by invocation id, logs to the host's log.
/// </summary>
internal sealed class WerkerKanaal(string werkerId, ILoggerFactory logs)
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);
    private readonly Channel<StreamingMessage> _uit = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _wacht = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _verbonden = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _gesloten = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string WerkerId { get; } = werkerId;

    /// <summary>Completes when the worker has opened the stream with its StartStream.</summary>
    public Task Verbonden => _verbonden.Task;

    /// <summary>Completes when the stream has ended (the worker stopped or the host shuts down).</summary>
    public Task Gesloten => _gesloten.Task;

    /// <summary>Runs the stream until it ends; the first message has already been checked to be this worker's StartStream.</summary>
    public async Task BedienAsync(IAsyncStreamReader<StreamingMessage> inkomend, IServerStreamWriter<StreamingMessage> uitgaand, CancellationToken ct)
    {
        _verbonden.TrySetResult();
        var schrijver = SchrijfAsync(uitgaand, ct);
        try
        {
            while (await inkomend.MoveNext(ct))
            {
                Verwerk(inkomend.Current);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or Grpc.Core.RpcException)
        {
            // The worker went away or the host stops: the watcher reports the process exit itself.
        }
        finally
        {
            _uit.Writer.TryComplete();
            Sluit(new IOException("De verbinding met het werkerproces is verbroken."));
            await schrijver.ConfigureAwait(false);
        }
    }

    /// <summary>Sends a request and waits for the answer with the same request id (or invocation id).</summary>
    public async Task<StreamingMessage> VraagAsync(StreamingMessage bericht, string sleutel, TimeSpan limiet, CancellationToken ct)
    {
        var antwoord = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_wacht.TryAdd(sleutel, antwoord))
        {
            throw new InvalidOperationException($"Er wacht al een verzoek met id {sleutel}.");
        }

        try
        {
            Stuur(bericht);
            return await antwoord.Task.WaitAsync(limiet, ct);
        }
        finally
        {
            _wacht.TryRemove(sleutel, out _);
        }
    }

    public void Stuur(StreamingMessage bericht)
    {
        if (!_uit.Writer.TryWrite(bericht))
        {
            throw new IOException("De verbinding met het werkerproces is gesloten.");
        }
    }

    /// <summary>Fails everything still waiting: the worker cannot answer any more.</summary>
    public void Sluit(Exception reden)
    {
        _uit.Writer.TryComplete();
        foreach (var (_, wacht) in _wacht)
        {
            wacht.TrySetException(reden);
        }

        _gesloten.TrySetResult();
    }

    private async Task SchrijfAsync(IServerStreamWriter<StreamingMessage> uitgaand, CancellationToken ct)
    {
        try
        {
            await foreach (var bericht in _uit.Reader.ReadAllAsync(ct))
            {
                await uitgaand.WriteAsync(bericht, ct);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            Sluit(new IOException("Schrijven naar het werkerproces mislukte.", ex));
        }
    }

    private void Verwerk(StreamingMessage bericht)
    {
        switch (bericht.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.RpcLog:
                Log(bericht.RpcLog);
                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                Beantwoord(bericht.InvocationResponse.InvocationId, bericht);
                break;
            case StreamingMessage.ContentOneofCase.None:
                // The worker answers WorkerTerminate and InvocationCancel with an empty message: nothing to do.
                break;
            default:
                Beantwoord(bericht.RequestId, bericht);
                break;
        }
    }

    private void Beantwoord(string sleutel, StreamingMessage bericht)
    {
        if (_wacht.TryGetValue(sleutel, out var wacht))
        {
            wacht.TrySetResult(bericht);
        }
    }

    // The worker's own log lines (its ILogger output, as RpcLog) in the host's log, under the worker's category, so the
    // host's log filters (appsettings.json) apply to them as to its own.
    private void Log(RpcLog log)
    {
        var logger = _loggers.GetOrAdd(log.Category is { Length: > 0 } c ? c : "Werker", logs.CreateLogger);
        var niveau = log.Level switch
        {
            RpcLog.Types.Level.Trace => LogLevel.Trace,
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Information => LogLevel.Information,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            RpcLog.Types.Level.Error => LogLevel.Error,
            RpcLog.Types.Level.Critical => LogLevel.Critical,
            _ => LogLevel.None,
        };
        if (niveau == LogLevel.None || !logger.IsEnabled(niveau))
        {
            return;
        }

        if (log.Exception is { } fout)
        {
            logger.Log(niveau, "[werker] {Bericht}\n{Fout}: {Foutbericht}\n{Stack}", log.Message, fout.Type, fout.Message, fout.StackTrace);
        }
        else
        {
            logger.Log(niveau, "[werker] {Bericht}", log.Message);
        }
    }
}
