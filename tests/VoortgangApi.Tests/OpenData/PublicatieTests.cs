using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using Azure.Storage.Blobs;
using VoortgangApi.Core.OpenData;
using VoortgangApi.Core.Validation;
using VoortgangApi.Storage;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.OpenData;

/// <summary>What a real publication wrote (the seed cycles, published at start), read back from Azurite.</summary>
public partial class PublicatieTests(TestApi api) : IClassFixture<TestApi>
{
    private IOpenDataStore Store => api.Service<IOpenDataStore>();

    private async Task<byte[]> Lees(string pad) => await Store.LeesAsync(pad, default) ?? throw new FileNotFoundException(pad);

    private async Task<string> Tekst(string pad) => Encoding.UTF8.GetString(await Lees(pad));

    private async Task<Dictionary<string, string>> ETags()
    {
        var container = api.Service<BlobServiceClient>().GetBlobContainerClient(api.Prefix + "-open-data");
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync())
        {
            etags[blob.Name] = blob.Properties.ETag!.Value.ToString();
        }

        return etags;
    }

    [Fact]
    public async Task LatestPointsAtTheNewestSeededCycle()
    {
        var latest = JsonNode.Parse(await Tekst(Layout.Laatste))!;

        Assert.Equal("najaar-2024", (string?)latest["cyclus"]);
        foreach (var cyclus in new[] { "aanpak-2023", "najaar-2024" })
        {
            var namen = (await Store.LijstAsync(Layout.Map(cyclus), default)).Select(b => b.Pad.Split('/')[^1]).Order(StringComparer.Ordinal);
            Assert.Equal(["SHA256SUMS", "datapackage.json", "historie.csv", "index.html", "knelpunten.csv", "oplossingsrichtingen.csv", "partijen.csv", "themas.csv", "voortgang.json", "voortgang.xlsx"], namen);
        }
    }

    [Fact]
    public async Task FilesAreReadableAnonymously()
    {
        using var anoniem = new HttpClient();

        using var response = await anoniem.GetAsync(api.Service<OpenDataLocatie>().Url + "/v1/cycli/najaar-2024/oplossingsrichtingen.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PublishingAPublishedCycleAgainChangesNoBlobsETag()
    {
        var voor = await ETags();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/rapportagecycli/najaar-2024/publicatie");
        request.Headers.Authorization = new("Bearer", api.Token("beheren"));

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { NoStore: true, Public: false }, $"Cache-Control: {response.Headers.CacheControl}"); // an admin answer, never the public cache policy
        Assert.Equal(0, (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["nieuw"]!);
        Assert.Equal(voor, await ETags());
        Assert.True(voor.Count >= 19);
    }

    [Fact]
    public async Task TheDataPackageIsValidFrictionlessV2DescribingItsFilesExactly()
    {
        var package = await Lees(Layout.Pad("najaar-2024", "datapackage.json"));

        var rapport = await OpenDataCheck.VoerUitAsync("frictionless", OpenDataCheck.ProfielenMap, package, ".json");

        Assert.True((bool)rapport["valid"]!, rapport["errors"]!.ToJsonString());
        foreach (var resource in JsonNode.Parse(package)!["resources"]!.AsArray())
        {
            var bestand = await Lees(Layout.Pad("najaar-2024", (string)resource!["path"]!));
            Assert.Equal((long)resource["bytes"]!, bestand.LongLength);
            Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bestand)), (string?)resource["hash"]);
        }
    }

    [Fact]
    public async Task Sha256SumsChecksWithTheSha256sumTool()
    {
        var map = Directory.CreateTempSubdirectory("uitgave-").FullName;
        foreach (var blob in await Store.LijstAsync(Layout.Map("aanpak-2023"), default))
        {
            await File.WriteAllBytesAsync(Path.Combine(map, blob.Pad.Split('/')[^1]), await Lees(blob.Pad));
        }

        var psi = new System.Diagnostics.ProcessStartInfo("sha256sum", "-c SHA256SUMS") { WorkingDirectory = map, RedirectStandardOutput = true, RedirectStandardError = true };
        using var proces = System.Diagnostics.Process.Start(psi)!;
        var uitvoer = await proces.StandardOutput.ReadToEndAsync() + await proces.StandardError.ReadToEndAsync();
        await proces.WaitForExitAsync();

        Assert.True(proces.ExitCode == 0, uitvoer);
        Assert.Equal(9, Regex.Count(uitvoer, ": OK"));
    }

    [Fact]
    public async Task PublishedCatalogPassesTheDcatApNlShapesWithZeroViolations()
    {
        var rapport = await OpenDataCheck.VoerUitAsync("shacl", OpenDataCheck.ShapesMap, await Lees(Layout.Catalogus), ".jsonld");

        Assert.Equal(0, (int)rapport["violations"]!);
        var catalogus = await Tekst(Layout.Catalogus);
        Assert.Contains("\"dcat:version\": \"najaar-2024\"", catalogus, StringComparison.Ordinal);
        Assert.Contains("\"dcat:version\": \"aanpak-2023\"", catalogus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvIsUtf8WithoutBomCrlfAndHeadersEqualToTheTableSchemaFields()
    {
        var bytes = await Lees(Layout.Pad("najaar-2024", "partijen.csv"));
        var package = JsonNode.Parse(await Lees(Layout.Pad("najaar-2024", "datapackage.json")))!;
        var velden = package["resources"]!.AsArray().Single(r => (string?)r!["name"] == "partijen")!["schema"]!["fields"]!.AsArray().Select(f => (string?)f!["name"]);

        Assert.Equal((byte)'i', bytes[0]);
        var tekst = Encoding.UTF8.GetString(bytes);
        Assert.Equal(string.Join(',', velden), tekst[..tekst.IndexOf("\r\n", StringComparison.Ordinal)]);
        Assert.Contains("Ministerie van Financiën en Belastingdienst", tekst, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", tekst.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VoortgangJsonIsTheWholeSnapshotValidAgainstItsSchema()
    {
        var json = await Tekst(Layout.Pad("aanpak-2023", "voortgang.json"));

        Assert.Empty(await new SchemaCatalogus(Repo.Pad("schemas")).ValideerAsync("voortgang.schema.json", json));
        var doc = JsonNode.Parse(json)!;
        // The letter holds exactly the items the seed reports in it (the others are added in later letters).
        var inDeBrief = JsonNode.Parse(await File.ReadAllTextAsync(Repo.Pad("data", "seed.json")))!["oplossingsrichtingen"]!.AsArray()
            .Count(o => o!["statussen"]!["aanpak-2023"] is not null);
        Assert.Equal(inDeBrief, doc["oplossingsrichtingen"]!.AsArray().Count);
        Assert.Equal("in_uitvoering", (string?)doc["oplossingsrichtingen"]!.AsArray().Single(o => (string?)o!["id"] == "ZD-03")!["status"]!["status"]);
    }

    [Fact]
    public async Task FeedHasOneEntryPerPublishedCycleWithStableIds()
    {
        using var reader = XmlReader.Create(new MemoryStream(await Lees(Layout.Feed)));

        var feed = SyndicationFeed.Load(reader);

        Assert.Equal(2, feed.Items.Count());
        Assert.All(feed.Items, i => Assert.EndsWith("/", i.Id, StringComparison.Ordinal));
        Assert.Contains(feed.Items, i => i.Id.EndsWith("/v1/cycli/najaar-2024/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheLandingPageListsTheFilesWithChecksumsInDutch()
    {
        var html = await Tekst(Layout.Pad("najaar-2024", "index.html"));
        var csv = await Lees(Layout.Pad("najaar-2024", "themas.csv"));

        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(csv)), html, StringComparison.Ordinal);
        Assert.Contains("34 193, nr. 19", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<(script|link|img)[^>]+(src|href)=\"https?:", html);
    }

    [Fact]
    public async Task NoPublishedFileContainsAnEmailAddressOrPhoneNumberOtherThanTheOrganisationalContact()
    {
        var contact = "opendata@voortgang.example";
        // The NL Design System stylesheets are npm's files, not data (their SVG path numbers look like phone numbers);
        // the workbook is a zip: its sheets are checked through the CSVs, which hold the same rows.
        foreach (var blob in (await Store.LijstAsync("v1/", default)).Where(b => !b.Pad.EndsWith("/rhc-componenten.css", StringComparison.Ordinal)
                     && !b.Pad.EndsWith("/rhc-tokens.css", StringComparison.Ordinal) && !b.Pad.EndsWith(".xlsx", StringComparison.Ordinal)))
        {
            var tekst = await Tekst(blob.Pad);
            var gevonden = EmailOfTelefoon().Matches(tekst).Select(m => m.Value).Where(m => m != contact && m != "mailto:" + contact).ToList();
            Assert.True(gevonden.Count == 0, $"{blob.Pad}: {string.Join(", ", gevonden)}");
        }
    }

    [Theory]
    [InlineData("bestaat-niet", HttpStatusCode.NotFound)]
    [InlineData("a%27b", HttpStatusCode.BadRequest)]
    public async Task PublishingAnUnknownOrMalformedCycleIsAProblem(string cyclus, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/rapportagecycli/{cyclus}/publicatie");
        request.Headers.Authorization = new("Bearer", api.Token("beheren"));

        using var response = await api.Client.SendAsync(request);

        await Problem.AssertAsync(response, status);
    }

    [GeneratedRegex(@"(mailto:)?[\w.+-]+@[\w-]+\.[\w.-]+|(\+31|\b0)[1-9][0-9 -]{8,}\b")]
    private static partial Regex EmailOfTelefoon();
}
