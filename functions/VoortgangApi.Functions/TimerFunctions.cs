using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using VoortgangApi.Functions.Programmas;

namespace VoortgangApi.Functions;

/// <summary>
/// The timers, over every programme: take the snapshot of each planned cycle whose peildatum has passed, and publish
/// every vastgesteld cycle not yet published, then the overview of all programmes (SNAPSHOT_SCHEDULE, NCRONTAB, UTC). A programme that fails is logged and
/// never keeps the next programme from its snapshot or publication; the next run tries it again.
/// </summary>
public sealed class TimerFunctions(Programmakeuze programmas, Programmaoverzicht overzicht, ILogger<TimerFunctions> logger)
{
    [Function("neemVerlopenMomentopnamen")]
    public async Task NeemVerlopenMomentopnamen([TimerTrigger("%SNAPSHOT_SCHEDULE%")] TimerInfo timer, CancellationToken ct)
    {
        var aantal = await PerProgrammaAsync("momentopnamen", async p => (await p.Momentopnamen.NeemVerlopenAsync(ct)).Count, ct);
        logger.LogInformation("Timer (te laat: {TeLaat}): {Aantal} cycli vastgesteld", timer.IsPastDue, aantal);
    }

    [Function("publiceerOpenData")]
    public async Task PubliceerOpenData([TimerTrigger("%SNAPSHOT_SCHEDULE%")] TimerInfo timer, CancellationToken ct)
    {
        var aantal = await PerProgrammaAsync("publicatie", async p => (await p.Publicatie.PubliceerOntbrekendAsync(ct)).Count, ct);
        await overzicht.ProbeerAsync(ct);
        logger.LogInformation("Timer (te laat: {TeLaat}): {Aantal} cycli gepubliceerd", timer.IsPastDue, aantal);
    }

    private async Task<int> PerProgrammaAsync(string taak, Func<Programmadiensten, Task<int>> doe, CancellationToken ct)
    {
        var totaal = 0;
        foreach (var p in await programmas.AlleAsync(ct))
        {
            try
            {
                totaal += await doe(p);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Timer: {Taak} van programma {Programma} mislukt; de andere programma's gaan door", taak, p.Context.Id);
            }
        }

        return totaal;
    }
}
