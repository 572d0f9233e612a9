using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoortgangApi.Core;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>Recording progress through the API, and reading it back at any moment (issue 10's acceptance, on Azurite).</summary>
public class HistorieApiTests(TestApi api) : IClassFixture<TestApi>
{
    private static readonly DateOnly Vandaag = TimeProvider.System.Vandaag();
    private static string Gisteren => Vandaag.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Eergisteren => Vandaag.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Status(string status, string peildatum, string titel = "Nota van de directie") =>
        $$$"""{"status":"{{{status}}}","peildatum":"{{{peildatum}}}","zekerheid":"bevestigd","bron":{"titel":"{{{titel}}}","soort":"nota","datum":"{{{peildatum}}}"}}""";

    private async Task<HttpResponseMessage> PostStatus(string id, string body, string? sleutel = null)
    {
        using var request = api.Beheer(HttpMethod.Post, $"/api/v1/oplossingsrichtingen/{id}/statussen", body, sleutel is null ? [] : [("Idempotency-Key", sleutel)]);
        return await api.Client.SendAsync(request);
    }

    private async Task<string> StatusVan(string pad) => (await api.GetJsonAsync(pad)).GetProperty("status").GetProperty("status").GetString()!;

    private async Task<int> AantalRegels(string id) => (await api.GetJsonAsync($"/api/v1/oplossingsrichtingen/{id}/historie")).GetProperty("statussen").GetArrayLength();

    [Fact]
    public async Task ARecordedStatusHoldsFromItsPeildatumOnwards()
    {
        using var response = await PostStatus("ZD-04", Status("in_uitvoering", Gisteren));
        var regel = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/oplossingsrichtingen/ZD-04/statussen/{regel.GetProperty("id").GetString()}", response.Headers.Location!.ToString());
        Assert.Equal("in_uitvoering", await StatusVan("/api/v1/oplossingsrichtingen/ZD-04"));
        Assert.Equal("onbekend", await StatusVan($"/api/v1/oplossingsrichtingen/ZD-04?peildatum={Eergisteren}"));
        var historie = await api.GetJsonAsync("/api/v1/oplossingsrichtingen/ZD-04/historie");
        var bronnen = historie.GetProperty("statussen").EnumerateArray().Select(s => s.GetProperty("bron").GetProperty("titel").GetString()).ToList();
        Assert.Contains("Nota van de directie", bronnen);
        Assert.Contains("IVRM, kansen voor sekswerkers", bronnen);
        Assert.Equal(regel.GetProperty("id").GetString(), (await api.GetJsonAsync(response.Headers.Location!.ToString())).GetProperty("id").GetString());
    }

    [Fact]
    public async Task ASnapshotHoldsOnlyWhatHeldAtItsPeildatum()
    {
        (await PostStatus("ZO-03", Status("gepland", Gisteren))).EnsureSuccessStatusCode();
        foreach (var (id, peildatum) in new[] { ("log-vroeg", Eergisteren), ("log-laat", Gisteren) })
        {
            using var plan = api.Beheer(HttpMethod.Put, $"/api/v1/rapportagecycli/{id}", $$$"""{"titel":"{{{id}}}","peildatum":"{{{peildatum}}}","kamerbrief":{"datum":"{{{Gisteren}}}"}}""");
            (await api.Client.SendAsync(plan)).EnsureSuccessStatusCode();
            using var snapshot = api.Beheer(HttpMethod.Post, $"/api/v1/rapportagecycli/{id}/momentopname");
            Assert.Equal(HttpStatusCode.Created, (await api.Client.SendAsync(snapshot)).StatusCode);
        }

        Assert.Equal("onbekend", await StatusVan("/api/v1/oplossingsrichtingen/ZO-03?cyclus=log-vroeg"));
        Assert.Equal("gepland", await StatusVan("/api/v1/oplossingsrichtingen/ZO-03?cyclus=log-laat"));
        var verschil = await api.GetJsonAsync("/api/v1/rapportagecycli/log-laat/verschillen?tenOpzichteVan=najaar-2024");
        var overgang = verschil.GetProperty("statusovergangen").EnumerateArray().Single(o => o.GetProperty("id").GetString() == "ZO-03");
        Assert.Equal(("onbekend", "gepland"), (overgang.GetProperty("van").GetString(), overgang.GetProperty("naar").GetString()));
    }

    [Fact]
    public async Task TheFirstCycleShowsTheTextsOf2023()
    {
        var toen = await api.GetJsonAsync("/api/v1/oplossingsrichtingen/ZD-03?cyclus=aanpak-2023");
        var nu = await api.GetJsonAsync("/api/v1/oplossingsrichtingen/ZD-03");

        Assert.DoesNotContain("2024", toen.GetProperty("planning").GetString(), StringComparison.Ordinal);
        Assert.Contains("10 januari 2024", nu.GetProperty("planning").GetString(), StringComparison.Ordinal);
        Assert.Equal(toen.GetProperty("planning").GetString(), (await api.GetJsonAsync("/api/v1/oplossingsrichtingen/ZD-03?peildatum=2024-01-01")).GetProperty("planning").GetString());
    }

    [Fact]
    public async Task TwentyParallelStatusPostsRecordTwentyEntries()
    {
        var voor = await AantalRegels("PO-02");

        var antwoorden = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => PostStatus("PO-02", Status("in_uitvoering", Gisteren, $"Parallel {i}"))));

        Assert.All(antwoorden, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Equal(voor + 20, await AantalRegels("PO-02"));
    }

    [Fact]
    public async Task AnIdempotencyKeyRecordsOneBodyOnce()
    {
        var voor = await AantalRegels("GE-03");
        var sleutel = Guid.NewGuid().ToString();

        using var eerste = await PostStatus("GE-03", Status("gerealiseerd", Gisteren), sleutel);
        using var tweede = await PostStatus("GE-03", Status("gerealiseerd", Gisteren), sleutel);
        using var ander = await PostStatus("GE-03", Status("vertraagd", Gisteren), sleutel);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (eerste.StatusCode, tweede.StatusCode));
        Assert.Equal(await eerste.Content.ReadAsStringAsync(), await tweede.Content.ReadAsStringAsync());
        await Problem.AssertAsync(ander, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(voor + 1, await AantalRegels("GE-03"));
    }

    [Fact]
    public async Task ACorrectionReplacesAnEntryThatStaysVisible()
    {
        using var fout = await PostStatus("CM-02", Status("gestopt", Gisteren));
        var id = (await fout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var correctie = await PostStatus("CM-02", $$$"""{"status":"doorlopend","peildatum":"{{{Gisteren}}}","zekerheid":"afgeleid","toelichting":"Afgeleid in de test.","bron":{"titel":"Correctie","soort":"nota","datum":"{{{Gisteren}}}"},"vervangt":"{{{id}}}"}""");
        using var nogmaals = await PostStatus("CM-02", $$$"""{"status":"gestopt","peildatum":"{{{Gisteren}}}","zekerheid":"afgeleid","toelichting":"Afgeleid in de test.","bron":{"titel":"x","soort":"nota","datum":"{{{Gisteren}}}"},"vervangt":"{{{id}}}"}""");

        Assert.Equal(HttpStatusCode.Created, correctie.StatusCode);
        Assert.Equal("doorlopend", await StatusVan("/api/v1/oplossingsrichtingen/CM-02"));
        var regels = (await api.GetJsonAsync("/api/v1/oplossingsrichtingen/CM-02/historie")).GetProperty("statussen").EnumerateArray().ToList();
        Assert.Equal((await correctie.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString(),
            regels.Single(r => r.GetProperty("id").GetString() == id).GetProperty("vervangenDoor").GetString());
        Assert.Equal("$.vervangt", (await Problem.AssertAsync(nogmaals, HttpStatusCode.BadRequest)).GetProperty("invalidParams")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task ContentWritesNeedTheCurrentETag()
    {
        var body = """{"naam":"Stichting Voorbeeld","soort":"maatschappelijke_organisatie"}""";
        using var maak = await api.Client.SendAsync(api.Beheer(HttpMethod.Put, "/api/v1/partijen/stichting-voorbeeld", body, ("If-None-Match", "*")));
        var etag = maak.Headers.ETag!.ToString();
        using var zonder = await api.Client.SendAsync(api.Beheer(HttpMethod.Put, "/api/v1/partijen/stichting-voorbeeld", body));
        using var goed = await api.Client.SendAsync(api.Beheer(HttpMethod.Put, "/api/v1/partijen/stichting-voorbeeld", body.Replace("Voorbeeld", "Voorbeeld NL", StringComparison.Ordinal), ("If-Match", etag)));
        using var oud = await api.Client.SendAsync(api.Beheer(HttpMethod.Put, "/api/v1/partijen/stichting-voorbeeld", body, ("If-Match", etag)));

        Assert.Equal(HttpStatusCode.Created, maak.StatusCode);
        await Problem.AssertAsync(zonder, HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.OK, goed.StatusCode);
        await Problem.AssertAsync(oud, HttpStatusCode.PreconditionFailed);
        Assert.Equal("Stichting Voorbeeld NL", (await api.GetJsonAsync("/api/v1/partijen/stichting-voorbeeld")).GetProperty("naam").GetString());
    }

    [Theory]
    [InlineData("POST", "/api/v1/oplossingsrichtingen/ZD-01/statussen")]
    [InlineData("PUT", "/api/v1/oplossingsrichtingen/ZD-01")]
    [InlineData("PUT", "/api/v1/knelpunten/P-ZD-1")]
    [InlineData("PUT", "/api/v1/partijen/vng")]
    [InlineData("DELETE", "/api/v1/rapportagecycli/najaar-2024")]
    [InlineData("POST", "/api/v1/rapportagecycli/najaar-2024/momentopname")]
    [InlineData("POST", "/api/v1/rapportagecycli/najaar-2024/publicatie")]
    public async Task EveryWriteChecksTheTokenThenTheRole(string methode, string pad)
    {
        using var zonder = new HttpRequestMessage(new HttpMethod(methode), pad) { Content = JsonContent.Create(new { }) };
        using var geenRol = api.Beheer("geen", new HttpMethod(methode), pad, "{}");

        await Problem.AssertAsync(await api.Client.SendAsync(zonder), HttpStatusCode.Unauthorized);
        await Problem.AssertAsync(await api.Client.SendAsync(geenRol), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AMalformedBodyListsEveryViolation()
    {
        var voor = (await api.GetJsonAsync("/api/v1/wijzigingen?pageSize=1000")).GetProperty("cursor").GetString();

        using var response = await PostStatus("ZD-01",
            """{"status":"klaar","peildatum":"2025-13-01","zekerheid":"bevestigd","bron":{"titel":"a\u0001b"},"extra":1,"extra":2}""");

        var namen = (await Problem.AssertAsync(response, HttpStatusCode.BadRequest)).GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "$.status", "$.peildatum", "$.bron.titel", "$.extra" }, namen.ToHashSet());
        Assert.Equal(voor, (await api.GetJsonAsync("/api/v1/wijzigingen?pageSize=1000")).GetProperty("cursor").GetString());
    }

    [Fact]
    public async Task AMalformedIdempotencyKeyIsNamedBeforeAnythingTheBodySays()
    {
        var voor = (await api.GetJsonAsync("/api/v1/wijzigingen?pageSize=1000")).GetProperty("cursor").GetString();

        using var response = await PostStatus("ZD-01", """{"status":"klaar"}""", sleutel: "twee woorden");

        var fout = (await Problem.AssertAsync(response, HttpStatusCode.BadRequest)).GetProperty("invalidParams").EnumerateArray().Single();
        Assert.Equal("Idempotency-Key", fout.GetProperty("name").GetString());
        Assert.Equal("ongeldigFormaat", fout.GetProperty("code").GetString());
        Assert.Equal(voor, (await api.GetJsonAsync("/api/v1/wijzigingen?pageSize=1000")).GetProperty("cursor").GetString());
    }

    [Fact]
    public async Task StatusDatesFollowTheTimeRules()
    {
        var morgen = Vandaag.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var response = await PostStatus("ZD-01",
            $$$"""{"status":"gerealiseerd","peildatum":"{{{morgen}}}","zekerheid":"bevestigd","bron":{"titel":"Later","soort":"nota","datum":"{{{morgen}}}"}}""");
        using var oud = await PostStatus("ZD-01", """{"status":"gerealiseerd","peildatum":"1999-12-31","zekerheid":"bevestigd","bron":{"titel":"Oud","soort":"nota","datum":"2024-01-01"}}""");

        var namen = (await Problem.AssertAsync(response, HttpStatusCode.BadRequest)).GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("$.peildatum", namen);
        var oudNamen = (await Problem.AssertAsync(oud, HttpStatusCode.BadRequest)).GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["$.peildatum", "$.bron.datum"], oudNamen);
    }

    [Fact]
    public async Task WalkingTheChangeFeedFromTheStartReturnsEveryLineExactlyOnce()
    {
        (await PostStatus("GE-01", Status("doorlopend", Gisteren))).EnsureSuccessStatusCode();
        var gezien = new List<long>();
        var url = "/api/v1/wijzigingen?pageSize=7";
        for (var pagina = 0; url is not null && pagina < 1000; pagina++)
        {
            var json = await api.GetJsonAsync(url);
            gezien.AddRange(json.GetProperty("wijzigingen").EnumerateArray().Select(w => w.GetProperty("volgnummer").GetInt64()));
            url = json.GetProperty("_links").TryGetProperty("next", out var next) ? new Uri(next.GetProperty("href").GetString()!).PathAndQuery : null;
        }

        Assert.Equal(Enumerable.Range(1, gezien.Count).Select(i => (long)i), gezien);
        var einde = await api.GetJsonAsync("/api/v1/wijzigingen?pageSize=1000&na=" + (await api.GetJsonAsync("/api/v1/wijzigingen?pageSize=1000")).GetProperty("cursor").GetString());
        Assert.Equal(0, einde.GetProperty("wijzigingen").GetArrayLength());
    }

    [Fact]
    public async Task OnlyAPlannedCycleCanBeCancelled()
    {
        using var plan = await api.Client.SendAsync(api.Beheer(HttpMethod.Put, "/api/v1/rapportagecycli/te-annuleren",
            """{"titel":"Weg","peildatum":"2030-01-01","kamerbrief":{"datum":"2030-01-02"}}"""));
        var etag = plan.Headers.ETag!.ToString();

        using var zonder = await api.Client.SendAsync(api.Beheer(HttpMethod.Delete, "/api/v1/rapportagecycli/te-annuleren"));
        using var met = await api.Client.SendAsync(api.Beheer(HttpMethod.Delete, "/api/v1/rapportagecycli/te-annuleren", null, ("If-Match", etag)));
        using var vast = await api.Client.SendAsync(api.Beheer(HttpMethod.Delete, "/api/v1/rapportagecycli/najaar-2024", null, ("If-Match", "*")));

        await Problem.AssertAsync(zonder, HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.NoContent, met.StatusCode);
        await Problem.AssertAsync(await api.Client.GetAsync("/api/v1/rapportagecycli/te-annuleren"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(vast, HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"titel":"x\u0001y","peildatum":"2025-06-01","kamerbrief":{"datum":"2025-06-15"}}""", "$.titel")]
    [InlineData("""{"titel":"x\ud800","peildatum":"2025-06-01","kamerbrief":{"datum":"2025-06-15"}}""", "$.titel")]
    [InlineData("""{"titel":"x","peildatum":"1900-01-01","kamerbrief":{"datum":"1900-01-15"}}""", "$.peildatum")]
    [InlineData("""{"titel":"x","titel":"y","peildatum":"2025-06-01","kamerbrief":{"datum":"2025-06-15"}}""", "$.titel")]
    public async Task TextThatWouldBreakAPublicationIsRefusedBeforeAnythingIsStored(string body, string veld)
    {
        using var response = await api.Client.SendAsync(api.Beheer(HttpMethod.Put, "/api/v1/rapportagecycli/gifpil", body));

        var fout = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(veld, fout.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        await Problem.AssertAsync(await api.Client.GetAsync("/api/v1/rapportagecycli/gifpil"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReadsAsKnownAtAnEarlierMomentDoNotSeeLaterEntries()
    {
        var voor = DateTimeOffset.UtcNow.AddMilliseconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var eerder = await StatusVan("/api/v1/oplossingsrichtingen/ZO-02");
        (await PostStatus("ZO-02", Status("vertraagd", Gisteren))).EnsureSuccessStatusCode();

        Assert.Equal(eerder, await StatusVan($"/api/v1/oplossingsrichtingen/ZO-02?bekendOp={Uri.EscapeDataString(voor)}"));
        Assert.Equal("vertraagd", await StatusVan("/api/v1/oplossingsrichtingen/ZO-02"));
    }
}
