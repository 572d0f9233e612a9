using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VoortgangApi.LocalHost;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>
/// The local host with the deployed schedule (hourly, as infra/main.parameters.json) on a clock the test moves: the
/// timers fire when the test advances the hour, not when real time passes.
/// </summary>
public sealed class TimerklokApi : TestApi
{
    public TimerklokApi() => Stel("SNAPSHOT_SCHEDULE", "0 0 * * * *");

    public FakeTimeProvider Klok { get; } = new(DateTimeOffset.UtcNow);

    public LogVanger Timerlog { get; } = new("VoortgangApi.LocalHost.TimerTriggers");

    protected override void Configureer(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TimeProvider>(Klok);
        builder.Logging.AddProvider(Timerlog);
        builder.Logging.AddFilter<LogVanger>("VoortgangApi.LocalHost.TimerTriggers", LogLevel.Information);
    }
}

public class TimerApiTests(TimerklokApi api) : IClassFixture<TimerklokApi>
{
    [Fact]
    public void EveryTimerTheWorkerIndexedHasAScheduleTheHostCanParse()
    {
        var timers = api.Host.Services.GetRequiredService<Werker>().Huidig!.Functies.Where(f => f.IsTimer).ToList();

        Assert.Equal(["neemVerlopenMomentopnamen", "publiceerOpenData"], timers.Select(t => t.Naam).Order());
        Assert.All(timers, t => Assert.Equal("%SNAPSHOT_SCHEDULE%", t.Trigger.Schedule));
        Assert.All(timers, t => Assert.NotNull(TimerTriggers.Schema(t.Trigger.Schedule!, _ => "* * * * * *")));
    }

    [Fact]
    public async Task PlannedCycleWithAPastPeildatumBecomesVastgesteldWithoutFurtherCalls()
    {
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/rapportagecycli/timer-2025")
        {
            Content = new StringContent("""{"titel":"Timer","peildatum":"2025-01-01","kamerbrief":{"datum":"2025-01-02"}}""", Encoding.UTF8, "application/json"),
        };
        put.Headers.Authorization = new("Bearer", api.Token("beheren"));
        Assert.Equal(HttpStatusCode.Created, (await api.Client.SendAsync(put)).StatusCode);

        // The next hour on the host's clock: the snapshot timer fires once and the host logs when the worker finished it.
        // (Advanced again only if the timer loop had not yet read the clock when the hour first passed.)
        bool Uitgevoerd() => api.Timerlog.Regels.Any(r => r.Bericht.Contains("neemVerlopenMomentopnamen uitgevoerd", StringComparison.Ordinal));
        for (var uur = 0; uur < 3 && !Uitgevoerd(); uur++)
        {
            api.Klok.Advance(TimeSpan.FromHours(1));
            await api.Timerlog.WachtAsync(Uitgevoerd, TimeSpan.FromSeconds(20));
        }

        Assert.True(Uitgevoerd(), "de snapshot-timer is niet uitgevoerd");
        var toestand = (await api.GetJsonAsync("/api/v1/rapportagecycli/timer-2025")).GetProperty("toestand").GetString();
        Assert.Equal("vastgesteld", toestand);
        // Planned by the client-credentials app, frozen by the timer: the audit says so, not a person.
        var opgeslagen = (await api.Service<VoortgangApi.Core.Cycli.ICyclusStore>().LeesAsync("timer-2025", default))!.Cyclus;
        Assert.Equal("toepassing voortgang-beheren", opgeslagen.GeplandDoor?.Naam);
        Assert.Equal(VoortgangApi.Core.Historie.Vastlegger.Timer, opgeslagen.VastgesteldDoor);
    }
}
