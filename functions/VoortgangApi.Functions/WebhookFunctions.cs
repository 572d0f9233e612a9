using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using VoortgangApi.Core.Volgen;

namespace VoortgangApi.Functions;

/// <summary>
/// Delivers the webhook messages from the queue (WEBHOOKS_QUEUE). A delivery that fails is queued again by the core with
/// its own growing pause; this function fails (and the host retries it, then moves it to the poison queue after its
/// maximum dequeue count) only when the message is not a delivery or storage cannot be reached.
/// </summary>
public sealed class WebhookFunctions(Bezorger bezorger, ILogger<WebhookFunctions> logger)
{
    [Function("bezorgWebhook")]
    public async Task BezorgWebhook([QueueTrigger("%" + WebhookOptions.WachtrijInstelling + "%")] string bericht, CancellationToken ct)
    {
        var aflevering = Aflevering.Lees(bericht) ?? throw new InvalidDataException("Dit bericht is geen webhookbezorging.");
        var uitkomst = await bezorger.BezorgAsync(aflevering, ct);
        logger.LogInformation("Webhook {WebhookId} (poging {Poging}) voor {Abonnement}: {Uitkomst}", aflevering.WebhookId, aflevering.Poging, aflevering.AbonnementId, uitkomst);
    }
}
