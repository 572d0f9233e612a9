using Microsoft.Playwright;
using VoortgangApi.Tests.Browser;

namespace VoortgangApi.Tests.Rand;

/// <summary>The published status page in Chromium, opened through the edge: it reads the API from its own origin.</summary>
public class RandBrowserTests(RandApi api) : IClassFixture<RandApi>
{
    [Fact]
    public async Task TheStatusPageThroughTheEdgeReadsTheApiThroughTheEdgeWithoutCors()
    {
        var origin = api.RandBasis.AbsoluteUri.TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StatuspaginaBrowserTests.StartAsync(playwright);
        var page = await browser.NewPageAsync();
        var apiAntwoorden = new List<(string Url, string? Cache, string? Cors)>();
        page.Response += (_, r) =>
        {
            if (r.Url.Contains("/api/v1/", StringComparison.Ordinal))
            {
                apiAntwoorden.Add((r.Url, r.Headers.GetValueOrDefault("x-cache"), r.Headers.GetValueOrDefault("access-control-allow-origin")));
            }
        };

        await page.GotoAsync(origin + "/open-data/v1/index.html");
        await page.Locator("[data-thema]").Nth(4).WaitForAsync();

        Assert.Equal(5, await page.Locator("[data-thema]").CountAsync());
        Assert.NotEmpty(apiAntwoorden);
        Assert.All(apiAntwoorden, a => Assert.StartsWith(origin + "/api/v1/", a.Url, StringComparison.Ordinal));
        Assert.All(apiAntwoorden, a => Assert.StartsWith("TCP_", a.Cache, StringComparison.Ordinal)); // answered by the edge
        Assert.All(apiAntwoorden, a => Assert.Null(a.Cors)); // same origin: no CORS needed
    }
}
