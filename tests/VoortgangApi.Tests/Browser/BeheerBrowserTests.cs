using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using VoortgangApi.Core;
using VoortgangApi.Tests.Infrastructure;
using VoortgangApi.Tests.Invulblad;

namespace VoortgangApi.Tests.Browser;

/// <summary>
/// The beheer page in Debian's Chromium as an official uses it: sign in at the development provider (code + PKCE
/// through oidc-client-ts), record a status (a 400 shown beside its field first), the invulblad (download, dry run,
/// apply), plan a cycle, read its concept, freeze and publish it; every screen passes axe, and the keyboard alone gets through.
/// </summary>
public class BeheerBrowserTests(BrowserApi api) : IClassFixture<BrowserApi>
{

    private static async Task GeenAxeFoutenAsync(IPage page, string scherm)
    {
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, scherm + ": " + string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    private async Task<IPage> AangemeldAsync(IBrowser browser, string gebruiker)
    {
        var page = await (await browser.NewContextAsync(new() { AcceptDownloads = true, Locale = "en-US" })).NewPageAsync();
        await page.GotoAsync(api.ApiOrigin + "/api/v1/beheer");
        await GeenAxeFoutenAsync(page, "niet aangemeld");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden als " + gebruiker }).ClickAsync();
        await page.GetByText("Aangemeld als " + gebruiker).WaitForAsync(new() { Timeout = 15_000 });
        await page.Locator("#items tbody tr").First.WaitForAsync();
        return page;
    }

    [Fact]
    public async Task AnOfficialDoesTheWholeWorkflowInTheBeheerPage()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StatuspaginaBrowserTests.StartAsync(playwright);
        var page = await AangemeldAsync(browser, "Testgebruiker Beide rollen");
        await GeenAxeFoutenAsync(page, "aangemeld");

        // One status: bevestigd without a source date is the API's 400, shown beside the field it names.
        await page.GetByLabel("Oplossingsrichting", new() { Exact = true }).SelectOptionAsync("ZD-03");
        await page.GetByLabel("Nieuwe status").SelectOptionAsync("vertraagd");
        await page.Locator("#veld-peildatum").FillAsync(Testdatum.Gisteren);
        await page.GetByLabel("Zekerheid").SelectOptionAsync("bevestigd");
        await page.GetByLabel("Titel van de bron").FillAsync("Voorbeeldbron browser");
        await page.GetByRole(AriaRole.Button, new() { Name = "Status vastleggen" }).ClickAsync();
        var bronDatum = page.GetByLabel("Datum van de bron");
        await Assertions.Expect(bronDatum).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Contains("bevestigd", await page.Locator("#" + (await bronDatum.GetAttributeAsync("aria-describedby"))!.Split(' ')[0]).TextContentAsync(), StringComparison.Ordinal);
        await GeenAxeFoutenAsync(page, "fout naast het veld");
        await bronDatum.FillAsync(Testdatum.Gisteren);
        await page.GetByRole(AriaRole.Button, new() { Name = "Status vastleggen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#melding")).ToContainTextAsync("Vastgelegd: ZD-03 is nu vertraagd");

        // A source without a date of its own: the date from which it is known needs its reason, said beside that field.
        await page.GetByLabel("Oplossingsrichting", new() { Exact = true }).SelectOptionAsync("GE-02");
        await page.GetByLabel("Nieuwe status").SelectOptionAsync("in_uitvoering");
        await page.Locator("#veld-peildatum").FillAsync(Testdatum.Gisteren);
        await page.GetByLabel("Zekerheid").SelectOptionAsync("bevestigd");
        await page.GetByLabel("Titel van de bron").FillAsync("Voorbeeldbericht browser (fictief)");
        await page.Locator("#veld-bron-bekendvanaf").FillAsync(Testdatum.Gisteren);
        await page.Locator("#veld-bron-passage").FillAsync("de training is begonnen, zegt het fictieve bericht");
        await page.GetByRole(AriaRole.Button, new() { Name = "Status vastleggen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#veld-bron-tijdsbepaling")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.Locator("#veld-bron-tijdsbepaling").FillAsync("De datum in de titel (fictief).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Status vastleggen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#melding")).ToContainTextAsync("Vastgelegd: GE-02 is nu in_uitvoering");

        // The invulblad: download, fill one row (another library than the API's writer), dry run, apply.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Invulblad downloaden" }).ClickAsync());
        var pad = Path.Combine(Path.GetTempPath(), $"invulblad-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(pad);
        using (var blad = new Werkmapbewerker(await File.ReadAllBytesAsync(pad)))
        {
            await File.WriteAllBytesAsync(pad, blad.Tekst("ZD-04", "H", "gestopt").Tekst("ZD-04", "I", Testdatum.Gisteren).Tekst("ZD-04", "J", "afgeleid")
                .Tekst("ZD-04", "K", "Voorbeeldbron browser").Tekst("ZD-04", "L", "derden").Tekst("ZD-04", "M", Testdatum.Gisteren).Tekst("ZD-04", "P", "Afgeleid in de browsertest.").Bewaar());
        }

        await page.GetByLabel("Ingevuld invulblad (.xlsx)").SetInputFilesAsync(pad);
        await page.GetByRole(AriaRole.Button, new() { Name = "Proef uploaden" }).ClickAsync();
        await Assertions.Expect(page.Locator("#verslag")).ToContainTextAsync("Proef: wat er vastgelegd zou worden");
        await Assertions.Expect(page.Locator("#verslag tr", new() { HasText = "ZD-04" })).ToContainTextAsync("vastleggen");
        await GeenAxeFoutenAsync(page, "proef");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toepassen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#verslag tr", new() { HasText = "ZD-04" })).ToContainTextAsync("vastgelegd");
        await Assertions.Expect(page.Locator("#items tr", new() { HasText = "ZD-04" })).ToContainTextAsync("gestopt");
        File.Delete(pad);

        // A cycle: plan, its concept against the last letter, freeze after the confirmation that says it is irreversible.
        await page.GetByLabel("Id van de cyclus").FillAsync("browser-volgend");
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Brief uit de browsertest");
        await page.Locator("#plan-peildatum").FillAsync(Testdatum.Gisteren);
        await page.GetByLabel("Datum van de Kamerbrief").FillAsync(Testdatum.Gisteren);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cyclus plannen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Concept bekijken: browser-volgend" }).ClickAsync();
        await Assertions.Expect(page.Locator("#concept")).ToContainTextAsync("ZD-04");
        await Assertions.Expect(page.Locator("#concept")).ToContainTextAsync("ZD-03");
        await GeenAxeFoutenAsync(page, "concept");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vaststellen: browser-volgend" }).ClickAsync();
        var dialoog = page.GetByRole(AriaRole.Dialog, new() { Name = "Vaststellen is onherroepelijk" });
        await Assertions.Expect(dialoog).ToContainTextAsync("voor altijd vast");
        await GeenAxeFoutenAsync(page, "bevestiging");
        await dialoog.GetByRole(AriaRole.Button, new() { Name = "Ja, vaststellen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#melding")).ToContainTextAsync("Vastgesteld: Brief uit de browsertest");
        await Assertions.Expect(page.Locator("#cycli tr", new() { HasText = "browser-volgend" })).ToContainTextAsync("vastgesteld");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiceren: browser-volgend" }).ClickAsync();
        await Assertions.Expect(page.Locator("#melding")).ToContainTextAsync("Gepubliceerd:");
        await GeenAxeFoutenAsync(page, "gepubliceerd");
    }

    [Fact]
    public async Task AProgrammeManagerCreatesAProgrammeAndTheWholePageTurnsToIt()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StatuspaginaBrowserTests.StartAsync(playwright);
        var page = await AangemeldAsync(browser, "Testgebruiker Programmabeheer");
        Assert.Equal("aanpak-sekswerkers", await page.Locator("#programma").InputValueAsync());

        // A malformed id is the API's 400, shown beside the field; then a valid, visibly fictional programme.
        await page.GetByLabel("Id van het nieuwe programma").FillAsync("Geen Id");
        await page.GetByLabel("Titel van het programma").FillAsync("Voorbeeldprogramma beheerpagina (fictief)");
        await page.GetByLabel("Verantwoordelijk ministerie").FillAsync("Ministerie van Justitie en Veiligheid");
        await page.GetByLabel("Omschrijving van het programma").FillAsync("Verzonnen, om de beheerpagina te proberen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Programma aanmaken" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Id van het nieuwe programma")).ToHaveAttributeAsync("aria-invalid", "true");
        await GeenAxeFoutenAsync(page, "fout bij het programma-id");
        await page.GetByLabel("Id van het nieuwe programma").FillAsync("voorbeeld-beheerpagina");
        await page.GetByRole(AriaRole.Button, new() { Name = "Programma aanmaken" }).ClickAsync();

        await Assertions.Expect(page.Locator("#melding")).ToContainTextAsync("Programma Voorbeeldprogramma beheerpagina (fictief) aangemaakt");
        await Assertions.Expect(page.Locator("#programma")).ToHaveValueAsync("voorbeeld-beheerpagina");
        await Assertions.Expect(page.Locator("#items tbody tr")).ToHaveCountAsync(0); // a new programme has no items yet
        await GeenAxeFoutenAsync(page, "nieuw programma");

        // Back to the standard programme: its items again.
        await page.Locator("#programma").SelectOptionAsync("aanpak-sekswerkers");
        await page.Locator("#items tbody tr").First.WaitForAsync();
    }

    [Theory]
    [InlineData("/api/v1/beheer")]
    [InlineData("/api/v1/documentatie")]
    public async Task APageThatHoldsTokensHasAScriptPolicyThatBlocksAnInlineScript(string pad)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StatuspaginaBrowserTests.StartAsync(playwright);
        var page = await browser.NewPageAsync();

        var antwoord = await page.GotoAsync(api.ApiOrigin + pad);
        var csp = await antwoord!.HeaderValueAsync("content-security-policy");
        var ingevoegd = await page.EvaluateAsync<bool>(
            "() => { const s = document.createElement('script'); s.textContent = 'window.__ingevoegd = true'; document.body.appendChild(s); return window.__ingevoegd === true; }");

        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.False(ingevoegd); // the page's own scripts (from 'self') run — the other tests sign in through them
        await Assertions.Expect(page.Locator("body")).Not.ToBeEmptyAsync();
    }

    [Fact]
    public async Task AUserWithoutARoleIsToldWhatTheyCannotDo()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StatuspaginaBrowserTests.StartAsync(playwright);
        var page = await AangemeldAsync(browser, "Testgebruiker Zonder rol");

        await Assertions.Expect(page.Locator("#rollen-uitleg")).ToContainTextAsync("zonder rol");
        await Assertions.Expect(page.GetByText("Hiervoor is de rol Voortgang.Vastleggen nodig; die heeft u niet. Vraag")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Plannen, vaststellen en publiceren vraagt de rol Cycli.Beheren")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Status vastleggen" })).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Invulblad downloaden" })).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cyclus plannen" })).ToBeDisabledAsync();
        await GeenAxeFoutenAsync(page, "zonder rol");
    }

    [Fact]
    public async Task TheKeyboardAloneIsEnoughToRecordAStatus()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StatuspaginaBrowserTests.StartAsync(playwright);
        var page = await (await browser.NewContextAsync(new() { Locale = "en-US" })).NewPageAsync();
        await page.GotoAsync(api.ApiOrigin + "/api/v1/beheer");

        await TabNaarAsync(page, "aanmelden");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Aanmelden bij de ontwikkelprovider" }).WaitForAsync();
        await TabNaarAsync(page, null, "Aanmelden als Testgebruiker Beide rollen");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Aangemeld als Testgebruiker Beide rollen").WaitForAsync(new() { Timeout = 15_000 });
        await page.Locator("#veld-id option").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await TabNaarAsync(page, "veld-id");
        await page.Keyboard.TypeAsync("ZO-03");
        await TabNaarAsync(page, "veld-status");
        await page.Keyboard.TypeAsync("doorlopend");
        await TabNaarAsync(page, "veld-peildatum");
        var gisteren = TimeProvider.System.Vandaag().AddDays(-1);
        await page.Keyboard.TypeAsync(gisteren.ToString("MMddyyyy", CultureInfo.InvariantCulture)); // en-US: month, day, year
        await TabNaarAsync(page, "veld-zekerheid");
        await page.Keyboard.TypeAsync("afgeleid");
        await TabNaarAsync(page, "veld-bron-titel");
        await page.Keyboard.TypeAsync("Voorbeeldbron toetsenbord");
        await TabNaarAsync(page, "veld-bron-datum"); // a change rests on a source placed in time
        await page.Keyboard.TypeAsync(gisteren.ToString("MMddyyyy", CultureInfo.InvariantCulture));
        await TabNaarAsync(page, "veld-toelichting");
        await page.Keyboard.TypeAsync("Alleen met het toetsenbord ingevoerd.");
        await TabNaarAsync(page, null, "Status vastleggen");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#melding")).ToContainTextAsync("Vastgelegd: ZO-03 is nu doorlopend vanaf " + gisteren.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    // Only Tab presses: moves the focus forward until it is on the element with this id (or accessible text).
    private static async Task TabNaarAsync(IPage page, string? id, string? tekst = null)
    {
        for (var i = 0; i < 120; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<string[]>("() => [document.activeElement.id || '', (document.activeElement.textContent || '').trim()]");
            if ((id is not null && focus[0] == id) || (tekst is not null && focus[1] == tekst))
            {
                return;
            }
        }

        Assert.Fail($"Met Tab is {id ?? tekst} niet te bereiken.");
    }
}
