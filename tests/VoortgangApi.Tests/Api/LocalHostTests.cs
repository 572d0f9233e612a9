using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoortgangApi.LocalHost;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>The local host with the worker's answer-cache log at Debug, captured on the host side.</summary>
public sealed class HostApi : TestApi
{
    public HostApi()
    {
        Stel("Logging:LogLevel:VoortgangApi.Functions.Http", "Debug");
        Stel("Cors:AllowedOrigins", "https://website.voorbeeld.nl");
        Stel("Cache:VersieControleSeconden", "3600"); // one time bucket for the whole class: a cache miss then means a write
    }

    public LogVanger Werkerlog { get; } = new("VoortgangApi.Functions.Http");

    protected override void Configureer(WebApplicationBuilder builder)
    {
        builder.Logging.AddProvider(Werkerlog);
        builder.Logging.AddFilter<LogVanger>("VoortgangApi.Functions.Http", LogLevel.Debug);
    }
}

/// <summary>The host as Azure's: a worker process of its own over the gRPC protocol, the host's own answers, platform CORS.</summary>
public class LocalHostTests(HostApi api) : IClassFixture<HostApi>
{
    private Verbinding Werker => api.Host.Services.GetRequiredService<Werker>().Huidig!;

    [Fact]
    public void TheFunctionsRunInAWorkerProcessOfTheirOwnStartedFromTheAppBuild()
    {
        Assert.NotEqual(Environment.ProcessId, Werker.ProcesId);
        var opdracht = File.ReadAllText($"/proc/{Werker.ProcesId}/cmdline").Split('\0');
        Assert.Contains(opdracht, a => a.EndsWith("VoortgangApi.Functions.dll", StringComparison.Ordinal));
        Assert.Contains("--functions-worker-id", opdracht);
        Assert.Contains("--functions-grpc-max-message-length", opdracht);
    }

    [Fact]
    public async Task EveryHttpFunctionTheWorkerIndexedIsServedByTheWorker()
    {
        var http = Werker.Functies.Where(f => f.IsHttp).ToList();
        Assert.Contains(http, f => f.Naam == "getThemas");
        var fouten = new List<string>();
        foreach (var functie in http)
        {
            var route = System.Text.RegularExpressions.Regex.Replace(functie.Trigger.Route!, "{[^}]+}", "voorbeeld");
            using var request = new HttpRequestMessage(new HttpMethod(functie.Trigger.Methods![0].ToUpperInvariant()), $"/api/{route}");
            request.Headers.Authorization = new("Bearer", api.Token("alles"));
            using var response = await api.Ruw.SendAsync(request);
            // Every answer of the worker carries API-Version; the host's own answers do not.
            if (!response.Headers.Contains("API-Version") || (int)response.StatusCode >= 500)
            {
                fouten.Add($"{functie.Naam}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(fouten);
    }

    [Theory]
    [InlineData("GET", "/api/v1/bestaat-niet")]
    [InlineData("GET", "/api/v1/%2e%2e/openapi.yaml")]
    [InlineData("GET", "/api/v1/%2e%2e/x")]
    [InlineData("GET", "/api/v1/oplossingsrichtingen%2e%2e%2f")]
    [InlineData("GET", "/api/v1/bestaat-niet.json")]
    [InlineData("GET", "/statuspagina/index.html")]
    [InlineData("DELETE", "/api/v1/themas")]
    [InlineData("POST", "/api/v1/overzicht")]
    [InlineData("GET", "/api/v1/oplossingsrichtingen/ZD-01/statussen")]
    public async Task AnUnknownRouteOrAMethodTheTriggerDoesNotListGetsTheHostsEmpty404(string methode, string pad)
    {
        using var response = await api.Ruw.SendAsync(new HttpRequestMessage(new HttpMethod(methode), pad));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.False(response.Headers.Contains("API-Version"));
    }

    [Fact]
    public void EveryTriggerIsAnonymousAtThePlatformLevelSoTheAppIsTheOneGuard()
    {
        var http = Werker.Functies.Where(f => f.IsHttp).ToList();

        Assert.NotEmpty(http);
        Assert.All(http, f => Assert.Equal("anonymous", f.Trigger.AuthLevel, ignoreCase: true));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("verkeerde-sleutel")]
    [InlineData(TestApi.AdminSleutel)]
    public async Task AnAdminOperationWithoutATokenGetsTheApps401WhateverKeyItCarries(string? sleutel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/partijen/sleutelloos")
        {
            Content = new StringContent("""{"naam":"Zonder token","soort":"sector"}""", Encoding.UTF8, "application/json"),
        };
        if (sleutel is not null)
        {
            request.Headers.Add("x-functions-key", sleutel);
        }

        using var response = await api.Ruw.SendAsync(request);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.True(response.Headers.Contains("API-Version"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.Ruw.GetAsync("/api/v1/partijen/sleutelloos")).StatusCode);
    }

    [Theory]
    [InlineData("aanvaller.voorbeeld.org")]
    [InlineData("aanvaller.voorbeeld.org:7071")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task AHostHeaderThatIsNoLoopbackNameGetsAProblem400AndReachesNoFunction(string host)
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, "/api/v1/themas");
        verzoek.Headers.Host = host;
        using var schrijf = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]) };
        schrijf.Headers.Host = host;
        using var ontdek = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        ontdek.Headers.Host = host; // the provider answers this one itself: it runs only after the check, on its own paths

        using var antwoord = await api.Ruw.SendAsync(verzoek);
        using var token = await api.Ruw.SendAsync(schrijf);
        using var configuratie = await api.Ruw.SendAsync(ontdek);

        foreach (var r in new[] { antwoord, token, configuratie })
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.Equal(400, (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
            Assert.False(r.Headers.Contains("API-Version")); // the host's own answer: the worker never saw the request
        }

        Assert.Equal(HttpStatusCode.OK, (await api.Ruw.GetAsync("/api/v1/themas")).StatusCode); // 127.0.0.1 still answers
    }

    [Fact]
    public async Task ATrailingSlashReachesTheAppAndGetsItsProblem404()
    {
        using var response = await api.Client.GetAsync("/api/v1/themas/");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task HeadIsServedWhereTheTriggerListsIt()
    {
        using var response = await api.Ruw.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/themas"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task PreparedAnswersServeIdenticalGetsUntilAWrite()
    {
        const string pad = "/api/v1/partijen/cache-proef";
        using (var put = await api.Client.SendAsync(api.Beheer(HttpMethod.Put, pad, """{"naam":"Eerste naam","soort":"sector"}""")))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        var voor = UitCache(pad);
        var eerste = await api.Ruw.GetStringAsync(pad);
        var tweede = await api.Ruw.GetStringAsync(pad);
        await api.Werkerlog.WachtAsync(() => UitCache(pad) > voor, TimeSpan.FromSeconds(10));

        Assert.Equal(eerste, tweede);
        Assert.Equal(voor + 1, UitCache(pad)); // the second GET, served without running the function

        var etag = (await api.Ruw.GetAsync(pad)).Headers.ETag!.ToString();
        using (var wijzig = await api.Client.SendAsync(api.Beheer(HttpMethod.Put, pad, """{"naam":"Tweede naam","soort":"sector"}""", ("If-Match", etag))))
        {
            Assert.Equal(HttpStatusCode.OK, wijzig.StatusCode);
        }

        var naSchrijven = UitCache(pad);
        var vers = await api.Ruw.GetStringAsync(pad);
        _ = await api.Ruw.GetStringAsync(pad);
        // Lines arrive in order: once the last GET's cache line is here, one for the GET after the write would be too.
        await api.Werkerlog.WachtAsync(() => UitCache(pad) > naSchrijven, TimeSpan.FromSeconds(10));

        Assert.Contains("Tweede naam", vers, StringComparison.Ordinal);
        Assert.Equal(naSchrijven + 1, UitCache(pad));
    }

    [Fact]
    public async Task OnlyTheWebsitesOriginPassesTheHostsPreflight()
    {
        var toegestaan = await Voorcontrole("https://website.voorbeeld.nl");
        var vijandig = await Voorcontrole("https://kwaadwillend.voorbeeld");

        Assert.Equal(HttpStatusCode.NoContent, toegestaan.StatusCode);
        Assert.Equal("https://website.voorbeeld.nl", toegestaan.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(toegestaan.Headers.Contains("API-Version")); // the host answered, the worker never saw it
        Assert.False(vijandig.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AReadFromTheWebsiteOriginCarriesOneAllowOriginForIt()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/overzicht");
        request.Headers.Add("Origin", "https://website.voorbeeld.nl");

        using var response = await api.Ruw.SendAsync(request);

        Assert.Equal("https://website.voorbeeld.nl", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    private async Task<HttpResponseMessage> Voorcontrole(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/overzicht");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        return await api.Ruw.SendAsync(request);
    }

    private int UitCache(string pad) =>
        api.Werkerlog.Regels.Count(r => r.Bericht.Contains("antwoordcache", StringComparison.Ordinal) && r.Bericht.EndsWith(pad, StringComparison.Ordinal));
}
