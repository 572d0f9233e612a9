using System.Net;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

public class ThemasApiTests(TestApi api) : IClassFixture<TestApi>
{
    [Fact]
    public async Task GetThemasReturnsTheFiveThemesWithCountsPerStatus()
    {
        var json = await api.GetJsonAsync("/api/v1/themas");

        var themas = json.GetProperty("themas").EnumerateArray().ToList();
        Assert.Equal(
            ["zakelijke-dienstverlening", "zorg", "politie", "gemeenten", "communicatie-en-media"],
            themas.Select(t => t.GetProperty("id").GetString()));
        Assert.All(themas, t => Assert.Equal(
            t.GetProperty("aantalOplossingsrichtingen").GetInt32(),
            t.GetProperty("aantalPerStatus").EnumerateObject().Sum(s => s.Value.GetInt32())));
    }

    [Fact]
    public async Task EveryResponseCarriesTheFullSemverApiVersion()
    {
        using var ok = await api.Client.GetAsync("/api/v1/themas");
        using var fout = await api.Client.GetAsync("/api/v1/themas/bestaat-niet");

        // Which version it is, ContractversieTests holds to info.version and CHANGELOG.md; here: full SemVer, on errors too.
        Assert.Matches(@"^\d+\.\d+\.\d+$", ok.Headers.GetValues("API-Version").Single());
        Assert.Equal(ok.Headers.GetValues("API-Version").Single(), fout.Headers.GetValues("API-Version").Single());
    }

    [Fact]
    public async Task GetThemaReturnsItsKnelpuntenAndOplossingsrichtingen()
    {
        var json = await api.GetJsonAsync("/api/v1/themas/zorg");

        Assert.Equal("zorg", json.GetProperty("id").GetString());
        Assert.Equal(["P-ZO-1", "P-ZO-2"], json.GetProperty("knelpunten").EnumerateArray().Select(k => k.GetProperty("id").GetString()));
        Assert.Equal(["ZO-01", "ZO-02", "ZO-03"], json.GetProperty("oplossingsrichtingen").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task GetThemaWithUnknownIdReturnsProblem404()
    {
        using var response = await api.Client.GetAsync("/api/v1/themas/bestaat-niet");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TrailingSlashReturnsProblem404InsteadOfTheCollection()
    {
        using var response = await api.Client.GetAsync("/api/v1/themas/");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownQueryParameterOnThemasIsRejected()
    {
        using var response = await api.Client.GetAsync("/api/v1/themas?foo=bar");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("foo", problem.GetProperty("invalidParams")[0].GetProperty("name").GetString());
    }
}
