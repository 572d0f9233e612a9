using Microsoft.Azure.Functions.Worker;
using NCrontab;

namespace VoortgangApi.LocalHost;

/// <summary>
/// Runs each timer trigger of functions.metadata on its NCRONTAB schedule (six fields, UTC, <c>%Setting%</c>
/// resolved from configuration), as the Functions host does.
/// </summary>
public sealed class TimerTriggerService(
    IEnumerable<FunctionInvoker> functies, IServiceProvider services, IConfiguration configuration,
    TimeProvider tijd, ILogger<TimerTriggerService> logger) : BackgroundService
{
    public static CrontabSchedule Schema(string schedule, IConfiguration configuration)
    {
        var tekst = schedule.StartsWith('%') && schedule.EndsWith('%')
            ? configuration[schedule.Trim('%')] ?? throw new InvalidOperationException($"Instelling {schedule.Trim('%')} ontbreekt.")
            : schedule;
        return CrontabSchedule.Parse(tekst, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(functies.Where(f => f.Entry.IsTimer).Select(f => LoopAsync(f, stoppingToken)));

    private async Task LoopAsync(FunctionInvoker functie, CancellationToken ct)
    {
        var schema = Schema(functie.Entry.Trigger!.Schedule!, configuration);
        var vorige = tijd.GetUtcNow().UtcDateTime;
        while (!ct.IsCancellationRequested)
        {
            var volgende = schema.GetNextOccurrence(vorige);
            var wacht = volgende - tijd.GetUtcNow().UtcDateTime;
            if (wacht > TimeSpan.Zero)
            {
                await Task.Delay(wacht, tijd, ct);
            }

            var info = new TimerInfo
            {
                IsPastDue = tijd.GetUtcNow().UtcDateTime - volgende > TimeSpan.FromSeconds(1),
                ScheduleStatus = new ScheduleStatus { Last = vorige, Next = schema.GetNextOccurrence(volgende), LastUpdated = volgende },
            };
            try
            {
                await using var scope = services.CreateAsyncScope();
                await functie.InvokeAsync(scope.ServiceProvider, p => p.ParameterType == typeof(TimerInfo) ? info : ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && VoortgangApi.Storage.OpslagFouten.IsOnbereikbaar(ex))
            {
                // Storage away: one line per run, the next occurrence tries again.
                logger.LogWarning("Timerfunctie {Functie}: opslag onbereikbaar ({Fout})", functie.Entry.Name, VoortgangApi.Storage.OpslagFouten.Omschrijving(ex));
                logger.LogDebug(ex, "Details van de opslagfout in {Functie}", functie.Entry.Name);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Like the Functions host: a failed run is logged and the next occurrence runs as planned.
                logger.LogError(ex, "Timerfunctie {Functie} mislukt", functie.Entry.Name);
            }

            vorige = volgende;
        }
    }
}
