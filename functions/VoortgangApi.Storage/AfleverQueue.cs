using Azure.Storage.Queues;
using VoortgangApi.Core.Volgen;

namespace VoortgangApi.Storage;

/// <summary>
/// The webhook delivery queue in Azure Queue Storage, and its poison queue <c>{name}-poison</c> (the name the Functions
/// host gives it). Messages are base64, the queue trigger's default encoding; a retry is a new message that becomes
/// visible after its pause (at most 7 days, far above the longest pause).
/// </summary>
internal sealed class AfleverQueue(QueueServiceClient service, string naam) : IAfleverwachtrij
{
    private readonly QueueClient _wachtrij = service.GetQueueClient(naam);
    private readonly QueueClient _poison = service.GetQueueClient(naam + "-poison");
    private volatile bool _bestaan;

    public async Task ZetAsync(Aflevering aflevering, TimeSpan wacht, CancellationToken ct)
    {
        await BestaanAsync(ct);
        // The service counts visibility in whole seconds: a pause is rounded up, never down to "at once".
        await _wachtrij.SendMessageAsync(aflevering.Json(), wacht > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Ceiling(wacht.TotalSeconds)) : null, TimeSpan.FromDays(7), ct);
    }

    public async Task OpgegevenAsync(Aflevering aflevering, CancellationToken ct)
    {
        await BestaanAsync(ct);
        await _poison.SendMessageAsync(aflevering.Json(), null, TimeSpan.FromDays(7), ct);
    }

    // Created once per process after the first success; a failure is tried again on the next message.
    private async Task BestaanAsync(CancellationToken ct)
    {
        if (!_bestaan)
        {
            await _wachtrij.CreateIfNotExistsAsync(cancellationToken: ct);
            await _poison.CreateIfNotExistsAsync(cancellationToken: ct);
            _bestaan = true;
        }
    }
}
