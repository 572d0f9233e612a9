using System.Text.Json;
using NCrontab;
using VoortgangApi.LocalHost.Rpc;

namespace VoortgangApi.LocalHost;

/// <summary>
/// Fires each timer trigger over the gRPC stream on its six-field NCRONTAB schedule in UTC (as the host on Linux),
/// a <c>%Setting%</c> schedule resolved from the app settings, <c>runOnStartup</c> honoured. Runs of one function
/// never overlap: the next occurrence is computed after the previous run returned (the host's singleton, for the one
/// instance there is here). A failed run is logged and the schedule goes on.
/// </summary>
internal sealed class TimerTriggers(Werker werker, Appinstellingen instellingen, TimeProvider tijd, ILogger<TimerTriggers> logger) : BackgroundService
{
    public static CrontabSchedule Schema(string schedule, Func<string, string?> instelling)
    {
        var tekst = schedule.Length > 2 && schedule.StartsWith('%') && schedule.EndsWith('%')
            ? instelling(schedule.Trim('%')) ?? throw new InvalidOperationException($"Instelling {schedule.Trim('%')} (het schema van een timer) ontbreekt.")
            : schedule;
        return CrontabSchedule.Parse(tekst, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var eerste = await werker.GereedAsync(Timeout.InfiniteTimeSpan, stoppingToken);
        await Task.WhenAll(eerste.Functies.Where(f => f.IsTimer).Select(f => LoopAsync(f.Naam, f.Trigger, stoppingToken)));
    }

    private async Task LoopAsync(string naam, Trigger trigger, CancellationToken ct)
    {
        var schema = Schema(trigger.Schedule ?? throw new InvalidDataException($"Timer {naam} heeft geen schedule."), instellingen.Lees);
        var vorige = tijd.GetUtcNow().UtcDateTime;
        if (trigger.RunOnStartup)
        {
            await VuurAsync(naam, trigger, vorige, schema.GetNextOccurrence(vorige), vorige, ct);
        }

        while (!ct.IsCancellationRequested)
        {
            var volgende = schema.GetNextOccurrence(vorige);
            var wacht = volgende - tijd.GetUtcNow().UtcDateTime;
            if (wacht > TimeSpan.Zero)
            {
                await Task.Delay(wacht, tijd, ct);
            }

            await VuurAsync(naam, trigger, vorige, schema.GetNextOccurrence(volgende), volgende, ct);
            vorige = volgende;
        }
    }

    private async Task VuurAsync(string naam, Trigger trigger, DateTime vorige, DateTime volgende, DateTime gepland, CancellationToken ct)
    {
        var nu = tijd.GetUtcNow().UtcDateTime;
        // TimerInfo as the host serialises it; the worker's converter reads ScheduleStatus and IsPastDue.
        var info = JsonSerializer.Serialize(new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new { Last = vorige, Next = volgende, LastUpdated = nu },
            IsPastDue = nu - gepland > TimeSpan.FromSeconds(1),
        });
        try
        {
            var verbinding = await werker.GereedAsync(TimeSpan.FromSeconds(60), ct);
            var functie = verbinding.Functies.Single(f => f.Naam == naam);
            var aanroep = new InvocationRequest
            {
                InvocationId = Guid.NewGuid().ToString(),
                FunctionId = functie.Id,
                InputData = { new ParameterBinding { Name = trigger.Name, Data = new TypedData { Json = info } } },
                TriggerMetadata = { ["TimerTrigger"] = new TypedData { String = nu.ToString("O") } },
            };
            var antwoord = await verbinding.RoepAanAsync(aanroep, TimeSpan.FromMinutes(30), ct);
            if (antwoord.Result.Status != StatusResult.Types.Status.Success)
            {
                logger.LogError("Timerfunctie {Functie} mislukte: {Fout}", naam, antwoord.Result.Exception?.Message);
            }
            else
            {
                logger.LogInformation("Timerfunctie {Functie} uitgevoerd (gepland {Gepland:O})", naam, gepland);
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is IOException or TimeoutException)
        {
            logger.LogWarning("Timerfunctie {Functie} niet uitgevoerd: {Fout}", naam, ex.Message);
        }
    }
}
