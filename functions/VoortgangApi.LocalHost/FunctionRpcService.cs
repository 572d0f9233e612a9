using System.Collections.Concurrent;
using Grpc.Core;
using VoortgangApi.LocalHost.Rpc;

namespace VoortgangApi.LocalHost;

/// <summary>The channels the host expects: one per worker process it started, keyed by the worker id it gave that process.</summary>
internal sealed class WerkerRegister
{
    private readonly ConcurrentDictionary<string, WerkerKanaal> _verwacht = new(StringComparer.Ordinal);

    public void Verwacht(WerkerKanaal kanaal) => _verwacht[kanaal.WerkerId] = kanaal;

    public void Vergeet(WerkerKanaal kanaal) => _verwacht.TryRemove(kanaal.WerkerId, out _);

    public WerkerKanaal? Zoek(string werkerId) => _verwacht.GetValueOrDefault(werkerId);
}

/// <summary>
/// <c>AzureFunctionsRpcMessages.FunctionRpc/EventStream</c>: the worker calls it and must open with
/// <c>StartStream</c> carrying the worker id the host passed on its command line; any other stream is ignored, as
/// the Azure host does.
/// </summary>
internal sealed class FunctionRpcService(WerkerRegister register, ILogger<FunctionRpcService> logger) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken))
        {
            return;
        }

        var eerste = requestStream.Current;
        if (eerste.ContentCase != StreamingMessage.ContentOneofCase.StartStream || register.Zoek(eerste.StartStream.WorkerId) is not { } kanaal)
        {
            logger.LogWarning("Stroom genegeerd: het eerste bericht is {Soort}, geen StartStream van een werker die deze host startte", eerste.ContentCase);
            return;
        }

        await kanaal.BedienAsync(requestStream, responseStream, context.CancellationToken);
    }
}
