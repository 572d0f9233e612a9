using System.Net;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

public class OplossingsrichtingenApiTests(TestApi api) : IClassFixture<TestApi>
{
    [Fact]
    public async Task PageOfAThemeHasItemsTotalAndNextLink()
    {
        using var response = await api.Client.GetAsync("/api/v1/oplossingsrichtingen?thema=gemeenten&pageSize=2");
        var json = await api.GetJsonAsync("/api/v1/oplossingsrichtingen?thema=gemeenten&pageSize=2");

        Assert.Equal(2, json.GetProperty("oplossingsrichtingen").GetArrayLength());
        Assert.Equal(5, json.GetProperty("totaal").GetInt32());
        var link = response.Headers.GetValues("Link").Single();
        Assert.Contains("page=2&pageSize=2&thema=gemeenten>; rel=\"next\"", link, StringComparison.Ordinal);
        Assert.EndsWith("page=2&pageSize=2&thema=gemeenten", json.GetProperty("_links").GetProperty("next").GetProperty("href").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastPageHasNoNextLink()
    {
        using var response = await api.Client.GetAsync("/api/v1/oplossingsrichtingen?thema=gemeenten&pageSize=2&page=3");

        Assert.DoesNotContain("rel=\"next\"", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=100000")]
    [InlineData("status=onzin")]
    [InlineData("thema=bestaat-niet")]
    public async Task InvalidQueryValueReturnsProblem400(string query)
    {
        using var response = await api.Client.GetAsync($"/api/v1/oplossingsrichtingen?{query}");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Problem400ListsAllInvalidParameters()
    {
        using var response = await api.Client.GetAsync("/api/v1/oplossingsrichtingen?pageSize=0&status=onzin&thema=x");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["pageSize", "status", "thema"],
            problem.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order());
    }

    [Theory]
    [InlineData("zoek")]
    [InlineData("partij")]
    public async Task FilterInjectionNeverReturnsAllRows(string parameter)
    {
        using var response = await api.Client.GetAsync($"/api/v1/oplossingsrichtingen?{parameter}={Uri.EscapeDataString("x' or PartitionKey ne '")}");

        if (response.StatusCode == HttpStatusCode.OK)
        {
            var json = await api.GetJsonAsync($"/api/v1/oplossingsrichtingen?{parameter}={Uri.EscapeDataString("x' or PartitionKey ne '")}");
            Assert.Equal(0, json.GetProperty("totaal").GetInt32());
        }
        else
        {
            await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task GetOplossingsrichtingReturnsItsStatusWithSourceAndCertainty()
    {
        var json = await api.GetJsonAsync("/api/v1/oplossingsrichtingen/ZD-03");

        var status = json.GetProperty("status");
        Assert.Equal("gerealiseerd", status.GetProperty("status").GetString());
        Assert.Equal("2024-11-18", status.GetProperty("peildatum").GetString());
        Assert.Equal("bevestigd", status.GetProperty("zekerheid").GetString());
        Assert.StartsWith("https://", status.GetProperty("bron").GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOplossingsrichtingWithUnknownIdReturnsProblem404()
    {
        using var response = await api.Client.GetAsync("/api/v1/oplossingsrichtingen/XX-99");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }
}
