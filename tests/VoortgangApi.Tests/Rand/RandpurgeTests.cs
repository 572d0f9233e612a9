using System.Net;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using VoortgangApi.Core;
using VoortgangApi.Core.Rand;
using VoortgangApi.Functions.Rand;
using VoortgangApi.Storage;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Rand;

/// <summary>The purge after a commit: what it asks the edge, and what happens when the edge or Azure says no.</summary>
public class RandpurgeTests
{
    private const string Standaard = "aanpak-sekswerkers";

    /// <summary>A purger that refuses its first <c>weigeringen</c> calls and records every call.</summary>
    private sealed class Purger(int weigeringen) : IRandpurger
    {
        public List<IReadOnlyCollection<string>> Aanroepen { get; } = [];
        public SemaphoreSlim Geroepen { get; } = new(0);

        public Task PurgeAsync(IReadOnlyCollection<string> paden, CancellationToken ct)
        {
            lock (Aanroepen)
            {
                Aanroepen.Add(paden);
            }

            Geroepen.Release();
            return Aanroepen.Count <= weigeringen ? Task.FromException(new HttpRequestException("rand onbereikbaar")) : Task.CompletedTask;
        }
    }

    // The purge waits on the fake clock: move it on in small steps until the next call comes (the wait may not be set yet).
    private static async Task VolgendeAanroepAsync(Purger purger, FakeTimeProvider klok)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await purger.Geroepen.WaitAsync(TimeSpan.FromMilliseconds(20)))
            {
                return;
            }

            klok.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Fail("de purge kwam niet");
    }

    [Fact]
    public async Task AFailedPurgeIsRetriedWithTheLaterCommitsMergedInAndThenRepeatedOnce()
    {
        var purger = new Purger(weigeringen: 2);
        var klok = new FakeTimeProvider();
        using var purge = new Randpurge(purger, new Randpaden(Standaard), Options.Create(new RandOptions { Soort = "Varnish", NaspoelSeconden = 10 }), klok, NullLogger<Randpurge>.Instance);
        await purge.StartAsync(default);

        purge.Gewijzigd(new Wijziging("tweede", Wijzigingssoorten.Logregels, ["X-1"], 1, 1));
        await VolgendeAanroepAsync(purger, klok); // refused
        purge.Gewijzigd(new Wijziging("derde", Wijzigingssoorten.Logregels, ["Y-1"], 1, 1));
        await VolgendeAanroepAsync(purger, klok); // refused, now with both programmes
        await VolgendeAanroepAsync(purger, klok); // accepted
        await VolgendeAanroepAsync(purger, klok); // the repeat for fills that were under way

        await purge.StopAsync(default);
        Assert.Equal(4, purger.Aanroepen.Count);
        Assert.Contains("/api/v1/programmas/tweede/*", purger.Aanroepen[0]);
        Assert.DoesNotContain("/api/v1/programmas/derde/*", purger.Aanroepen[0]);
        Assert.Contains("/api/v1/programmas/derde/*", purger.Aanroepen[1]);
        Assert.Equal(purger.Aanroepen[1], purger.Aanroepen[2]);
        Assert.Equal(purger.Aanroepen[2], purger.Aanroepen[3]);
        Assert.Equal(2, purge.Gelukt); // the purge and its repeat
    }

    [Fact]
    public void TheStandardProgrammesPurgeCoversEveryPublicPathOfTheContract()
    {
        var contract = JsonDocument.Parse(File.ReadAllText(Repo.Pad("contract", "openapi.json"))).RootElement;
        var paden = new Randpaden(Standaard).Voor(new Wijziging(Standaard, Wijzigingssoorten.Logregels, ["ZD-01"]));
        var statisch = new[] { "/openapi.", "/documentatie", "/beheer" };

        var openbaar = contract.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("get", out var get) && !Beschermd(get) && !statisch.Any(s => p.Name.StartsWith(s, StringComparison.Ordinal)))
            .Select(p => "/api/v1" + System.Text.RegularExpressions.Regex.Replace(p.Name, "{[^}]+}", "x"))
            .ToList();

        Assert.NotEmpty(openbaar);
        Assert.All(openbaar, pad => Assert.True(Gedekt(paden, pad), $"{pad} wordt niet gepurged"));
        Assert.True(Gedekt(paden, "/api/v1/programmas/aanpak-sekswerkers/themas"));
        Assert.True(Gedekt(paden, "/api/v1/programmas"));
    }

    [Fact]
    public void AnotherProgrammesCommitPurgesOnlyItsOwnPathsAndTheListOfProgrammes()
    {
        var paden = new Randpaden(Standaard).Voor(new Wijziging("tweede", Wijzigingssoorten.Logregels, ["X-1"]));

        Assert.True(Gedekt(paden, "/api/v1/programmas/tweede/oplossingsrichtingen/X-1"));
        Assert.True(Gedekt(paden, "/api/v1/programmas"));
        Assert.False(Gedekt(paden, "/api/v1/themas"));
        Assert.False(Gedekt(paden, "/api/v1/programmas/aanpak-sekswerkers/themas"));
        Assert.False(Gedekt(paden, "/open-data/programmas/tweede/v1/latest.json")); // no publication: the files did not change
        Assert.All(paden, p => Assert.True(Randpaden.IsGeldig(p), p));
    }

    [Fact]
    public void APublicationAlsoPurgesTheProgrammesOpenDataAndTheOverview()
    {
        var standaard = new Randpaden(Standaard).Voor(new Wijziging(Standaard, Wijzigingssoorten.Publicatie, []));
        var ander = new Randpaden(Standaard).Voor(new Wijziging("tweede", Wijzigingssoorten.Publicatie, []));

        Assert.True(Gedekt(standaard, "/open-data/v1/latest.json"));
        Assert.True(Gedekt(ander, "/open-data/programmas/tweede/v1/index.html"));
        Assert.False(Gedekt(ander, "/open-data/v1/latest.json"));
        Assert.True(Gedekt(ander, "/open-data/programmas/index.html"));
    }

    [Theory]
    [InlineData("/api/v1/themas", true)]
    [InlineData("/api/v1/themas/*", true)]
    [InlineData("api/v1/themas", false)]
    [InlineData("/api/v1/themas?x=1", false)]
    [InlineData("/api/v1/*/themas", false)]
    [InlineData("/api/v1/../beheer", false)]
    [InlineData("/api/v1/th(e|a)mas", false)]
    public void OnlyPlainPathsArePurged(string pad, bool geldig) => Assert.Equal(geldig, Randpaden.IsGeldig(pad));

    [Fact]
    public async Task FrontDoorsPurgeIsOnePostPerHundredPathsWithTheManagedIdentitysToken()
    {
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.Is<TokenRequestContext>(t => t.Scopes.Single() == "https://management.azure.com/.default"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("arm-token", DateTimeOffset.UtcNow.AddHours(1)));
        var handler = new Opnemer(HttpStatusCode.Accepted);
        const string endpoint = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Cdn/profiles/afd/afdEndpoints/voortgang";
        var purger = new FrontDoorPurger(new HttpClient(handler), credential.Object, endpoint);

        await purger.PurgeAsync([.. Enumerable.Range(0, 150).Select(i => $"/api/v1/programmas/p{i}/*")], default);

        Assert.Equal(2, handler.Verzoeken.Count);
        Assert.All(handler.Verzoeken, v => Assert.Equal($"https://management.azure.com{endpoint}/purge?api-version=2024-02-01", v.Url));
        Assert.All(handler.Verzoeken, v => Assert.Equal("Bearer arm-token", v.Autorisatie));
        Assert.Equal([100, 50], handler.Verzoeken.Select(v => JsonDocument.Parse(v.Body).RootElement.GetProperty("contentPaths").GetArrayLength()));
    }

    [Fact]
    public async Task ARefusalOrAnUnavailableIdentityMakesTheFrontDoorPurgeFailSoItIsRetried()
    {
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("arm-token", DateTimeOffset.UtcNow.AddHours(1)));
        var geweigerd = new FrontDoorPurger(new HttpClient(new Opnemer(HttpStatusCode.Forbidden)), credential.Object, "/subscriptions/s/x");
        var zonderIdentiteit = new Mock<TokenCredential>();
        zonderIdentiteit.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new CredentialUnavailableException("geen beheerde identiteit"));
        var handler = new Opnemer(HttpStatusCode.Accepted);
        var zonder = new FrontDoorPurger(new HttpClient(handler), zonderIdentiteit.Object, "/subscriptions/s/x");

        var fout = await Assert.ThrowsAsync<HttpRequestException>(() => geweigerd.PurgeAsync(["/api/v1/themas"], default));
        Assert.Equal(HttpStatusCode.Forbidden, fout.StatusCode);
        await Assert.ThrowsAsync<CredentialUnavailableException>(() => zonder.PurgeAsync(["/api/v1/themas"], default));
        Assert.Empty(handler.Verzoeken);
    }

    // An operation that needs a token is answered private, no-store: the edge never keeps it, so it needs no purge.
    private static bool Beschermd(JsonElement operatie) =>
        operatie.TryGetProperty("security", out var eisen) && eisen.EnumerateArray().Any(e => e.EnumerateObject().Any());

    private static bool Gedekt(IEnumerable<string> paden, string pad) =>
        paden.Any(p => p.EndsWith("/*", StringComparison.Ordinal) ? pad.StartsWith(p[..^1], StringComparison.Ordinal) : p == pad);

    private sealed class Opnemer(HttpStatusCode status) : HttpMessageHandler
    {
        public List<(string Url, string? Autorisatie, string Body)> Verzoeken { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Verzoeken.Add((request.RequestUri!.AbsoluteUri, request.Headers.Authorization?.ToString(), await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(status) { Content = new StringContent("{}") };
        }
    }
}
