using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using StandardWebhooks;
using VoortgangApi.LocalHost;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Volgen;

/// <summary>The API with a receiver on loopback allowed (only here: Azure allows https to public addresses only) and short retry pauses.</summary>
public sealed class WebhookApi : TestApi
{
    public WebhookApi()
    {
        Stel("Webhooks:LoopbackToegestaan", "true");
        Stel("Webhooks:PauzesSeconden", "1,1,1,1");
        Stel("Webhooks:RondeSeconden", "1");
        Stel("Webhooks:PogingenPerMinuut", "1000");
    }

    public Ontvanger Ontvanger { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Ontvanger = await Ontvanger.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Ontvanger.DisposeAsync();
    }
}

/// <summary>Subscribing, signed deliveries through the queue, retries with the same webhook-id, and a worker killed mid-delivery.</summary>
public class WebhookTests(WebhookApi api) : IClassFixture<WebhookApi>
{
    private static readonly TimeSpan Limiet = TimeSpan.FromSeconds(60);

    private async Task<(string Id, string Geheim)> AbonneerAsync(string naam, string? items = null)
    {
        var body = items is null ? $$"""{"callback":"{{api.Ontvanger.Url(naam)}}"}""" : $$"""{"callback":"{{api.Ontvanger.Url(naam)}}","items":[{{items}}]}""";
        using var antwoord = await api.Client.PostAsync("/api/v1/abonnementen", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(antwoord.StatusCode == HttpStatusCode.Created, await antwoord.Content.ReadAsStringAsync());
        Assert.True(antwoord.Headers.CacheControl?.NoStore, "the secret is never kept by a cache");
        var nieuw = await antwoord.Content.ReadFromJsonAsync<JsonElement>();
        return (nieuw.GetProperty("abonnement").GetProperty("id").GetString()!, nieuw.GetProperty("geheim").GetString()!);
    }

    private async Task<string> SchrijfAsync(string item, string status)
    {
        var body = $$$"""{"status":"{{{status}}}","peildatum":"{{{Testdatum.Gisteren}}}","zekerheid":"afgeleid","bron":{"titel":"Webhooktest","soort":"nota","datum":"{{{Testdatum.Gisteren}}}"},"toelichting":"afgeleid voor de webhooktest"}""";
        using var antwoord = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Post, $"/api/v1/oplossingsrichtingen/{item}/statussen", body));
        Assert.True(antwoord.StatusCode == HttpStatusCode.Created, await antwoord.Content.ReadAsStringAsync());
        return (await antwoord.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static JsonElement Data(Ontvanger.Ontvangen b) => JsonDocument.Parse(b.Body).RootElement.GetProperty("data");

    [Fact]
    public async Task AReceiverSubscribedToOneItemGetsExactlyTheLinesOfThatItemEachVerifiedByTheStandardWebhooksLibrary()
    {
        var (_, geheim) = await AbonneerAsync("een-item", "\"ZD-03\"");
        var regels = new List<string> { await SchrijfAsync("ZD-03", "vertraagd"), await SchrijfAsync("ZD-01", "vertraagd"), await SchrijfAsync("ZD-03", "in_uitvoering") };
        var verwacht = new[] { regels[0], regels[2] };

        await Ontvanger.WachtAsync(() => api.Ontvanger.Van("een-item").Count >= 2, Limiet);
        await Task.Delay(TimeSpan.FromSeconds(3)); // nothing else may follow: ZD-01's line is not for this subscription
        var ontvangen = api.Ontvanger.Van("een-item");

        Assert.Equal(verwacht, ontvangen.Select(b => Data(b).GetProperty("regel").GetString()).Order(StringComparer.Ordinal));
        foreach (var b in ontvangen)
        {
            new StandardWebhook(geheim).Verify(b.Body, b.Headers); // throws WebhookVerificationException when it does not hold
            Assert.Equal("status.vastgelegd", JsonDocument.Parse(b.Body).RootElement.GetProperty("type").GetString());
            Assert.Equal("ZD-03", Data(b).GetProperty("item").GetString());
            Assert.StartsWith("msg_", b.Headers["webhook-id"].ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(2, ontvangen.Select(b => b.Headers["webhook-id"].ToString()).Distinct().Count());
    }

    [Fact]
    public async Task AReceiverThatAnswers500ThreeTimesGetsTheFourthTryWithTheSameWebhookId()
    {
        api.Ontvanger.AntwoordEerst("drie-keer-fout", 500, 500, 500);
        var (_, geheim) = await AbonneerAsync("drie-keer-fout", "\"PO-02\"");
        var regel = await SchrijfAsync("PO-02", "vertraagd");

        await Ontvanger.WachtAsync(() => api.Ontvanger.Van("drie-keer-fout").Count >= 4, Limiet);
        var pogingen = api.Ontvanger.Van("drie-keer-fout");

        Assert.Equal(4, pogingen.Count);
        Assert.Single(pogingen.Select(p => p.Headers["webhook-id"].ToString()).Distinct());
        Assert.All(pogingen, p => Assert.Equal(regel, Data(p).GetProperty("regel").GetString()));
        Assert.All(pogingen, p => new StandardWebhook(geheim).Verify(p.Body, p.Headers));
        Assert.All(pogingen.Zip(pogingen.Skip(1)), paar => Assert.True(paar.Second.Op - paar.First.Op >= TimeSpan.FromMilliseconds(900), "a retry waits its pause"));
    }

    [Fact]
    public async Task AReceiverThatKeepsFailingIsPausedSaysSoWhenReadAndItsDeliveryIsInThePoisonQueue()
    {
        api.Ontvanger.AntwoordEerst("faalt-altijd", [.. Enumerable.Repeat(503, 20)]);
        var (id, geheim) = await AbonneerAsync("faalt-altijd", "\"OV-01\"");
        await SchrijfAsync("OV-01", "vertraagd");

        // 1 try + 4 retries (the fixture's pauses), then the poison queue and a paused subscription.
        JsonElement gelezen = default;
        var tot = DateTime.UtcNow + Limiet;
        while (DateTime.UtcNow < tot)
        {
            using var antwoord = await api.Client.SendAsync(Met(HttpMethod.Get, id, geheim));
            gelezen = await antwoord.Content.ReadFromJsonAsync<JsonElement>();
            if (gelezen.GetProperty("toestand").GetString() == "gepauzeerd")
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.Equal("gepauzeerd", gelezen.GetProperty("toestand").GetString());
        var pogingen = api.Ontvanger.Van("faalt-altijd");
        Assert.Equal(5, pogingen.Count);
        Assert.Contains(pogingen[0].Headers["webhook-id"].ToString(), gelezen.GetProperty("reden").GetString(), StringComparison.Ordinal);

        var azurite = await Azurite.GetAsync();
        var poison = new QueueClient(azurite.ConnectionString, api.Prefix + "webhooks-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        Assert.Contains((await poison.PeekMessagesAsync(32)).Value, m => m.MessageText.Contains(pogingen[0].Headers["webhook-id"].ToString(), StringComparison.Ordinal));

        // Paused: a later line of the item is not sent.
        await SchrijfAsync("OV-01", "in_uitvoering");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(5, api.Ontvanger.Van("faalt-altijd").Count);
    }

    [Fact]
    public async Task AWorkerKilledDuringDeliveriesLosesNone()
    {
        api.Ontvanger.Vertraging = TimeSpan.FromMilliseconds(300); // keeps deliveries in flight when the worker dies
        try
        {
            await AbonneerAsync("crash", "\"ZO-03\"");
            var regels = new List<string>();
            for (var i = 0; i < 6; i++)
            {
                regels.Add(await SchrijfAsync("ZO-03", i % 2 == 0 ? "vertraagd" : "in_uitvoering"));
            }

            await Ontvanger.WachtAsync(() => api.Ontvanger.Van("crash").Count >= 1, Limiet);
            var werker = api.Host.Services.GetRequiredService<Werker>();
            using (var proces = Process.GetProcessById(werker.Huidig!.ProcesId))
            {
                proces.Kill();
                await proces.WaitForExitAsync();
            }

            await Ontvanger.WachtAsync(() => api.Ontvanger.Van("crash").Select(b => Data(b).GetProperty("regel").GetString()).Distinct().Count() >= regels.Count, Limiet);
            var ontvangen = api.Ontvanger.Van("crash");

            // Every line arrived; a repeat (a try cut off by the crash) carries the same webhook-id as its first.
            Assert.Equal(regels.Order(StringComparer.Ordinal), ontvangen.Select(b => Data(b).GetProperty("regel").GetString()!).Distinct().Order(StringComparer.Ordinal));
            Assert.All(ontvangen.GroupBy(b => Data(b).GetProperty("regel").GetString()), g => Assert.Single(g.Select(b => b.Headers["webhook-id"].ToString()).Distinct()));
        }
        finally
        {
            api.Ontvanger.Vertraging = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task ACallbackThatDoesNotEchoTheChallengeIsNotSubscribedAndGetsNothing()
    {
        api.Ontvanger.Weigert.Add("weigert");
        var body = $$"""{"callback":"{{api.Ontvanger.Url("weigert")}}"}""";
        using var antwoord = await api.Client.PostAsync("/api/v1/abonnementen", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        var probleem = await antwoord.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("nietBevestigd", probleem.GetProperty("invalidParams")[0].GetProperty("code").GetString());
        await SchrijfAsync("CM-01", "vertraagd");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Empty(api.Ontvanger.Van("weigert"));
    }

    [Fact]
    public async Task OnlyTheSecretReadsOrEndsASubscriptionAndAfterwardsNothingIsSent()
    {
        var (id, geheim) = await AbonneerAsync("opzeggen", "\"CM-02\"");

        using var zonder = await api.Client.GetAsync($"/api/v1/abonnementen/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, zonder.StatusCode);
        using var fout = await api.Client.SendAsync(Met(HttpMethod.Get, id, Core.Volgen.Handtekening.NieuwGeheim()));
        Assert.Equal(HttpStatusCode.NotFound, fout.StatusCode);
        using var goed = await api.Client.SendAsync(Met(HttpMethod.Get, id, geheim));
        Assert.Equal(HttpStatusCode.OK, goed.StatusCode);
        var gelezen = await goed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("actief", gelezen.GetProperty("toestand").GetString());
        Assert.False(gelezen.TryGetProperty("geheim", out _));

        using var weg = await api.Client.SendAsync(Met(HttpMethod.Delete, id, geheim));
        Assert.Equal(HttpStatusCode.NoContent, weg.StatusCode);
        using var nogmaals = await api.Client.SendAsync(Met(HttpMethod.Get, id, geheim));
        Assert.Equal(HttpStatusCode.NotFound, nogmaals.StatusCode);

        await SchrijfAsync("CM-02", "vertraagd");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Empty(api.Ontvanger.Van("opzeggen"));
    }

    [Fact]
    public async Task AMessageTheFunctionCannotHandleGoesToThePoisonQueueAfterTheMaximumDequeueCount()
    {
        var opties = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var azurite = await Azurite.GetAsync();
        var wachtrij = new QueueClient(azurite.ConnectionString, api.Prefix + "webhooks", opties);
        var poison = new QueueClient(azurite.ConnectionString, api.Prefix + "webhooks-poison", opties);
        await wachtrij.CreateIfNotExistsAsync();
        var kenmerk = "geen-bezorging-" + Guid.NewGuid().ToString("N");
        await wachtrij.SendMessageAsync($$"""{"iets":"{{kenmerk}}"}""");

        string? gevonden = null;
        var tot = DateTime.UtcNow + Limiet;
        while (gevonden is null && DateTime.UtcNow < tot)
        {
            await Task.Delay(500);
            if ((await poison.ExistsAsync()).Value)
            {
                gevonden = (await poison.PeekMessagesAsync(32)).Value.Select(m => m.MessageText).FirstOrDefault(t => t.Contains(kenmerk, StringComparison.Ordinal));
            }
        }

        Assert.NotNull(gevonden);
        Assert.DoesNotContain((await wachtrij.PeekMessagesAsync(32)).Value, m => m.MessageText.Contains(kenmerk, StringComparison.Ordinal));
    }

    private static HttpRequestMessage Met(HttpMethod methode, string id, string geheim)
    {
        var verzoek = new HttpRequestMessage(methode, $"/api/v1/abonnementen/{id}");
        verzoek.Headers.Add("Webhook-Secret", geheim);
        return verzoek;
    }
}
