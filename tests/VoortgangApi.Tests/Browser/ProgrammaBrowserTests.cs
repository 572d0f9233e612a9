using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using VoortgangApi.OpenData;
using VoortgangApi.Storage;
using VoortgangApi.Tests.Programmas;

namespace VoortgangApi.Tests.Browser;

/// <summary>A second, fictional programme's published pages in Chromium: its status page reads its own API paths; the index page of all programmes.</summary>
public class ProgrammaBrowserTests(BrowserApi api) : IClassFixture<BrowserApi>, IAsyncLifetime
{
    private const string Id = "voorbeeld-pagina";

    public Task InitializeAsync() => ProgrammasApiTests.PubliceerAsync(api, Id);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AProgrammesPublishedStatusPageShowsItsOwnThemeAndPassesAxe()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StatuspaginaBrowserTests.StartAsync(playwright);
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{api.Service<OpenDataLocatie>().Url}/programmas/{Id}/v1/index.html");
        await page.Locator("[data-thema]").First.WaitForAsync();

        Assert.Equal(["voorbeeld"], await page.Locator("[data-thema]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.thema)"));
        Assert.Contains($"Voorbeeldprogramma {Id} (fictief)", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }

    [Fact]
    public async Task TheIndexPageOfAllProgrammesPassesAxe()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StatuspaginaBrowserTests.StartAsync(playwright);
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{api.Service<OpenDataLocatie>().Url}/{Programmaindex.Pad}");

        Assert.True(await page.Locator("section").CountAsync() >= 2);
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }
}
