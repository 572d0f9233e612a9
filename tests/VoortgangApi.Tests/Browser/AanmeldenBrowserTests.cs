using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace VoortgangApi.Tests.Browser;

/// <summary>
/// Signing in as an official would, in Debian's Chromium: the reference page's Authorize opens the development
/// provider's login page (code + PKCE), a test user is chosen, and "Try it out" on an admin operation is then accepted.
/// </summary>
public class AanmeldenBrowserTests(BrowserApi api) : IClassFixture<BrowserApi>
{
    [Fact]
    public async Task TryItOutInTheReferencePageRecordsAStatusAfterSigningIn()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StatuspaginaBrowserTests.StartAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(api.ApiOrigin + "/api/v1/documentatie");
        await page.Locator(".btn.authorize").First.ClickAsync();
        var code = page.Locator(".auth-container").Filter(new() { HasText = "authorizationCode with PKCE" });
        // The client and the scope come from the document (x-client-id, the flow's scope), through initOAuth.
        Assert.Equal("voortgang-beheer", await code.Locator("#client_id_authorizationCode").InputValueAsync());
        Assert.True(await code.Locator("input[data-value='api://voortgang-api/Beheer']").IsCheckedAsync());

        var aanmelden = await page.RunAndWaitForPopupAsync(() => code.Locator("button.authorize").ClickAsync());
        await aanmelden.GetByRole(AriaRole.Heading, new() { Name = "Aanmelden bij de ontwikkelprovider" }).WaitForAsync();
        var axe = await aanmelden.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));
        await aanmelden.GetByRole(AriaRole.Button, new() { Name = "Aanmelden als Testgebruiker Beide rollen" }).ClickAsync();

        // The popup lands on oauth2-redirect.html, hands the code to Swagger UI and closes; Swagger UI redeems it.
        await code.Locator("button", new() { HasText = "Logout" }).WaitForAsync(new() { Timeout = 15_000 });
        await page.Locator(".btn-done").First.ClickAsync();

        var operatie = page.Locator("#operations-Oplossingsrichtingen-postStatus");
        await operatie.Locator(".opblock-summary").First.ClickAsync();
        await operatie.Locator(".try-out__btn").ClickAsync();
        var antwoord = await page.RunAndWaitForResponseAsync(() => operatie.Locator(".execute").ClickAsync(),
            r => r.Url.StartsWith(api.ApiOrigin + "/api/v1/oplossingsrichtingen/", StringComparison.Ordinal) && r.Request.Method == "POST");

        Assert.Equal(201, antwoord.Status);
        Assert.StartsWith("Bearer ", await antwoord.Request.HeaderValueAsync("authorization") ?? "", StringComparison.Ordinal);
    }
}
