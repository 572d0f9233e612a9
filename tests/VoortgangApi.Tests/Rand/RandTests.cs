using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Rand;

/// <summary>Public reads through the local edge (Varnish with the Front Door route's rules), purged by the app on every commit.</summary>
public class RandTests(RandApi api) : IClassFixture<RandApi>
{
    private static string Cache(HttpResponseMessage r) => r.Headers.TryGetValues("X-Cache", out var v) ? string.Join(",", v) : "(geen X-Cache)";

    private async Task<HttpResponseMessage> LeesAsync(string pad, string? token = null)
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, pad);
        if (token is not null)
        {
            verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var antwoord = await api.Publiek.SendAsync(verzoek);
        await antwoord.Content.LoadIntoBufferAsync();
        return antwoord;
    }

    /// <summary>
    /// Reads that need a hit, from an edge that holds none of their paths yet (each try purges them first, as the app
    /// does): repeated (at most 3 times) only when another purge landed meanwhile — a commit purges beside its answer
    /// and once more 10 s later (Rand:NaspoelSeconden), the fixture's own seeding too.
    /// </summary>
    private async Task<HttpResponseMessage[]> ZonderPurgeTussendoorAsync(params string[] paden)
    {
        for (var poging = 1; ; poging++)
        {
            foreach (var pad in paden.Select(p => p.Split('?')[0]).Distinct(StringComparer.Ordinal))
            {
                using var verzoek = new HttpRequestMessage(new HttpMethod("PURGE"), pad);
                using var purge = await api.Publiek.SendAsync(verzoek);
                Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
            }

            var voor = await api.BansAsync();
            var antwoorden = new List<HttpResponseMessage>();
            foreach (var pad in paden)
            {
                antwoorden.Add(await LeesAsync(pad));
            }

            if (await api.BansAsync() == voor || poging == 3)
            {
                return [.. antwoorden];
            }

            antwoorden.ForEach(a => a.Dispose());
        }
    }

    private static string Status(string status) =>
        $$$"""{"status":"{{{status}}}","peildatum":"{{{Testdatum.Gisteren}}}","zekerheid":"bevestigd","bron":{"titel":"Randtest","soort":"nota","datum":"{{{Testdatum.Gisteren}}}"},"toelichting":"via de host, gelezen via de rand"}""";

    [Fact]
    public async Task TwoIdenticalReadsThroughTheEdgeAreAMissThenAHit()
    {
        var antwoorden = await ZonderPurgeTussendoorAsync("/api/v1/partijen?thema=zakelijke-dienstverlening", "/api/v1/partijen?thema=zakelijke-dienstverlening");
        using var eerste = antwoorden[0];
        using var tweede = antwoorden[1];

        Assert.Equal(HttpStatusCode.OK, eerste.StatusCode);
        Assert.Equal("TCP_MISS", Cache(eerste));
        Assert.Equal("TCP_HIT", Cache(tweede));
        Assert.Equal(await eerste.Content.ReadAsStringAsync(), await tweede.Content.ReadAsStringAsync());
        Assert.True(eerste.Headers.CacheControl is { Public: true, MaxAge: not null, SharedMaxAge: not null }, $"Cache-Control: {eerste.Headers.CacheControl}");
        Assert.True(eerste.Headers.CacheControl!.SharedMaxAge > eerste.Headers.CacheControl.MaxAge, "the edge keeps current data longer than a client: it is purged");
    }

    [Fact]
    public async Task AnUndocumentedQueryParameterIsNotPartOfTheCacheKey()
    {
        var antwoorden = await ZonderPurgeTussendoorAsync(
            "/api/v1/oplossingsrichtingen?thema=zorg", $"/api/v1/oplossingsrichtingen?thema=zorg&x={Guid.NewGuid():N}", "/api/v1/oplossingsrichtingen?thema=zorg&page=2");
        using var eerste = antwoorden[0];
        using var metRommel = antwoorden[1];
        using var anderePagina = antwoorden[2];

        Assert.Equal(HttpStatusCode.OK, eerste.StatusCode);
        Assert.Equal("TCP_HIT", Cache(metRommel));
        Assert.Equal("TCP_MISS", Cache(anderePagina));
    }

    [Fact]
    public async Task AWriteThroughTheHostIsVisibleThroughTheEdgeRightAfterItsPurge()
    {
        const string pad = "/api/v1/oplossingsrichtingen/GE-02";
        var antwoorden = await ZonderPurgeTussendoorAsync(pad, pad);
        using var voor = antwoorden[0];
        using var nogmaals = antwoorden[1];
        Assert.Equal("TCP_HIT", Cache(nogmaals));
        var oud = (await voor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetProperty("status").GetString();
        var nieuw = oud == "gestopt" ? "in_uitvoering" : "gestopt";

        using var schrijf = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Post, $"{pad}/statussen", Status(nieuw)));
        Assert.Equal(HttpStatusCode.Created, schrijf.StatusCode);
        var klaar = DateTime.UtcNow;

        // The purge runs beside the write (its answer does not wait for the edge): the first read after it shows the write.
        string? gezien = null;
        var pogingen = new List<string>();
        while (DateTime.UtcNow - klaar < TimeSpan.FromSeconds(10))
        {
            var begin = DateTime.UtcNow;
            using var na = await LeesAsync(pad);
            gezien = (await na.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetProperty("status").GetString();
            pogingen.Add($"{(begin - klaar).TotalMilliseconds:F0}+{(DateTime.UtcNow - begin).TotalMilliseconds:F0} ms {Cache(na)} {gezien}");
            if (gezien == nieuw)
            {
                break;
            }

            await Task.Delay(20);
        }

        // On failure, say where the time went: the reads (start+duration, hit or miss) and the worker's purge log.
        var verloop = $"lezingen: {string.Join("; ", pogingen.TakeLast(12))} | randlog: {string.Join("; ", api.Randlog.Regels.TakeLast(8).Select(r => r.Bericht))}";
        Assert.Equal(nieuw, gezien);
        Assert.True(DateTime.UtcNow - klaar < TimeSpan.FromSeconds(2), $"de rand toonde de schrijfactie pas na {(DateTime.UtcNow - klaar).TotalMilliseconds:F0} ms; {verloop}");
    }

    [Fact]
    public async Task ARequestWithATokenIsNeverAnsweredFromTheCache()
    {
        var antwoorden = await ZonderPurgeTussendoorAsync("/api/v1/overzicht", "/api/v1/overzicht");
        using var publiek = antwoorden[0];
        using var weer = antwoorden[1];
        Assert.Equal("TCP_HIT", Cache(weer));

        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var metToken = await LeesAsync("/api/v1/overzicht", api.Token("alles"));
            Assert.Equal(HttpStatusCode.OK, metToken.StatusCode);
            Assert.Equal("TCP_MISS", Cache(metToken));
            Assert.True(metToken.Headers.CacheControl is { Private: true, NoStore: true, Public: false }, $"Cache-Control: {metToken.Headers.CacheControl}");
        }

        using var metCookie = new HttpRequestMessage(HttpMethod.Get, "/api/v1/overzicht");
        metCookie.Headers.Add("Cookie", "sessie=1");
        using var cookieAntwoord = await api.Publiek.SendAsync(metCookie);
        Assert.Equal("TCP_MISS", Cache(cookieAntwoord));
        Assert.True(cookieAntwoord.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {cookieAntwoord.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("beheren", "/api/v1/rapportagecycli/najaar-2024/concept")]
    [InlineData("vastleggen", "/api/v1/invulblad")]
    [InlineData("programmas", "/api/v1/programmas/aanpak-sekswerkers/toegang")]
    [InlineData("alles", "/api/v1/beheer")]
    public async Task AdminAnswersAreNeverKeptByTheEdge(string rol, string pad)
    {
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var antwoord = await LeesAsync(pad, api.Token(rol));
            Assert.True(antwoord.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{pad}: {(int)antwoord.StatusCode}");
            Assert.Equal("TCP_MISS", Cache(antwoord));
            Assert.True(antwoord.Headers.CacheControl is { Private: true, NoStore: true }, $"{pad}: Cache-Control {antwoord.Headers.CacheControl}");
        }

        // Without a token the same path is refused, and the refusal is not kept either.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var zonder = await LeesAsync(pad);
            if (zonder.StatusCode != HttpStatusCode.OK)
            {
                Assert.Equal("TCP_MISS", Cache(zonder));
                Assert.True(zonder.Headers.CacheControl is { NoStore: true }, $"{pad}: Cache-Control {zonder.Headers.CacheControl}");
            }
        }
    }

    [Theory]
    [InlineData("/api/v1/oplossingsrichtingen/XX-99")]
    [InlineData("/api/v1/themas?page=0")]
    [InlineData("/api/v1/bestaat-niet")] // the host's own 404, without a body or Cache-Control
    public async Task AnErrorIsNeverKeptLongerThanItsHeaderAllows(string pad)
    {
        using var eerste = await LeesAsync(pad);
        using var tweede = await LeesAsync(pad);

        Assert.True((int)eerste.StatusCode is >= 400 and < 500, $"{pad}: {(int)eerste.StatusCode}");
        // The app's errors say no-store; the platform's own (no API-Version) say nothing, and the edge keeps them neither.
        Assert.True(eerste.Headers.Contains("API-Version") ? eerste.Headers.CacheControl is { NoStore: true } : eerste.Headers.CacheControl is null,
            $"Cache-Control: {eerste.Headers.CacheControl}");
        Assert.Equal("TCP_MISS", Cache(tweede));
    }

    [Fact]
    public async Task LinksInAnAnswerThroughTheEdgeNameTheEdge()
    {
        var pagina = await api.Publiek.GetFromJsonAsync<JsonElement>("/api/v1/oplossingsrichtingen?page=1");

        Assert.StartsWith(api.RandBasis.AbsoluteUri.TrimEnd('/') + "/api/v1/oplossingsrichtingen", pagina.GetProperty("_links").GetProperty("self").GetProperty("href").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePublishedStatusPageIsServedByTheEdgeAndNamesTheEdgeAsItsApi()
    {
        var antwoorden = await ZonderPurgeTussendoorAsync("/open-data/v1/index.html", "/open-data/v1/index.html");
        using var pagina = antwoorden[0];
        using var weer = antwoorden[1];

        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        Assert.Equal("TCP_HIT", Cache(weer));
        Assert.Contains($"http://127.0.0.1:{api.RandPoort}/api/v1", await pagina.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEdgeKeepsExactlyTheDocumentedQueryParametersOfTheContract()
    {
        var contract = await api.Publiek.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var gedocumenteerd = Randcontract.QueryParameters(contract, "get");

        var lijst = JsonSerializer.Deserialize<string[]>(await File.ReadAllTextAsync(Repo.Pad("edge", "queryparameters.json")))!;
        Assert.Equal(gedocumenteerd, lijst.Order(StringComparer.Ordinal));
        var vcl = await File.ReadAllTextAsync(Repo.Pad("edge", "voortgang.vcl"));
        Assert.Contains($"(?:{string.Join('|', lijst)})=", vcl, StringComparison.Ordinal);
    }
}
