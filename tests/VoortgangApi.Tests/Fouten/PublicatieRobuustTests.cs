using System.Net;
using System.Text;
using System.Xml.Linq;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.OpenData;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Fouten;

/// <summary>A release with text that XML cannot carry (stored by an older version) never blocks the feed or latest.json.</summary>
public class PublicatieRobuustTests(TestApi api) : IClassFixture<TestApi>
{
    private async Task Stuur(HttpMethod methode, string pad, string? body = null)
    {
        using var response = await api.Client.SendAsync(api.Beheer(methode, pad, body));
        Assert.True(response.IsSuccessStatusCode, $"{pad}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task ACycleWithAControlCharacterInItsTitleDoesNotStopLaterReleases()
    {
        // As an earlier version could store it: straight into the store, past today's input checks.
        var peildatum = new DateOnly(2025, 3, 1);
        await api.Service<ICyclusStore>().BewaarAsync(
            new Rapportagecyclus("ctl-1", "x\u0001y", peildatum, new Kamerbrief(peildatum, null, null, null, null), Toestanden.Gepland, null), null, default);
        await Stuur(HttpMethod.Post, "/api/v1/rapportagecycli/ctl-1/momentopname");
        await Stuur(HttpMethod.Post, "/api/v1/rapportagecycli/ctl-1/publicatie");

        await Stuur(HttpMethod.Put, "/api/v1/rapportagecycli/normaal-2025", """{"titel":"Normaal","peildatum":"2025-06-01","kamerbrief":{"datum":"2025-06-15"}}""");
        await Stuur(HttpMethod.Post, "/api/v1/rapportagecycli/normaal-2025/momentopname");
        await Stuur(HttpMethod.Post, "/api/v1/rapportagecycli/normaal-2025/publicatie");

        var store = api.Service<IOpenDataStore>();
        var feed = XDocument.Parse(Encoding.UTF8.GetString((await store.LeesAsync(Layout.Feed, default))!));
        var titels = feed.Descendants(XName.Get("title", "http://www.w3.org/2005/Atom")).Select(t => t.Value).ToList();
        Assert.Contains("Normaal", titels);
        Assert.Contains("xy", titels);
        Assert.Contains("\"cyclus\": \"normaal-2025\"", Encoding.UTF8.GetString((await store.LeesAsync(Layout.Laatste, default))!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFeedLinksToItselfAndToThePublicPage()
    {
        var store = api.Service<IOpenDataStore>();
        var feed = XDocument.Parse(Encoding.UTF8.GetString((await store.LeesAsync(Layout.Feed, default))!));
        var links = feed.Root!.Elements(XName.Get("link", "http://www.w3.org/2005/Atom")).ToDictionary(l => (string?)l.Attribute("rel") ?? "alternate", l => (string)l.Attribute("href")!);

        Assert.EndsWith("/v1/feed.atom", links["self"], StringComparison.Ordinal);
        Assert.EndsWith("/v1/index.html", links["alternate"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await new HttpClient().GetAsync(links["alternate"])).StatusCode);
    }
}
