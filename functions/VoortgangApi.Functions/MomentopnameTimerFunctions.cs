using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using VoortgangApi.Core.Cycli;

namespace VoortgangApi.Functions;

/// <summary>Takes the snapshot of every planned cycle whose peildatum has passed, on the SNAPSHOT_SCHEDULE (NCRONTAB, UTC).</summary>
public sealed class MomentopnameTimerFunctions(MomentopnameService momentopnamen, ILogger<MomentopnameTimerFunctions> logger)
{
    [Function("neemVerlopenMomentopnamen")]
    public async Task NeemVerlopenMomentopnamen([TimerTrigger("%SNAPSHOT_SCHEDULE%")] TimerInfo timer, CancellationToken ct)
    {
        var vastgesteld = await momentopnamen.NeemVerlopenAsync(ct);
        logger.LogInformation("Timer (te laat: {TeLaat}): {Aantal} cycli vastgesteld", timer.IsPastDue, vastgesteld.Count);
    }
}
