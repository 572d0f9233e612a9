using System.Net;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>Questions a journalist asks in one call: which parties work on zorg, which items are planned or delayed.</summary>
public class JournalistenTests(TestApi api) : IClassFixture<TestApi>
{
    [Fact]
    public async Task ItemsNameTheirPartiesNextToTheirIds()
    {
        var zd01 = await api.GetJsonAsync("/api/v1/oplossingsrichtingen/ZD-01");

        var partijen = zd01.GetProperty("partijen").EnumerateArray()
            .Select(p => (p.GetProperty("id").GetString(), p.GetProperty("naam").GetString(), p.GetProperty("rol").GetString())).ToList();
        Assert.Contains(("jenv", "Ministerie van Justitie en Veiligheid", "verantwoordelijk"), partijen);
        Assert.Contains(("dnb", "De Nederlandsche Bank", "betrokken"), partijen);
    }

    [Fact]
    public async Task PartiesCanBeFilteredByTheme()
    {
        var zorg = (await api.GetJsonAsync("/api/v1/partijen?thema=zorg")).GetProperty("partijen").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        var alle = (await api.GetJsonAsync("/api/v1/partijen")).GetProperty("partijen").GetArrayLength();

        Assert.Contains("humanitas-essm", zorg);
        Assert.DoesNotContain("nvb", zorg);
        Assert.True(zorg.Count < alle);
    }

    [Fact]
    public async Task StatusAndThemeTakeSeveralCommaSeparatedValues()
    {
        var pagina = await api.GetJsonAsync("/api/v1/oplossingsrichtingen?status=gepland,vertraagd&pageSize=100");
        var tweeThemas = await api.GetJsonAsync("/api/v1/oplossingsrichtingen?thema=zorg,politie&pageSize=100");

        Assert.All(pagina.GetProperty("oplossingsrichtingen").EnumerateArray(), o => Assert.True(o.GetProperty("status").GetProperty("status").GetString() is "gepland" or "vertraagd"));
        Assert.Contains(pagina.GetProperty("oplossingsrichtingen").EnumerateArray(), o => o.GetProperty("status").GetProperty("status").GetString() == "vertraagd");
        Assert.Equal(6, tweeThemas.GetProperty("totaal").GetInt32());
    }

    [Fact]
    public async Task AnUnknownValueAmongSeveralIsABadRequestNamingIt()
    {
        using var response = await api.Client.GetAsync("/api/v1/oplossingsrichtingen?status=gepland,klaar");

        var fout = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("klaar", fout.GetProperty("invalidParams")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
