using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Volgen;

/// <summary>The Atom feeds of the log, per programme, theme and item, read by feedparser and by .NET's syndication reader.</summary>
public class FeedTests(TestApi api) : IClassFixture<TestApi>
{
    public static TheoryData<string> Feeds => new()
    {
        "/api/v1/feed", "/api/v1/themas/zorg/feed", "/api/v1/oplossingsrichtingen/ZD-03/feed",
        "/api/v1/programmas/aanpak-sekswerkers/feed", "/api/v1/programmas/aanpak-sekswerkers/oplossingsrichtingen/ZD-03/feed",
    };

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task EveryFeedIsValidAtomForFeedparserAndTheSyndicationReader(string pad)
    {
        using var antwoord = await api.Client.GetAsync(pad);
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Equal("application/atom+xml", antwoord.Content.Headers.ContentType?.MediaType);
        var bytes = await antwoord.Content.ReadAsByteArrayAsync();

        var feed = await Feedlezer.LeesAsync(bytes);
        Assert.True(feed.GetProperty("bozo").GetInt32() == 0, $"{pad}: bozo 1 — {feed.GetProperty("fout").GetString()}");
        Assert.Equal("atom10", feed.GetProperty("versie").GetString());
        var entries = feed.GetProperty("entries").EnumerateArray().ToList();
        Assert.NotEmpty(entries);
        Assert.Equal(entries.Count, entries.Select(e => e.GetProperty("id").GetString()).Distinct().Count());
        Assert.All(entries, e => Assert.StartsWith("urn:uuid:", e.GetProperty("id").GetString(), StringComparison.Ordinal));
        Assert.Contains(feed.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "self");

        using var xml = XmlReader.Create(new MemoryStream(bytes));
        var syndicatie = SyndicationFeed.Load(xml);
        Assert.Equal(entries.Count, syndicatie.Items.Count());
        Assert.All(syndicatie.Items, i => Assert.NotEqual(default, i.LastUpdatedTime));
    }

    [Fact]
    public async Task AStatusWrittenIsTheNewestEntryOfItsItemFeedWithItsCertaintyAndTheSameIdInTheProgrammeFeed()
    {
        const string body = """{"status":"vertraagd","peildatum":"{{datum}}","zekerheid":"afgeleid","bron":{"titel":"Feedtest","soort":"nota","datum":"{{datum}}"},"toelichting":"voor de feed"}""";
        using var schrijf = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Post, "/api/v1/oplossingsrichtingen/ZO-02/statussen",
            body.Replace("{{datum}}", Testdatum.Gisteren, StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Created, schrijf.StatusCode);
        var regel = (await schrijf.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var item = await LeesFeedAsync("/api/v1/oplossingsrichtingen/ZO-02/feed");
        var nieuwste = item.GetProperty("entries")[0];
        Assert.Contains("ZO-02", nieuwste.GetProperty("titel").GetString(), StringComparison.Ordinal);
        Assert.Contains("vertraagd", nieuwste.GetProperty("titel").GetString(), StringComparison.Ordinal);
        Assert.Contains("zekerheid afgeleid", nieuwste.GetProperty("samenvatting").GetString(), StringComparison.Ordinal);
        Assert.Contains("Feedtest", nieuwste.GetProperty("samenvatting").GetString(), StringComparison.Ordinal);
        Assert.Contains("zekerheid:afgeleid", nieuwste.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.EndsWith($"/oplossingsrichtingen/ZO-02/statussen/{regel}", nieuwste.GetProperty("link").GetString(), StringComparison.Ordinal);

        var programma = await LeesFeedAsync("/api/v1/feed");
        Assert.Equal(nieuwste.GetProperty("id").GetString(), programma.GetProperty("entries")[0].GetProperty("id").GetString());
        var thema = await LeesFeedAsync("/api/v1/themas/zorg/feed");
        Assert.Equal(nieuwste.GetProperty("id").GetString(), thema.GetProperty("entries")[0].GetProperty("id").GetString());
        var anderThema = await LeesFeedAsync("/api/v1/themas/politie/feed");
        Assert.DoesNotContain(anderThema.GetProperty("entries").EnumerateArray(), e => e.GetProperty("id").GetString() == nieuwste.GetProperty("id").GetString());
    }

    [Fact]
    public async Task AFeedAnswers304ToItsETagUntilALineOfItsScopeIsRecorded()
    {
        using var eerste = await api.Client.GetAsync("/api/v1/oplossingsrichtingen/GE-01/feed");
        var etag = eerste.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.True(eerste.Headers.CacheControl is { Public: true, MaxAge: not null }, $"Cache-Control: {eerste.Headers.CacheControl}");

        using var opnieuw = new HttpRequestMessage(HttpMethod.Get, "/api/v1/oplossingsrichtingen/GE-01/feed");
        opnieuw.Headers.IfNoneMatch.Add(etag);
        using var nietGewijzigd = await api.Client.SendAsync(opnieuw);
        Assert.Equal(HttpStatusCode.NotModified, nietGewijzigd.StatusCode);

        const string body = """{"status":"in_uitvoering","peildatum":"{{datum}}","zekerheid":"bevestigd","bron":{"titel":"Feedtest","soort":"nota","datum":"{{datum}}","passage":{"tekst":"een fictieve passage voor de feedtest"}}}""";
        using var schrijf = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Post, "/api/v1/oplossingsrichtingen/GE-01/statussen",
            body.Replace("{{datum}}", Testdatum.Gisteren, StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Created, schrijf.StatusCode);

        using var na = new HttpRequestMessage(HttpMethod.Get, "/api/v1/oplossingsrichtingen/GE-01/feed");
        na.Headers.IfNoneMatch.Add(etag);
        using var gewijzigd = await api.Client.SendAsync(na);
        Assert.Equal(HttpStatusCode.OK, gewijzigd.StatusCode);
        Assert.NotEqual(etag, gewijzigd.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/v1/oplossingsrichtingen/XX-99/feed", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/themas/bestaat-niet/feed", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/programmas/bestaat-niet/feed", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/feed?pageSize=5", HttpStatusCode.BadRequest)]
    public async Task AnUnknownScopeOrParameterIsAProblemNotAFeed(string pad, HttpStatusCode verwacht)
    {
        using var antwoord = await api.Client.GetAsync(pad);
        Assert.Equal(verwacht, antwoord.StatusCode);
        Assert.Equal("application/problem+json", antwoord.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheProgrammeLinksToItsFeedAndTheStatusPageAnnouncesIt()
    {
        var programma = await api.GetJsonAsync("/api/v1/programmas/aanpak-sekswerkers");
        Assert.EndsWith("/programmas/aanpak-sekswerkers/feed", programma.GetProperty("_links").GetProperty("feed").GetProperty("href").GetString(), StringComparison.Ordinal);

        var pagina = System.Text.Encoding.UTF8.GetString(VoortgangApi.OpenData.Statuspagina.Lees("index.html", "https://api.voorbeeld.nl/api/v1", Core.OpenData.Publicatietitels.Standaard));
        Assert.Contains("""<link rel="alternate" type="application/atom+xml" title="Elke wijziging (Atom)" href="https://api.voorbeeld.nl/api/v1/feed">""", pagina, StringComparison.Ordinal);
    }

    private async Task<JsonElement> LeesFeedAsync(string pad)
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, pad);
        verzoek.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        using var antwoord = await api.Client.SendAsync(verzoek);
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var feed = await Feedlezer.LeesAsync(await antwoord.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, feed.GetProperty("bozo").GetInt32());
        return feed;
    }
}
