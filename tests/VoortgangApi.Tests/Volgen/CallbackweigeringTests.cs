using System.Net;
using System.Text;
using System.Text.Json;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Volgen;

/// <summary>The API with a small limit on subscription attempts per caller (the default is 10 a minute).</summary>
public sealed class GrensWebhookApi : TestApi
{
    public const int Pogingen = 3;

    public GrensWebhookApi() => Stel("Webhooks:PogingenPerMinuut", Pogingen.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public class PogingengrensTests(GrensWebhookApi api) : IClassFixture<GrensWebhookApi>
{
    [Fact]
    public async Task TooManyAttemptsFromOneCallerAnswer429WithRetryAfter()
    {
        HttpResponseMessage? laatste = null;
        for (var i = 0; i <= GrensWebhookApi.Pogingen && laatste?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            laatste?.Dispose();
            laatste = await api.Client.PostAsync("/api/v1/abonnementen",
                new StringContent("""{"callback":"https://10.0.0.1/haak"}""", Encoding.UTF8, "application/json"));
        }

        using (laatste)
        {
            await Problem.AssertAsync(laatste!, HttpStatusCode.TooManyRequests);
            Assert.True(laatste!.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {laatste.Headers.RetryAfter}");
        }
    }
}

/// <summary>
/// Callbacks into internal networks are refused with a 400 that names the field, before any connection: the addresses
/// in the URL are judged without a lookup, a name (localhost) after its lookup. The settings are Azure's (no loopback).
/// </summary>
public class CallbackweigeringTests(TestApi api) : IClassFixture<TestApi>
{
    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://10.20.30.40/haak")]
    [InlineData("https://0.0.0.0/haak")]
    [InlineData("https://localhost/haak")]
    [InlineData("http://ontvanger.voorbeeld.nl/haak")]
    public async Task ACallbackIntoAnInternalNetworkOrWithoutHttpsIsRefusedWithA400(string callback)
    {
        using var antwoord = await NeemAsync(callback);

        var probleem = await Problem.AssertAsync(antwoord, HttpStatusCode.BadRequest);
        var fout = Assert.Single(probleem.GetProperty("invalidParams").EnumerateArray());
        Assert.Equal("$.callback", fout.GetProperty("name").GetString());
        Assert.True(fout.GetProperty("code").GetString() is "ongeldigeCallback" or "verbodenAdres", fout.ToString());
    }

    [Fact]
    public async Task ABodyThatIsNotASubscriptionIsA400NamingTheField()
    {
        using var antwoord = await api.Client.PostAsync("/api/v1/abonnementen",
            new StringContent("""{"callback":"https://ontvanger.voorbeeld.nl/haak","items":["XX-99"],"soorten":["alles"]}""", Encoding.UTF8, "application/json"));
        var probleem = await Problem.AssertAsync(antwoord, HttpStatusCode.BadRequest);
        Assert.Contains(probleem.GetProperty("invalidParams").EnumerateArray(), f => f.GetProperty("name").GetString()!.StartsWith("$.soorten", StringComparison.Ordinal));
    }

    private Task<HttpResponseMessage> NeemAsync(string callback) =>
        api.Client.PostAsync("/api/v1/abonnementen", new StringContent(JsonSerializer.Serialize(new { callback }), Encoding.UTF8, "application/json"));
}
