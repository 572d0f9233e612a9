using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using VoortgangApi.Storage;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Browser;

/// <summary>
/// The API on a real port, with the open-data origin (Azurite's blob endpoint) as the allowed website origin;
/// the published status page therefore runs on one origin and calls the API on another.
/// </summary>
public sealed class BrowserApi : TestApi
{
    public BrowserApi()
    {
        Poort = VrijePoort();
        var azurite = Azurite.GetAsync().GetAwaiter().GetResult();
        Stel("OpenData:ApiBaseUrl", $"http://127.0.0.1:{Poort}/api/v1");
        Stel("Cors:AllowedOrigins", $"http://127.0.0.1:{azurite.BlobPort}");
    }

    public string ApiOrigin => $"http://127.0.0.1:{Poort}";

    public VerzoekLogger Verzoeken { get; } = new();

    protected override void Configureer(WebApplicationBuilder builder)
    {
        builder.Logging.AddProvider(Verzoeken);
        builder.Logging.AddFilter<VerzoekLogger>("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Information);
    }
}

public class StatuspaginaBrowserTests(BrowserApi api) : IClassFixture<BrowserApi>
{
    // Debian's Chromium, never a browser that Playwright downloads (.ci/run installs it with apt).
    private static readonly string Chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    internal static async Task<IBrowser> StartAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} ontbreekt: installeer Debian's chromium (apt-get install chromium), zoals .ci/run doet.");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    [Fact]
    public async Task ThePublishedStatusPageReadsTheApiFromAnotherOrigin()
    {
        var pagina = api.Service<OpenDataLocatie>().Url + "/v1/index.html";
        var eerder = api.Verzoeken.Antwoorden.Count;
        Assert.NotEqual(new Uri(pagina).GetLeftPart(UriPartial.Authority), api.ApiOrigin);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StartAsync(playwright);
        var page = await browser.NewPageAsync();
        var overzicht = new List<int>();
        page.Response += (_, r) =>
        {
            if (r.Url.StartsWith(api.ApiOrigin + "/api/v1/overzicht", StringComparison.Ordinal))
            {
                overzicht.Add(r.Status);
            }
        };

        await page.GotoAsync(pagina);
        await page.Locator("[data-thema]").Nth(4).WaitForAsync();

        var themas = page.Locator("[data-thema]");
        Assert.Equal(5, await themas.CountAsync());
        var aantallen = await page.Locator("[data-aantal]").EvaluateAllAsync<int[]>("els => els.map(e => Number(e.dataset.aantal))");
        Assert.Equal(19, aantallen.Sum());
        var tekst = await page.Locator("#themas").InnerTextAsync();
        Assert.Contains("Zakelijke dienstverlening", tekst, StringComparison.Ordinal);
        // The changes between the 2023 and 2024 letters, with their source, dates as a Dutch reader writes them.
        Assert.Contains("Zakelijke schadeverzekeringen voor sekswerkers: van In uitvoering naar Gerealiseerd", tekst, StringComparison.Ordinal);
        Assert.Contains("10 november 2023 en 18 november 2024", tekst, StringComparison.Ordinal);
        Assert.Contains("Brief over de visie op sekswerk: Vertraagd", tekst, StringComparison.Ordinal);
        // The progress chart per theme has its text alternative: a table with a row per letter.
        Assert.Equal(5, await page.Locator("figure.grafiek svg[role=img]").CountAsync());
        Assert.Equal(2, await page.Locator("[data-thema=zorg] figure.grafiek tbody tr").CountAsync());
        Assert.StartsWith("Stand geladen", await page.Locator("#melding").InnerTextAsync(), StringComparison.Ordinal);

        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));

        // Usable by keyboard: the first Tab reaches the skip link, later ones the links to the items' histories.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Naar de inhoud", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        var bereikt = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            bereikt.Add(await page.EvaluateAsync<string>("document.activeElement.getAttribute('href') || document.activeElement.tagName"));
        }

        Assert.Contains(bereikt, h => h.EndsWith("/oplossingsrichtingen/ZD-03/historie", StringComparison.Ordinal));

        // The reload revalidates: the browser sends If-None-Match and the API answers 304 (the page still shows the data).
        var herladen = await page.RunAndWaitForResponseAsync(() => page.ReloadAsync(), r => r.Url.StartsWith(api.ApiOrigin + "/api/v1/overzicht", StringComparison.Ordinal));
        await page.Locator("[data-thema]").Nth(4).WaitForAsync();
        Assert.Equal(200, overzicht[0]);
        // Playwright reports what the page got (the revalidated cache entry, 200); the server log shows what went over the wire.
        Assert.NotNull(await herladen.Request.HeaderValueAsync("if-none-match"));
        var server = api.Verzoeken.Antwoorden.Skip(eerder).Where(a => a.Pad == "/api/v1/overzicht" && a.Methode == "GET").Select(a => a.Status).ToList();
        Assert.Equal([200, 304], server);
        Assert.Equal(5, await themas.CountAsync());
    }

    [Fact]
    public async Task ReleaseLandingPagePassesAxe()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StartAsync(playwright);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(api.Service<OpenDataLocatie>().Url + "/v1/cycli/najaar-2024/index.html");

        // The data files and datapackage.json (the page itself and SHA256SUMS are written after it), then one row per status.
        Assert.Equal(8, await page.Locator("table").First.Locator("tbody tr").CountAsync());
        Assert.Equal(24, await page.Locator("table").Nth(1).Locator("tbody tr").CountAsync());
        Assert.Contains("nota", await page.Locator("table").Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }

    [Fact]
    public async Task TheReferencePageRendersEveryOperationOffline()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StartAsync(playwright);
        var page = await browser.NewPageAsync();
        var extern_ = new List<string>();
        page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith(api.ApiOrigin, StringComparison.Ordinal))
            {
                extern_.Add(r.Url);
            }
        };

        await page.GotoAsync(api.ApiOrigin + "/api/v1/documentatie");
        await page.Locator(".opblock").First.WaitForAsync();

        Assert.True(await page.Locator(".opblock").CountAsync() >= 25);
        // The status enum of /oplossingsrichtingen is listed, and "try it" reaches this server.
        var operatie = page.Locator("#operations-Oplossingsrichtingen-getOplossingsrichtingen");
        await operatie.Locator(".opblock-summary").First.ClickAsync();
        await operatie.GetByText("in_uitvoering").First.WaitForAsync();
        await operatie.Locator(".try-out__btn").ClickAsync();
        var antwoord = await page.RunAndWaitForResponseAsync(() => operatie.Locator(".execute").ClickAsync(),
            r => r.Url.StartsWith(api.ApiOrigin + "/api/v1/oplossingsrichtingen", StringComparison.Ordinal));
        Assert.Equal(200, antwoord.Status);
        Assert.Empty(extern_);
        var axe = await page.RunAxe();
        var ernstig = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(ernstig.Count == 0, string.Join("\n", ernstig.Select(v =>
            $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(4).Select(n => string.Join(" ", n.Target) + " " + n.Html[..Math.Min(n.Html.Length, 120)]))}")));
    }
}
