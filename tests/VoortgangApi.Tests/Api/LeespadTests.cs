using System.IO.Compression;
using System.Net;
using System.Text.Json;
using VoortgangApi.Core;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>The cheap read path: HEAD, precompressed answers with their own ETags, and a prepared answer that a write replaces at once.</summary>
public class LeespadTests(TestApi api) : IClassFixture<TestApi>
{
    private async Task<HttpResponseMessage> Get(string pad, string? acceptEncoding = null, string? ifNoneMatch = null, HttpMethod? methode = null)
    {
        using var request = new HttpRequestMessage(methode ?? HttpMethod.Get, pad);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await api.Ruw.SendAsync(request);
    }

    [Fact]
    public async Task HeadAnswersWithTheGetsHeadersOnly()
    {
        using var get = await Get("/api/v1/themas");
        using var head = await Get("/api/v1/themas", methode: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
        Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task ACompressedAnswerIsARepresentationOfItsOwn(string codering)
    {
        using var gewoon = await Get("/api/v1/oplossingsrichtingen?pageSize=100");
        using var gecomprimeerd = await Get("/api/v1/oplossingsrichtingen?pageSize=100", $"{codering}, identity;q=0.5");
        var bytes = await gewoon.Content.ReadAsByteArrayAsync();
        var ingepakt = await gecomprimeerd.Content.ReadAsByteArrayAsync();

        using var bron = new MemoryStream(ingepakt);
        using Stream uitpakker = codering == "br" ? new BrotliStream(bron, CompressionMode.Decompress) : new GZipStream(bron, CompressionMode.Decompress);
        using var uit = new MemoryStream();
        await uitpakker.CopyToAsync(uit);

        Assert.Equal(codering, gecomprimeerd.Content.Headers.ContentEncoding.Single());
        Assert.True(ingepakt.Length < bytes.Length / 2, $"{ingepakt.Length} van {bytes.Length} bytes");
        Assert.Equal(bytes, uit.ToArray());
        Assert.NotEqual(gewoon.Headers.ETag, gecomprimeerd.Headers.ETag);
        Assert.False(gecomprimeerd.Headers.ETag!.IsWeak);
        Assert.Contains("Accept-Encoding", gecomprimeerd.Headers.Vary);
        using var nietGewijzigd = await Get("/api/v1/oplossingsrichtingen?pageSize=100", codering, gecomprimeerd.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, nietGewijzigd.StatusCode);
    }

    [Fact]
    public async Task AWriteIsVisibleInTheNextReadOfAPreparedAnswer()
    {
        var voor = await api.GetJsonAsync("/api/v1/themas");
        var gisteren = TimeProvider.System.Vandaag().AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var post = await api.Client.SendAsync(api.Beheer(HttpMethod.Post, "/api/v1/oplossingsrichtingen/ZO-03/statussen",
            $$$"""{"status":"gestopt","peildatum":"{{{gisteren}}}","zekerheid":"afgeleid","toelichting":"Afgeleid in de test.","bron":{"titel":"Leespadtest","soort":"nota","datum":"{{{gisteren}}}"}}"""));
        var na = await api.GetJsonAsync("/api/v1/themas");

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        Assert.Equal(Gestopt(voor) + 1, Gestopt(na));
    }

    [Fact]
    public async Task AnIfMatchWithTheETagOfACompressedAnswerIsAcceptedOnAWrite()
    {
        using var get = await Get("/api/v1/partijen/vng", "br");
        var body = """{"naam":"Vereniging van Nederlandse Gemeenten","soort":"koepelorganisatie","website":"https://vng.nl"}""";

        using var put = await api.Client.SendAsync(api.Beheer(HttpMethod.Put, "/api/v1/partijen/vng", body, ("If-Match", get.Headers.ETag!.Tag)));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    private static int Gestopt(JsonElement themas) =>
        themas.GetProperty("themas").EnumerateArray().Sum(t => t.GetProperty("aantalPerStatus").GetProperty("gestopt").GetInt32());
}
