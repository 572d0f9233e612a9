using System.Net;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>RFC 9110 §13.2.1: the precondition of a PUT is judged before its body, so a body's errors never hide a 428 or 412.</summary>
public class VoorwaardeTests(TestApi api) : IClassFixture<TestApi>
{
    private const string OngeldigeBody = """{"onbekend":true,"titel":""}""";

    [Theory]
    [InlineData("/api/v1/oplossingsrichtingen/ZD-04")]
    [InlineData("/api/v1/partijen/vng")]
    [InlineData("/api/v1/knelpunten/P-ZD-1")]
    [InlineData("/api/v1/rapportagecycli/najaar-2024-plan")]
    public async Task APutOnAnExistingResourceWithoutIfMatchIs428EvenWithAnInvalidBody(string pad)
    {
        await ZorgDatHetBestaat(pad);

        using var response = await api.Client.SendAsync(api.Beheer(HttpMethod.Put, pad, OngeldigeBody));

        await Problem.AssertAsync(response, HttpStatusCode.PreconditionRequired);
    }

    [Theory]
    [InlineData("/api/v1/oplossingsrichtingen/ZD-04")]
    [InlineData("/api/v1/rapportagecycli/najaar-2024-plan")]
    public async Task APutWithAStaleIfMatchIs412EvenWithAnInvalidBody(string pad)
    {
        await ZorgDatHetBestaat(pad);

        using var response = await api.Client.SendAsync(api.Beheer(HttpMethod.Put, pad, OngeldigeBody, ("If-Match", "\"verouderd\"")));

        await Problem.AssertAsync(response, HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task WithTheCurrentETagTheBodyIsJudged()
    {
        var etag = (await api.Client.GetAsync("/api/v1/oplossingsrichtingen/ZD-04")).Headers.ETag!.ToString();

        using var response = await api.Client.SendAsync(api.Beheer(HttpMethod.Put, "/api/v1/oplossingsrichtingen/ZD-04", OngeldigeBody, ("If-Match", etag)));

        var fout = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.True(fout.GetProperty("invalidParams").GetArrayLength() > 1);
    }

    // Items come from the seed; a cycle that is still gepland is planned here first (a vastgesteld one is a 409).
    private async Task ZorgDatHetBestaat(string pad)
    {
        if (pad.StartsWith("/api/v1/rapportagecycli/", StringComparison.Ordinal))
        {
            using var plan = await api.Client.SendAsync(api.Beheer(HttpMethod.Put, pad,
                """{"titel":"Voorwaarden","peildatum":"2026-06-01","kamerbrief":{"datum":"2026-06-15"}}""", ("If-None-Match", "*")));
            Assert.True(plan.StatusCode is HttpStatusCode.Created or HttpStatusCode.PreconditionFailed, $"{(int)plan.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync(pad)).StatusCode);
    }
}
