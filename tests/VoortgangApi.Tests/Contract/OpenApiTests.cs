using System.Net;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.Extensions.DependencyInjection;
using VoortgangApi.LocalHost;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Contract;

public class OpenApiTests(TestApi api) : IClassFixture<TestApi>
{
    // The functions as the worker indexed them (its FunctionMetadataResponse to the host).
    private IEnumerable<Functie> HttpFuncties => api.Host.Services.GetRequiredService<Werker>().Huidig!.Functies.Where(f => f.IsHttp);

    private async Task<JsonObject> Document() => JsonNode.Parse(await api.Ruw.GetStringAsync("/api/v1/openapi.json"))!.AsObject();

    private static async Task<OpenApiDocument> Lees(string tekst, string formaat)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var resultaat = OpenApiDocument.Parse(tekst, formaat, settings);
        Assert.Empty(resultaat.Diagnostic!.Errors);
        return await Task.FromResult(resultaat.Document!);
    }

    [Fact]
    public async Task EveryReadAcceptsExactlyTheQueryParametersItsOperationDocuments()
    {
        // The parser's list of allowed parameters and the OpenAPI operation come from different code: this proves they
        // agree, through the running API — an unknown parameter is refused with the list the parser allows.
        var gecontroleerd = 0;
        foreach (var (pad, item) in (await Document())["paths"]!.AsObject())
        {
            if (item!["get"] is not JsonObject get)
            {
                continue;
            }

            var parameters = get["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
            var gedocumenteerd = parameters.Where(p => (string?)p["in"] == "query").Select(p => (string)p["name"]!).Order(StringComparer.Ordinal).ToList();
            var url = parameters.Where(p => (string?)p["in"] == "path")
                .Aggregate("/api/v1" + pad, (u, p) => u.Replace("{" + (string)p["name"]! + "}", Uri.EscapeDataString(p["example"]!.ToString()), StringComparison.Ordinal));
            using var response = await api.Client.SendAsync(api.Beheer(HttpMethod.Get, url + "?geenParameter=1"));
            if (gedocumenteerd.Count == 0 && response.StatusCode != HttpStatusCode.BadRequest)
            {
                continue; // no query parameters documented, and none read (a page, a file, a state that answers first)
            }

            var fout = (await Problem.AssertAsync(response, HttpStatusCode.BadRequest)).GetProperty("invalidParams").EnumerateArray()
                .Single(f => f.GetProperty("name").GetString() == "geenParameter");
            var reden = fout.GetProperty("reason").GetString()!;
            var toegestaan = reden[(reden.IndexOf("toegestaan:", StringComparison.Ordinal) + "toegestaan:".Length)..].TrimEnd('.')
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
            Assert.True(gedocumenteerd.SequenceEqual(toegestaan), $"GET {pad}: gedocumenteerd [{string.Join(", ", gedocumenteerd)}], de parser staat toe [{string.Join(", ", toegestaan)}]");
            gecontroleerd++;
        }

        Assert.True(gecontroleerd >= 10, $"slechts {gecontroleerd} operaties gecontroleerd");
    }

    [Fact]
    public async Task JsonAndYamlAreTheSameOpenApi30Document()
    {
        var json = await api.Client.GetStringAsync("/api/v1/openapi.json");
        var yaml = await api.Client.GetStringAsync("/api/v1/openapi.yaml");

        var uitJson = await Lees(json, "json");
        var uitYaml = await Lees(yaml, "yaml");

        Assert.StartsWith("3.0.", (string?)JsonNode.Parse(json)!["openapi"], StringComparison.Ordinal);
        Assert.Equal(await uitJson.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0), await uitYaml.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0));
    }

    // The linters judge the document a public host gets (https); a loopback host gets its own http server for "try it".
    private async Task<string> ZoalsInProductie()
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, "/api/v1/openapi.json");
        verzoek.Headers.Host = "api.voorbeeld.nl";
        using var response = await api.Client.SendAsync(verzoek);
        var tekst = await response.Content.ReadAsStringAsync();
        Assert.Equal("https://api.voorbeeld.nl/api/v1", (string?)JsonNode.Parse(tekst)!["servers"]![0]!["url"]);
        return tekst;
    }

    [Fact]
    public async Task TheServerUrlFollowsTheRequestsHost()
    {
        var lokaal = JsonNode.Parse(await api.Ruw.GetStringAsync("/api/v1/openapi.json"))!;
        var basis = api.Ruw.BaseAddress!;

        Assert.Equal($"http://{basis.Authority}/api/v1", (string?)lokaal["servers"]![0]!["url"]);
        Assert.StartsWith("https://", (string?)JsonNode.Parse(await ZoalsInProductie())!["servers"]![0]!["url"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDocumentsVersionIsTheApiVersionHeader()
    {
        using var response = await api.Client.GetAsync("/api/v1/openapi.json");
        var doc = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(response.Headers.GetValues("API-Version").Single(), (string?)doc["info"]!["version"]);
        Assert.EndsWith("/v1", (string?)doc["servers"]![0]!["url"], StringComparison.Ordinal);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("CC0 1.0 Universal", (string?)doc["info"]!["license"]!["name"]);
    }

    [Fact]
    public async Task EveryFunctionIsExactlyOneDocumentedOperation()
    {
        var doc = await Document();
        var functies = HttpFuncties
            .SelectMany(f => f.Trigger.Methods!.Where(m => m is not ("options" or "head")) // CORS preflight; HEAD = GET without body
                .Select(m => $"{m.ToUpperInvariant()} /{f.Trigger.Route!["v1/".Length..]} {f.Naam}"))
            .Order().ToList();
        var operaties = doc["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {p.Key} {(string?)o.Value!["operationId"]}"))
            .Order().ToList();

        Assert.Equal(functies, operaties);
    }

    [Fact]
    public async Task OnlyTheAdminOperationsAreDocumentedAsSecuredWithTheirRole()
    {
        var doc = await Document();
        var beveiligd = doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject())
            .Where(o => o.Value!["security"] is JsonArray { Count: > 0 } s && s[0]!["entraId"] is not null).ToList();
        var metGeheim = doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject())
            .Where(o => o.Value!["security"] is JsonArray { Count: > 0 } s && s[0]!["entraId"] is null).ToList();

        // A webhook subscription is read and ended with its own secret, never with an Entra ID token.
        Assert.Equal(["deleteAbonnement", "deleteProgrammaAbonnement", "getAbonnement", "getProgrammaAbonnement"],
            metGeheim.Select(o => (string)o.Value!["operationId"]!).Order(StringComparer.Ordinal));
        Assert.All(metGeheim, o => Assert.NotNull(o.Value!["security"]![0]!["webhookGeheim"]));
        Assert.Equal("Webhook-Secret", (string?)doc["components"]!["securitySchemes"]!["webhookGeheim"]!["name"]);

        // Each admin operation of the standard programme and its programme-scoped twin, and the programmes' own management.
        string[] beheer = ["deleteRapportagecyclus", "getConcept", "getInvulblad", "postInvulblad", "postMomentopname", "postPublicatie", "postStatus",
            "putKnelpunt", "putOplossingsrichting", "putPartij", "putRapportagecyclus"];
        string[] verwacht = [.. beheer, .. beheer.Select(n => System.Text.RegularExpressions.Regex.Replace(n, "^([a-z]+)", "$1Programma")),
            "putProgramma", "getProgrammaToegang", "putProgrammaToegang", "putProgrammaThema"];
        Assert.Equal(verwacht.Order(StringComparer.Ordinal), beveiligd.Select(o => (string)o.Value!["operationId"]!).Order(StringComparer.Ordinal));
        Assert.All(beveiligd, o =>
        {
            var id = (string)o.Value!["operationId"]!;
            var rol = id is "putProgramma" or "getProgrammaToegang" or "putProgrammaToegang" ? "Programmas.Beheren"
                : id.Contains("Rapportagecyclus", StringComparison.Ordinal) || id.EndsWith("Momentopname", StringComparison.Ordinal)
                    || id.EndsWith("Publicatie", StringComparison.Ordinal) || id.EndsWith("Concept", StringComparison.Ordinal) ? "Cycli.Beheren" : "Voortgang.Vastleggen";
            Assert.Contains($"**{rol}**", (string)o.Value!["description"]!, StringComparison.Ordinal);
            Assert.NotNull(o.Value!["responses"]!["401"]!["headers"]!["WWW-Authenticate"]);
            Assert.NotNull(o.Value!["responses"]!["403"]);
            Assert.NotNull(o.Value!["security"]![0]!["entraId"]);
        });
        var flows = doc["components"]!["securitySchemes"]!["entraId"]!["flows"]!;
        Assert.NotNull(flows["authorizationCode"]!["authorizationUrl"]);
        Assert.NotNull(flows["clientCredentials"]!["tokenUrl"]);
        // The platform lets every request through: no trigger above anonymous, so the app is the one guard.
        Assert.All(HttpFuncties, f => Assert.Equal("anonymous", f.Trigger.AuthLevel, ignoreCase: true));
    }

    [Fact]
    public async Task ServedDocumentPassesTheOwaspApiSecurityRulesetWithZeroErrors()
    {
        var pad = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(pad, await ZoalsInProductie());

        var (_, stdout, stderr) = await Npm.VoerUitAsync("spectral", "lint", "--quiet", "-r", Repo.Pad("spectral-owasp.yaml"), "-f", "json", pad);

        var resultaten = JsonNode.Parse(stdout) as JsonArray;
        Assert.True(resultaten is not null, $"spectral gaf geen JSON: {stdout}{stderr}");
        var fouten = resultaten.Where(r => (int?)r!["severity"] == 0).Select(r => r!.ToJsonString()).ToList();
        Assert.True(fouten.Count == 0, $"{fouten.Count} fouten:{Environment.NewLine}{string.Join(Environment.NewLine, fouten.Take(20))}");
    }

    [Theory]
    [InlineData("adr/adr-2.2.1-linter.yaml")]
    [InlineData("adr/adr-2.1.0-linter.yaml")]
    public async Task ServedDocumentPassesTheNlGovAdrRulesetWithZeroErrors(string ruleset)
    {
        var pad = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(pad, await ZoalsInProductie());

        var (_, stdout, stderr) = await Npm.VoerUitAsync("spectral", "lint", "--quiet", "-r", Gedeeld.Bestand(ruleset), "-f", "json", pad);

        var resultaten = JsonNode.Parse(stdout) as JsonArray;
        Assert.True(resultaten is not null, $"spectral gaf geen JSON: {stdout}{stderr}");
        var fouten = resultaten.Where(r => (int?)r!["severity"] == 0).Select(r => r!.ToJsonString()).ToList();
        Assert.True(fouten.Count == 0, string.Join(Environment.NewLine, fouten));
    }

    [Fact]
    public async Task EveryDocumentedPublicGetAnswersItsOwnExamplesWithA200ThatValidates()
    {
        var doc = await Document();
        foreach (var (pad, item) in doc["paths"]!.AsObject())
        {
            // A GET behind a role (the concept of a planned letter) has tests of its own, with a token and a planned cycle.
            if (item!["get"] is not JsonObject get || get["security"] is JsonArray { Count: > 0 })
            {
                continue;
            }

            var url = "/api/v1" + pad;
            var query = new List<string>();
            foreach (var p in get["parameters"]?.AsArray() ?? [])
            {
                // An array parameter (style form, explode false) goes on the wire comma-separated.
                if (p!["example"] is not { } voorbeeld)
                {
                    continue; // no example: the reference leaves it empty, and so does this call
                }

                var waarde = voorbeeld is JsonArray lijst ? string.Join(',', lijst.Select(x => x!.ToString())) : voorbeeld.ToString();
                if ((string?)p["in"] == "path")
                {
                    url = url.Replace("{" + (string?)p["name"] + "}", waarde, StringComparison.Ordinal);
                }
                else if ((string?)p["in"] == "query")
                {
                    query.Add($"{p["name"]}={Uri.EscapeDataString(waarde)}");
                }
            }

            // cyclus (a frozen snapshot) and peildatum/bekendOp (a fold of the log) exclude each other: try each side.
            var moment = query.Where(q => q.StartsWith("peildatum=", StringComparison.Ordinal) || q.StartsWith("bekendOp=", StringComparison.Ordinal)).ToList();
            var varianten = moment.Count == 0 ? [query] : new[] { query.Except(moment).ToList(), query.Where(q => !q.StartsWith("cyclus=", StringComparison.Ordinal)).ToList() };
            foreach (var variant in varianten)
            {
                using var response = await api.Client.GetAsync(variant.Count == 0 ? url : $"{url}?{string.Join('&', variant)}");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}?{string.Join('&', variant)}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task TheReferencePageLoadsOnlyItsOwnServedAssets()
    {
        using var response = await api.Client.GetAsync("/api/v1/documentatie");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<(script|link|img)[^>]+(src|href)=\"https?:", html);
        foreach (var bestand in new[] { "swagger-ui-bundle.js", "swagger-ui.css", "start.js" })
        {
            // Raw: the contract documents one media type per answer (JavaScript); the stylesheet is text/css.
            using var asset = await api.Ruw.GetAsync("/api/v1/documentatie/" + bestand);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.True((await asset.Content.ReadAsByteArrayAsync()).Length > 100, bestand);
        }

        await Problem.AssertAsync(await api.Client.GetAsync("/api/v1/documentatie/elders.js"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ValidationCatchesAnUndocumentedStatusCode()
    {
        var handler = new ContractHandler(new VasteAntwoordHandler(HttpStatusCode.Gone), Document);
        using var client = new HttpClient(handler) { BaseAddress = new Uri("http://localhost") };

        await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => client.GetAsync("/api/v1/themas"));
    }

    private sealed class VasteAntwoordHandler(HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            response.Headers.Add("API-Version", "1.0.0");
            return Task.FromResult(response);
        }
    }
}
