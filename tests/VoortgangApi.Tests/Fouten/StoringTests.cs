using System.Net;
using System.Text;
using VoortgangApi.Core.OpenData;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Fouten;

/// <summary>
/// The Azure SDK's failures, simulated with Moq at each step of every write path: the API answers 503 with Retry-After,
/// nothing partial becomes visible, and a retry completes exactly once. Reads fall back to memory or answer 503.
/// </summary>
public class StoringTests(StoringApi api) : IClassFixture<StoringApi>
{
    private static readonly string Gisteren = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> Stuur(HttpMethod methode, string pad, string? body = null, params (string, string)[] headers) =>
        await api.Client.SendAsync(TestApi.Beheer(methode, pad, body, headers));

    private async Task<int> Regels(string id) => (await api.GetJsonAsync($"/api/v1/oplossingsrichtingen/{id}/historie")).GetProperty("statussen").GetArrayLength();

    private static string Status(string titel) =>
        $$$"""{"status":"in_uitvoering","peildatum":"{{{Gisteren}}}","zekerheid":"afgeleid","bron":{"titel":"{{{titel}}}","soort":"nota"}}""";

    private static async Task Onbeschikbaar(HttpResponseMessage response)
    {
        await Problem.AssertAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.True(response.Headers.RetryAfter is not null, "503 zonder Retry-After");
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(0)]
    public async Task AStatusWriteThatFailsBeforeTheCommitStoresNothingAndItsRetryStoresItOnce(int status)
    {
        var voor = await Regels("ZD-01");
        api.Arm("historie", "transactie", StoringApi.Status(status));

        using var mislukt = await Stuur(HttpMethod.Post, "/api/v1/oplossingsrichtingen/ZD-01/statussen", Status($"fout {status}"), ("Idempotency-Key", $"voor-{status}"));
        await Onbeschikbaar(mislukt);
        Assert.Equal(voor, await Regels("ZD-01"));

        using var opnieuw = await Stuur(HttpMethod.Post, "/api/v1/oplossingsrichtingen/ZD-01/statussen", Status($"fout {status}"), ("Idempotency-Key", $"voor-{status}"));
        Assert.Equal(HttpStatusCode.Created, opnieuw.StatusCode);
        Assert.Equal(voor + 1, await Regels("ZD-01"));
    }

    [Fact]
    public async Task AStatusWriteWhoseAnswerIsLostIsNotRecordedTwiceByItsRetry()
    {
        var voor = await Regels("ZD-02");
        api.Arm("historie", "transactie", new HttpRequestException("verbinding verbroken"), Storingsmoment.Na);

        using var verloren = await Stuur(HttpMethod.Post, "/api/v1/oplossingsrichtingen/ZD-02/statussen", Status("verloren antwoord"), ("Idempotency-Key", "na-commit"));
        using var opnieuw = await Stuur(HttpMethod.Post, "/api/v1/oplossingsrichtingen/ZD-02/statussen", Status("verloren antwoord"), ("Idempotency-Key", "na-commit"));

        await Onbeschikbaar(verloren);
        Assert.Equal(HttpStatusCode.Created, opnieuw.StatusCode);
        Assert.Equal("true", opnieuw.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(voor + 1, await Regels("ZD-02"));
    }

    [Fact]
    public async Task AContentRevisionThatFailsChangesNothingAndTheSameIfMatchStillWorks()
    {
        using var get = await api.Client.GetAsync("/api/v1/partijen/ccv");
        var etag = get.Headers.ETag!.ToString();
        var body = """{"naam":"Centrum voor Criminaliteitspreventie en Veiligheid (CCV)","soort":"maatschappelijke_organisatie","website":"https://hetccv.nl"}""";
        api.Arm("historie", "transactie", StoringApi.Status(503));

        await Onbeschikbaar(await Stuur(HttpMethod.Put, "/api/v1/partijen/ccv", body, ("If-Match", etag)));
        Assert.Equal(etag, (await api.Client.GetAsync("/api/v1/partijen/ccv")).Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await Stuur(HttpMethod.Put, "/api/v1/partijen/ccv", body, ("If-Match", etag))).StatusCode);
    }

    [Theory]
    [InlineData("momentopnamen", "transactie")]
    [InlineData("cycli", "bijwerken")]
    public async Task ASnapshotThatFailsAtAnyStepLeavesTheCycleGeplandAndItsRetryCommitsOnce(string tabel, string operatie)
    {
        var id = $"storing-{tabel}";
        (await Stuur(HttpMethod.Put, $"/api/v1/rapportagecycli/{id}", """{"titel":"Storing","peildatum":"2025-05-01","kamerbrief":{"datum":"2025-05-15"}}""")).EnsureSuccessStatusCode();
        api.Arm(tabel, operatie, StoringApi.Status(503));

        await Onbeschikbaar(await Stuur(HttpMethod.Post, $"/api/v1/rapportagecycli/{id}/momentopname"));
        Assert.Equal("gepland", (await api.GetJsonAsync($"/api/v1/rapportagecycli/{id}")).GetProperty("toestand").GetString());

        Assert.Equal(HttpStatusCode.Created, (await Stuur(HttpMethod.Post, $"/api/v1/rapportagecycli/{id}/momentopname")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Stuur(HttpMethod.Post, $"/api/v1/rapportagecycli/{id}/momentopname")).StatusCode);
    }

    [Fact]
    public async Task APublicationWhoseLatestPointerFailsNeverPointsAtItUntilTheRetryCompletesIt()
    {
        // The latest peildatum of this store, so that latest.json should come to point at it.
        (await Stuur(HttpMethod.Put, "/api/v1/rapportagecycli/storing-publicatie", """{"titel":"Publicatie","peildatum":"2026-01-01","kamerbrief":{"datum":"2026-01-15"}}""")).EnsureSuccessStatusCode();
        var store = api.Service<IOpenDataStore>();
        var ervoor = Encoding.UTF8.GetString((await store.LeesAsync(Layout.Laatste, default))!);
        api.Arm("latest.json", "uploaden", StoringApi.Status(503));

        using var snapshot = await Stuur(HttpMethod.Post, "/api/v1/rapportagecycli/storing-publicatie/momentopname");
        Assert.Equal(HttpStatusCode.Created, snapshot.StatusCode);
        Assert.Equal(ervoor, Encoding.UTF8.GetString((await store.LeesAsync(Layout.Laatste, default))!));

        using var publicatie = await Stuur(HttpMethod.Post, "/api/v1/rapportagecycli/storing-publicatie/publicatie");
        Assert.Equal(HttpStatusCode.OK, publicatie.StatusCode);
        Assert.Contains("storing-publicatie", Encoding.UTF8.GetString((await store.LeesAsync(Layout.Laatste, default))!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReadWhoseStorageFailsIsAnsweredFromMemoryWithItsAge()
    {
        await api.GetJsonAsync("/api/v1/themas");
        api.Arm("historie", "zoeken", StoringApi.Status(503));

        using var response = await api.Client.GetAsync("/api/v1/themas");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Age is not null, "geen Age-header bij een antwoord uit het geheugen");
    }

    [Fact]
    public async Task AReadThatOnlyStorageCanAnswerIsA503WithRetryAfter()
    {
        api.Arm("cycli", "lezen", StoringApi.Status(500));

        await Onbeschikbaar(await api.Client.GetAsync("/api/v1/rapportagecycli/nooit-gelezen"));
    }

    [Fact]
    public async Task AnExceptionThatIsNotAStorageFaultStaysA500()
    {
        api.Arm("cycli", "lezen", new InvalidOperationException("een fout in de code"));

        using var response = await api.Client.GetAsync("/api/v1/rapportagecycli/ook-nooit-gelezen");

        var body = await Problem.AssertAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("fout in de code", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
