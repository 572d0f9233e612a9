using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VoortgangApi.LocalHost;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>The local host with the snapshot timer firing every second.</summary>
public sealed class SnelleTimerApi : TestApi
{
    public SnelleTimerApi() => Stel("SNAPSHOT_SCHEDULE", "* * * * * *");
}

public class TimerApiTests(SnelleTimerApi api) : IClassFixture<SnelleTimerApi>
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

        // Poll the public read until the timer has done its work (bounded: 30 s).
        var tot = DateTime.UtcNow.AddSeconds(30);
        string? toestand = null;
        while (DateTime.UtcNow < tot && toestand != "vastgesteld")
        {
            toestand = (await api.GetJsonAsync("/api/v1/rapportagecycli/timer-2025")).GetProperty("toestand").GetString();
            if (toestand != "vastgesteld")
            {
                await Task.Delay(200);
            }
        }

        Assert.Equal("vastgesteld", toestand);
        // Planned by the client-credentials app, frozen by the timer: the audit says so, not a person.
        var opgeslagen = (await api.Service<VoortgangApi.Core.Cycli.ICyclusStore>().LeesAsync("timer-2025", default))!.Cyclus;
        Assert.Equal("toepassing voortgang-beheren", opgeslagen.GeplandDoor?.Naam);
        Assert.Equal(VoortgangApi.Core.Historie.Vastlegger.Timer, opgeslagen.VastgesteldDoor);
    }
}
