using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>
/// The concept of the next letter, as the official who will freeze it reads it: the snapshot as it would be taken
/// now, the changes against the last letter, and after the snapshot the same content (hash and counts).
/// </summary>
public class ConceptTests(TestApi api) : IClassFixture<TestApi>
{

    private async Task PlanAsync(string id)
    {
        using var plan = await api.Client.SendAsync(api.Beheer("beheren", HttpMethod.Put, $"/api/v1/rapportagecycli/{id}",
            $$$"""{"titel":"Concept {{{id}}}","peildatum":"{{{Testdatum.Gisteren}}}","kamerbrief":{"datum":"{{{Testdatum.Gisteren}}}"}}"""));
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
    }

    private async Task<JsonElement> ConceptAsync(string id)
    {
        using var response = await api.Client.SendAsync(api.Beheer("beheren", HttpMethod.Get, $"/api/v1/rapportagecycli/{id}/concept"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true, Public: false }, $"Cache-Control: {response.Headers.CacheControl}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task TheSnapshotEqualsTheConceptItWasShownAs()
    {
        await PlanAsync("concept-volgend");
        var voor = await ConceptAsync("concept-volgend");
        Assert.True(voor.GetProperty("concept").GetBoolean());
        Assert.Equal("najaar-2024", voor.GetProperty("vorigeCyclus").GetString());

        string[] items = ["ZD-01", "ZO-02", "PO-03"];
        foreach (var id in items)
        {
            using var post = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Post, $"/api/v1/oplossingsrichtingen/{id}/statussen",
                $$$"""{"status":"gestopt","peildatum":"{{{Testdatum.Gisteren}}}","zekerheid":"afgeleid","bron":{"titel":"Concepttest","soort":"derden","datum":"{{{Testdatum.Gisteren}}}"},"toelichting":"voor het concept"}"""));
            Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        }

        var concept = await ConceptAsync("concept-volgend");
        var overgangen = concept.GetProperty("verschillen").GetProperty("statusovergangen").EnumerateArray()
            .Where(o => o.GetProperty("naar").GetString() == "gestopt").Select(o => o.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(items.Order(), overgangen);
        Assert.NotEqual(voor.GetProperty("inhoudHash").GetString(), concept.GetProperty("inhoudHash").GetString());

        using var snapshot = await api.Client.SendAsync(api.Beheer("beheren", HttpMethod.Post, "/api/v1/rapportagecycli/concept-volgend/momentopname"));
        Assert.Equal(HttpStatusCode.Created, snapshot.StatusCode);
        var momentopname = (await snapshot.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("momentopname");
        Assert.Equal(concept.GetProperty("inhoudHash").GetString(), momentopname.GetProperty("inhoudHash").GetString());
        Assert.Equal(concept.GetProperty("aantallen").ToString(), momentopname.GetProperty("aantallen").ToString());

        // Frozen now: the concept is over; the letter's own differences say what the concept said.
        using var daarna = await api.Client.SendAsync(api.Beheer("beheren", HttpMethod.Get, "/api/v1/rapportagecycli/concept-volgend/concept"));
        await Problem.AssertAsync(daarna, HttpStatusCode.Conflict);
        var verschillen = await api.GetJsonAsync("/api/v1/rapportagecycli/concept-volgend/verschillen?tenOpzichteVan=najaar-2024");
        Assert.Equal(concept.GetProperty("verschillen").ToString(), verschillen.ToString());
    }

    [Fact]
    public async Task OnlyCycliBeherenReadsAConceptEvenFromACache()
    {
        await PlanAsync("concept-rollen");
        await ConceptAsync("concept-rollen"); // a 200 first: a cache that kept it would serve the requests below

        using var zonder = await api.Client.GetAsync("/api/v1/rapportagecycli/concept-rollen/concept");
        using var vastleggen = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Get, "/api/v1/rapportagecycli/concept-rollen/concept"));

        await Problem.AssertAsync(zonder, HttpStatusCode.Unauthorized);
        await Problem.AssertAsync(vastleggen, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("bestaat-niet", HttpStatusCode.NotFound)]
    [InlineData("najaar-2024", HttpStatusCode.Conflict)]
    [InlineData("Fout_Id", HttpStatusCode.BadRequest)]
    public async Task AConceptOfAnUnknownFrozenOrMalformedCycleIsAProblem(string id, HttpStatusCode status)
    {
        using var response = await api.Client.SendAsync(api.Beheer("beheren", HttpMethod.Get, $"/api/v1/rapportagecycli/{id}/concept"));

        await Problem.AssertAsync(response, status);
    }
}
