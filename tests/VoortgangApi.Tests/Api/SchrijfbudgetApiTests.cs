using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoortgangApi.Core;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>The API with a small write budget (2 at once, then 1 a minute), as an operator could set it.</summary>
public sealed class KleinBudgetApi : TestApi
{
    public KleinBudgetApi()
    {
        Stel("Schrijfbudget:Piek", "2");
        Stel("Schrijfbudget:PerMinuut", "1");
    }
}

public class SchrijfbudgetApiTests(KleinBudgetApi api) : IClassFixture<KleinBudgetApi>
{
    private static readonly string Gisteren = TimeProvider.System.Vandaag().AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Status(string status) =>
        $$$"""{"status":"{{{status}}}","peildatum":"{{{Gisteren}}}","zekerheid":"afgeleid","toelichting":"Voorbeeld (fictief).","bron":{"titel":"Voorbeeldbron (fictief)","soort":"nota","datum":"{{{Gisteren}}}"}}""";

    [Fact]
    public async Task PastItsBudgetAnIdentityGets429WithRetryAfterAndNothingIsRecordedWhileAnotherStillWrites()
    {
        for (var i = 0; i < 2; i++)
        {
            using var toegestaan = await api.Ruw.SendAsync(api.Beheer("vastleggen", HttpMethod.Post, "/api/v1/oplossingsrichtingen/ZD-01/statussen", Status("vertraagd")));
            Assert.Equal(HttpStatusCode.Created, toegestaan.StatusCode);
        }

        var voor = await api.Ruw.GetStringAsync("/api/v1/oplossingsrichtingen/ZD-01/historie");
        using var teVeel = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Post, "/api/v1/oplossingsrichtingen/ZD-01/statussen", Status("gestopt")));

        Assert.Equal((HttpStatusCode)429, teVeel.StatusCode);
        Assert.Equal("application/problem+json", teVeel.Content.Headers.ContentType!.MediaType);
        Assert.InRange(int.Parse(teVeel.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(429, (await teVeel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.Equal(voor, await api.Ruw.GetStringAsync("/api/v1/oplossingsrichtingen/ZD-01/historie"));

        // Another identity has a budget of its own; a read is never counted.
        using var ander = await api.Ruw.SendAsync(api.Beheer("alles", HttpMethod.Post, "/api/v1/oplossingsrichtingen/ZD-01/statussen", Status("doorlopend")));
        Assert.Equal(HttpStatusCode.Created, ander.StatusCode);
        using var lezen = await api.Ruw.SendAsync(api.Beheer("vastleggen", HttpMethod.Get, "/api/v1/rapportagecycli/najaar-2024"));
        Assert.Equal(HttpStatusCode.OK, lezen.StatusCode);
    }
}
