using System.Net;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>The local host with the public website's origin allowed.</summary>
public sealed class WebsiteApi : TestApi
{
    public const string Website = "https://www.voorbeeld.nl";

    public WebsiteApi() => Stel("Cors:AllowedOrigins", Website);
}

public class WebsiteApiTests(WebsiteApi api) : IClassFixture<WebsiteApi>
{
    private static HttpRequestMessage Get(string pad, string? origin = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pad);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return request;
    }

    [Theory]
    [InlineData("/api/v1/themas")]
    [InlineData("/api/v1/overzicht")]
    [InlineData("/api/v1/oplossingsrichtingen?thema=zorg")]
    [InlineData("/api/v1/openapi.json")]
    public async Task GetWithTheReturnedETagAnswers304WithTheSameCachingHeaders(string pad)
    {
        using var eerste = await api.Client.SendAsync(Get(pad));
        var etag = eerste.Headers.ETag!.Tag;

        using var tweede = await api.Client.SendAsync(Get(pad, ifNoneMatch: etag));

        Assert.Equal(HttpStatusCode.NotModified, tweede.StatusCode);
        Assert.Empty(await tweede.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, tweede.Headers.ETag!.Tag);
        Assert.Equal(eerste.Headers.CacheControl, tweede.Headers.CacheControl);
        Assert.False(eerste.Headers.ETag.IsWeak);
    }

    [Fact]
    public async Task StaleETagGetsTheFullRepresentation()
    {
        using var response = await api.Client.SendAsync(Get("/api/v1/themas", ifNoneMatch: "\"verouderd\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CachingFollowsWhetherAnAnswerCanChange()
    {
        using var huidig = await api.Client.GetAsync("/api/v1/themas");
        using var cyclus = await api.Client.GetAsync("/api/v1/themas?cyclus=najaar-2024");

        Assert.Equal("public, max-age=60", huidig.Headers.CacheControl!.ToString());
        Assert.Equal("public, max-age=31536000, immutable", cyclus.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task DifferencesBetweenTwoSnapshotsAreImmutable()
    {
        using var response = await api.Client.GetAsync("/api/v1/rapportagecycli/najaar-2024/verschillen?tenOpzichteVan=aanpak-2023");

        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task PreflightFromTheAllowedOriginGetsTheCorsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/overzicht");
        request.Headers.Add("Origin", WebsiteApi.Website);
        request.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(WebsiteApi.Website, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherOriginGetsNoAccessControlAllowOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/overzicht");
        request.Headers.Add("Origin", "https://kwaadaardig.voorbeeld");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        using var preflight = await api.Client.SendAsync(request);
        using var get = await api.Client.SendAsync(Get("/api/v1/overzicht", origin: "https://kwaadaardig.voorbeeld"));

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(get.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Contains("Origin", get.Headers.Vary);
    }

    [Fact]
    public async Task ActualRequestFromTheAllowedOriginMayReadTheETag()
    {
        using var response = await api.Client.SendAsync(Get("/api/v1/overzicht", origin: WebsiteApi.Website));

        Assert.Equal(WebsiteApi.Website, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocumentAllowsEveryOrigin()
    {
        using var response = await api.Client.SendAsync(Get("/api/v1/openapi.json", origin: "https://wie.dan.ook"));

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [InlineData("/api/v1/themas", null, 200)]
    [InlineData("/api/v1/themas", "etag", 304)]
    [InlineData("/api/v1/themas/bestaat-niet", null, 404)]
    [InlineData("/api/v1/oplossingsrichtingen?pageSize=0", null, 400)]
    public async Task SecurityHeadersArePresentOnEveryKindOfResponse(string pad, string? metETag, int status)
    {
        string? etag = null;
        if (metETag is not null)
        {
            using var eerste = await api.Client.GetAsync(pad);
            etag = eerste.Headers.ETag!.Tag;
        }

        using var response = await api.Client.SendAsync(Get(pad, ifNoneMatch: etag));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
        Assert.True(response.Headers.Contains("API-Version"));
    }

    [Fact]
    public async Task TheSummaryCarriesTheHomePagesFiguresInFewBytes()
    {
        using var response = await api.Client.GetAsync("/api/v1/overzicht");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var json = System.Text.Json.Nodes.JsonNode.Parse(bytes)!;

        // What a browser downloads is the Brotli copy: that is the payload that must stay small.
        using var br = new HttpRequestMessage(HttpMethod.Get, "/api/v1/overzicht");
        br.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        using var gecomprimeerd = await api.Ruw.SendAsync(br);
        Assert.InRange(bytes.Length, 500, 12 * 1024);
        Assert.InRange((await gecomprimeerd.Content.ReadAsByteArrayAsync()).Length, 200, 3 * 1024);
        Assert.Equal(5, json["themas"]!.AsArray().Count);
        Assert.Equal("najaar-2024", (string?)json["laatsteCyclus"]!["id"]);
        Assert.EndsWith("/v1/catalogus.jsonld", (string?)json["openData"]!["catalogus"], StringComparison.Ordinal);
    }
}
