using System.Net;
using System.Text.Json.Nodes;
using VoortgangApi.Core.OpenData;
using VoortgangApi.OpenData;
using VoortgangApi.Storage;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Programmas;

/// <summary>
/// The open data of a second, visibly fictional programme, published through the API beside the standard one: its own
/// release read by a Frictionless reader, the catalogue of all programmes against the DCAT-AP-NL shapes, the index page.
/// </summary>
public class ProgrammaOpenDataTests(TestApi api) : IClassFixture<TestApi>, IAsyncLifetime
{
    private const string Id = "voorbeeld-open";

    public async Task InitializeAsync() => await ProgrammasApiTests.PubliceerAsync(api, Id);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<byte[]> Lees(string pad) =>
        await api.Service<IOpenDataStore>().LeesAsync(pad, default) ?? throw new FileNotFoundException(pad);

    [Fact]
    public async Task AFrictionlessReaderCastsEveryRowOfTheProgrammesOwnRelease()
    {
        // Its themaId column allows its own theme, not the standard programme's five.
        var (velden, rijen) = await FrictionlessLezer.LeesAsync(b => Lees($"programmas/{Id}/v1/cycli/voorbeeld-brief/{b}"), "oplossingsrichtingen");

        Assert.Equal("id", velden[0]);
        Assert.Equal(1, rijen);
    }

    [Fact]
    public async Task TheCatalogueOfAllProgrammesPassesTheDcatApNlShapesWithBothProgrammes()
    {
        var catalogus = await Lees(Catalogus.AllePad);

        var rapport = await OpenDataCheck.VoerUitAsync("shacl", OpenDataCheck.ShapesMap, catalogus, ".jsonld");

        var overtredingen = rapport["results"]!.AsArray().Where(r => (string?)r!["severity"] == "Violation").Select(r => r!.ToJsonString()).ToList();
        Assert.True(overtredingen.Count == 0, string.Join(Environment.NewLine, overtredingen));
        Assert.True((int)rapport["triples"]! > 200);
        var reeksen = JsonNode.Parse(catalogus)!["@graph"]!.AsArray().Where(n => n!["@type"] is JsonArray t && t.Any(x => (string?)x == "dcat:DatasetSeries"))
            .Select(n => (string)n!["@id"]!).ToList();
        Assert.Contains(reeksen, r => r.EndsWith("open-data/v1/#reeks", StringComparison.Ordinal)); // the standard programme's
        Assert.Contains(reeksen, r => r.EndsWith($"/programmas/{Id}/v1/#reeks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheIndexPageNamesEveryProgrammeWithItsStatusPageAndIsServedAnonymously()
    {
        using var anoniem = new HttpClient();
        using var antwoord = await anoniem.GetAsync(api.Service<OpenDataLocatie>().Url + "/" + Programmaindex.Pad);
        var html = await antwoord.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Contains("Aanpak versterking sociale en juridische positie sekswerkers", html, StringComparison.Ordinal);
        Assert.Contains($"Voorbeeldprogramma {Id} (fictief)", html, StringComparison.Ordinal);
        Assert.Contains($"/programmas/{Id}/v1/index.html", html, StringComparison.Ordinal);
        Assert.NotNull(await api.Service<IOpenDataStore>().LeesAsync(Programmaindex.Map + "status.css", default));
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }
}
