using System.Net;
using System.Net.Http.Json;
using System.Text;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

public class RapportagecycliApiTests(TestApi api) : IClassFixture<TestApi>
{
    private const string Plan = """{"titel":"Voortgang 2025","peildatum":"2025-11-01","kamerbrief":{"datum":"2025-11-20"}}""";

    // Cycle operations need the role Cycli.Beheren: the "beheren" token has it, and only it.
    private HttpRequestMessage Put(string id, string body, string? token = "beheren", string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/rapportagecycli/{id}") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", api.Token(token));
        }

        return request;
    }

    private HttpRequestMessage Post(string id, string? token = "beheren")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/rapportagecycli/{id}/momentopname");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", api.Token(token));
        }

        return request;
    }

    [Fact]
    public async Task SeededCyclesAreVastgesteldWithKamerbriefAndContentHash()
    {
        var json = await api.GetJsonAsync("/api/v1/rapportagecycli");

        var cycli = json.GetProperty("rapportagecycli").EnumerateArray().Where(c => c.GetProperty("id").GetString() is "aanpak-2023" or "najaar-2024").ToList();
        Assert.Equal(2, cycli.Count);
        Assert.All(cycli, c => Assert.Equal("vastgesteld", c.GetProperty("toestand").GetString()));
        Assert.All(cycli, c => Assert.Matches("^sha256:[0-9a-f]{64}$", c.GetProperty("momentopname").GetProperty("inhoudHash").GetString()));
        Assert.Equal("34 193, nr. 19", cycli[1].GetProperty("kamerbrief").GetProperty("kamerstuk").GetString());
        Assert.EndsWith("Z", cycli[1].GetProperty("momentopname").GetProperty("genomenOp").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsOfACycleReturnsThatCyclesStatuses()
    {
        var toen = await api.GetJsonAsync("/api/v1/oplossingsrichtingen/ZD-03?cyclus=aanpak-2023");
        var nu = await api.GetJsonAsync("/api/v1/oplossingsrichtingen/ZD-03");

        Assert.Equal("in_uitvoering", toen.GetProperty("status").GetProperty("status").GetString());
        Assert.Equal("2023-11-10", toen.GetProperty("status").GetProperty("peildatum").GetString());
        Assert.Equal("gerealiseerd", nu.GetProperty("status").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ItemNotYetReportedInACycleIsNotFoundAsOfThatCycle()
    {
        using var response = await api.Client.GetAsync("/api/v1/oplossingsrichtingen/CM-04?cyclus=aanpak-2023");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/oplossingsrichtingen?cyclus=bestaat-niet")]
    [InlineData("/api/v1/themas?cyclus=bestaat-niet")]
    [InlineData("/api/v1/rapportagecycli/bestaat-niet")]
    public async Task UnknownCycleReturnsProblem404(string pad)
    {
        using var response = await api.Client.GetAsync(pad);

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MalformedCycleIdIsA400NotAStorageError()
    {
        using var response = await api.Client.GetAsync("/api/v1/themas?cyclus=" + Uri.EscapeDataString("a/b#c'"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("cyclus", problem.GetProperty("invalidParams")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task APlannedCycleCannotBeReadAsOfYet()
    {
        using var put = await api.Client.SendAsync(Put("nog-gepland", """{"titel":"Later","peildatum":"2099-01-01","kamerbrief":{"datum":"2099-01-15"}}"""));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        using var response = await api.Client.GetAsync("/api/v1/themas?cyclus=nog-gepland");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("nog gepland", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DifferencesBetweenTheSeededCyclesListStatusTransitions()
    {
        var json = await api.GetJsonAsync("/api/v1/rapportagecycli/najaar-2024/verschillen?tenOpzichteVan=aanpak-2023");

        var zd03 = json.GetProperty("statusovergangen").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "ZD-03");
        Assert.Equal("in_uitvoering", zd03.GetProperty("van").GetString());
        Assert.Equal("gerealiseerd", zd03.GetProperty("naar").GetString());
        Assert.Equal("CM-04", json.GetProperty("toegevoegd")[0].GetProperty("id").GetString());
        // Every transition says how certain its new status is, and where it comes from.
        Assert.All(json.GetProperty("statusovergangen").EnumerateArray(), o =>
        {
            Assert.Contains(o.GetProperty("zekerheid").GetString(), Core.Model.Zekerheden.Alle);
            Assert.True(o.TryGetProperty("bron", out _), o.ToString());
        });
    }

    [Theory]
    [InlineData("", "tenOpzichteVan")]
    [InlineData("?tenOpzichteVan=bestaat-niet", "tenOpzichteVan")]
    public async Task DifferencesNeedAnExistingComparisonCycle(string query, string parameter)
    {
        using var response = await api.Client.GetAsync($"/api/v1/rapportagecycli/najaar-2024/verschillen{query}");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("invalidParams")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task CycleOperationsWithoutATokenGetTheApps401Problem()
    {
        using var zonder = await api.Client.SendAsync(Post("najaar-2024", token: null));
        using var plan = await api.Client.SendAsync(Put("zonder-token", Plan, token: null));

        foreach (var response in new[] { zonder, plan })
        {
            await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync("/api/v1/rapportagecycli/zonder-token")).StatusCode);
    }

    [Fact]
    public async Task PlanningACycleNeedsCycliBeheren()
    {
        using var vastleggen = await api.Client.SendAsync(Put("rol-proef", Plan, token: "vastleggen"));
        await Problem.AssertAsync(vastleggen, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync("/api/v1/rapportagecycli/rol-proef")).StatusCode);

        using var beheren = await api.Client.SendAsync(Put("rol-proef", Plan, token: "beheren"));
        Assert.Equal(HttpStatusCode.Created, beheren.StatusCode);
    }

    [Theory]
    [InlineData("header")]
    [InlineData("code")]
    public async Task TheFunctionKeyAloneAuthorisesNoWrite(string waar)
    {
        using var request = Put($"sleutel-{waar}", Plan, token: null);
        if (waar == "header")
        {
            request.Headers.Add("x-functions-key", TestApi.AdminSleutel);
        }
        else
        {
            request.RequestUri = new Uri($"/api/v1/rapportagecycli/sleutel-{waar}?code={TestApi.AdminSleutel}", UriKind.Relative);
        }

        using var response = await api.Ruw.SendAsync(request);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync($"/api/v1/rapportagecycli/sleutel-{waar}")).StatusCode);
    }

    [Fact]
    public async Task ReplanningOrSnapshottingAVastgesteldCycleReturnsProblem409()
    {
        using var put = await api.Client.SendAsync(Put("najaar-2024", Plan));
        using var post = await api.Client.SendAsync(Post("najaar-2024"));

        await Problem.AssertAsync(put, HttpStatusCode.Conflict);
        await Problem.AssertAsync(post, HttpStatusCode.Conflict);
        Assert.True(put.Headers.CacheControl is { NoStore: true, Private: true }, $"Cache-Control: {put.Headers.CacheControl}"); // an answer to a request with a token
    }

    [Fact]
    public async Task ReplanningNeedsIfMatchWithTheCurrentETag()
    {
        using var nieuw = await api.Client.SendAsync(Put("herplan", Plan));
        var etag = nieuw.Headers.ETag!.Tag;

        using var zonder = await api.Client.SendAsync(Put("herplan", Plan));
        var oud = Put("herplan", Plan);
        oud.Headers.TryAddWithoutValidation("If-Match", "\"00000000000000000000000000000000\"");
        using var verouderd = await api.Client.SendAsync(oud);
        var goed = Put("herplan", Plan.Replace("Voortgang 2025", "Voortgang 2025, herzien", StringComparison.Ordinal));
        goed.Headers.TryAddWithoutValidation("If-Match", etag);
        using var gewijzigd = await api.Client.SendAsync(goed);

        Assert.Equal(HttpStatusCode.Created, nieuw.StatusCode);
        await Problem.AssertAsync(zonder, (HttpStatusCode)428);
        await Problem.AssertAsync(verouderd, HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, gewijzigd.StatusCode);
        Assert.Equal("Voortgang 2025, herzien", (await api.GetJsonAsync("/api/v1/rapportagecycli/herplan")).GetProperty("titel").GetString());
    }

    [Fact]
    public async Task TheETagOfAGetIsAcceptedAsIfMatchForTheNextPut()
    {
        using var nieuw = await api.Client.SendAsync(Put("get-dan-put", Plan));
        using var get = await api.Client.GetAsync("/api/v1/rapportagecycli/get-dan-put");
        var wijziging = Put("get-dan-put", Plan.Replace("Voortgang 2025", "Voortgang 2025 (na GET)", StringComparison.Ordinal));
        wijziging.Headers.TryAddWithoutValidation("If-Match", get.Headers.ETag!.Tag);

        using var put = await api.Client.SendAsync(wijziging);

        Assert.Equal(nieuw.Headers.ETag!.Tag, get.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    [Fact]
    public async Task AnInvalidPlanListsEveryProblem()
    {
        using var response = await api.Client.SendAsync(Put("ongeldig", """{"titel":"","peildatum":"2025-13-01","kamerbrief":{},"extra":1}"""));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["$.extra", "$.kamerbrief.datum", "$.peildatum", "$.titel"],
            problem.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync("/api/v1/rapportagecycli/ongeldig")).StatusCode);
    }

    [Theory]
    [InlineData("{niet json", "application/json", 400)]
    [InlineData("titel=x", "application/x-www-form-urlencoded", 415)]
    public async Task BodyThatIsNotJsonIsRejected(string body, string contentType, int status)
    {
        using var response = await api.Client.SendAsync(Put("geen-json", body, contentType: contentType));

        await Problem.AssertAsync(response, (HttpStatusCode)status);
    }

    [Fact]
    public async Task OversizedBodyIsRejectedWith413()
    {
        using var response = await api.Client.SendAsync(Put("te-groot", new string(' ', 70_000) + Plan));

        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task TenParallelSnapshotRequestsProduceOneSnapshotAndTheSameAnswer()
    {
        using var put = await api.Client.SendAsync(Put("parallel", Plan));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var antwoorden = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => api.Client.SendAsync(Post("parallel"))));

        Assert.Single(antwoorden, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(antwoorden, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var hashes = new HashSet<string?>();
        foreach (var a in antwoorden.Where(a => a.IsSuccessStatusCode))
        {
            var body = await a.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            hashes.Add(body.GetProperty("momentopname").GetProperty("inhoudHash").GetString());
        }

        Assert.Single(hashes);
        var pogingen = await api.Service<VoortgangApi.Core.Cycli.ICyclusStore>().PogingenAsync("parallel", default);
        Assert.Single(pogingen);
    }
}
