using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoortgangApi.Core;
using VoortgangApi.LocalHost.Ontwikkelprovider;
using VoortgangApi.Storage;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Programmas;

/// <summary>
/// Programmes through the local host: a second, visibly fictional programme made through the API lives its whole cycle
/// beside the standard one, and an official of one programme can do nothing in another.
/// </summary>
public class ProgrammasApiTests(TestApi api) : IClassFixture<TestApi>
{
    private static readonly string Eergisteren = Datum(-2);
    private static readonly string Gisteren = Datum(-1);

    // The development clients: "vastleggen" holds Voortgang.Vastleggen, "beheren" Cycli.Beheren (object ids …-9000-…).
    private static string Oid(string soort) => Testidentiteiten.Clients.Single(c => c.ClientId == $"voortgang-{soort}").ObjectId;

    private static string Datum(int dagen) => TimeProvider.System.Vandaag().AddDays(dagen).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string ProgrammaBody(string titel) =>
        $$$"""{"titel":"{{{titel}}}","omschrijving":"Een verzonnen programma voor de tests; geen echte feiten.","ministeries":["Ministerie van Justitie en Veiligheid"]}""";

    private async Task<HttpResponseMessage> Stuur(string soort, HttpMethod methode, string pad, string? body = null, params (string, string)[] headers) =>
        await api.Ruw.SendAsync(api.Beheer(soort, methode, pad, body, headers));

    // A fictional programme with one theme, one party and one item; its grants name the given clients.
    private async Task MaakProgrammaAsync(string id, string vastlegger, string beheerder)
    {
        using var programma = await Stuur("programmas", HttpMethod.Put, $"/api/v1/programmas/{id}", ProgrammaBody($"Voorbeeldprogramma {id} (fictief)"));
        Assert.Equal(HttpStatusCode.Created, programma.StatusCode);
        using var leeg = await Stuur("programmas", HttpMethod.Get, $"/api/v1/programmas/{id}/toegang");
        var etag = leeg.Headers.ETag!.Tag;
        using var toegang = await Stuur("programmas", HttpMethod.Put, $"/api/v1/programmas/{id}/toegang",
            $$$"""{"rollen":{"Voortgang.Vastleggen":["{{{Oid(vastlegger)}}}"],"Cycli.Beheren":["{{{Oid(beheerder)}}}"]}}""", ("If-Match", etag));
        Assert.Equal(HttpStatusCode.OK, toegang.StatusCode);

        using var thema = await Stuur(vastlegger, HttpMethod.Put, $"/api/v1/programmas/{id}/themas/voorbeeld",
            $$$"""{"naam":"Voorbeeldthema (fictief)","omschrijving":"Een verzonnen thema.","volgorde":1,"geldigVanaf":"{{{Eergisteren}}}"}""");
        Assert.Equal(HttpStatusCode.Created, thema.StatusCode);
        using var partij = await Stuur(vastlegger, HttpMethod.Put, $"/api/v1/programmas/{id}/partijen/voorbeeldpartij",
            $$$"""{"naam":"Voorbeeldpartij (fictief)","soort":"ministerie","geldigVanaf":"{{{Eergisteren}}}"}""");
        Assert.Equal(HttpStatusCode.Created, partij.StatusCode);
        using var item = await Stuur(vastlegger, HttpMethod.Put, $"/api/v1/programmas/{id}/oplossingsrichtingen/ZD-01",
            $$$"""{"themaId":"voorbeeld","titel":"Voorbeeldactie (fictief)","omschrijving":"Een verzonnen actie.","verantwoordelijkePartijen":["voorbeeldpartij"],"betrokkenPartijen":[],"planning":"2026","buitenAanpak":false,"bronnen":[],"geldigVanaf":"{{{Eergisteren}}}"}""");
        Assert.Equal(HttpStatusCode.Created, item.StatusCode);
    }

    private static string Status(string status) =>
        $$$"""{"status":"{{{status}}}","peildatum":"{{{Gisteren}}}","zekerheid":"bevestigd","bron":{"titel":"Voorbeeldbrief (fictief)","passage":{"tekst":"voorbeeldpassage uit een fictieve nota"},"soort":"nota","datum":"{{{Gisteren}}}"}}""";

    // What a caller of the standard programme sees: bodies of the public reads, and the hash of each letter.
    private async Task<string> StandaardAntwoordenAsync()
    {
        var delen = new List<string>();
        foreach (var pad in new[] { "/api/v1/themas", "/api/v1/oplossingsrichtingen?pageSize=100", "/api/v1/partijen", "/api/v1/knelpunten", "/api/v1/rapportagecycli", "/api/v1/wijzigingen" })
        {
            delen.Add(await api.Ruw.GetStringAsync(pad));
        }

        return string.Join("\n", delen);
    }

    [Fact]
    public async Task ProgrammasListsTheStandardProgrammeWithItsLatestLetter()
    {
        var json = await api.GetJsonAsync("/api/v1/programmas");

        var standaard = json.GetProperty("programmas").EnumerateArray().First();
        Assert.Equal("aanpak-sekswerkers", standaard.GetProperty("id").GetString());
        Assert.Equal("najaar-2024", standaard.GetProperty("laatsteBrief").GetProperty("id").GetString());
        Assert.True(standaard.GetProperty("aantalOplossingsrichtingen").GetInt32() > 0);
    }

    [Theory]
    [InlineData("themas")]
    [InlineData("themas/zorg")]
    [InlineData("oplossingsrichtingen?thema=gemeenten&status=in_uitvoering")]
    [InlineData("oplossingsrichtingen/ZD-03?cyclus=aanpak-2023")]
    [InlineData("rapportagecycli/najaar-2024/verschillen?tenOpzichteVan=aanpak-2023")]
    [InlineData("overzicht")]
    public async Task TheStandardProgrammesPathAnswersWhatTheOldPathAnswers(string pad)
    {
        var oud = await api.Ruw.GetStringAsync($"/api/v1/{pad}");
        var nieuw = await api.Ruw.GetStringAsync($"/api/v1/programmas/aanpak-sekswerkers/{pad}");

        // Only the links to other pages name the path they were asked on.
        Assert.Equal(oud, nieuw.Replace("/api/v1/programmas/aanpak-sekswerkers/", "/api/v1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASecondProgrammeLivesItsWholeCycleWithoutChangingTheStandardOne()
    {
        var vooraf = await StandaardAntwoordenAsync();
        await MaakProgrammaAsync("voorbeeld-een", "vastleggen", "beheren");

        using var status = await Stuur("vastleggen", HttpMethod.Post, "/api/v1/programmas/voorbeeld-een/oplossingsrichtingen/ZD-01/statussen", Status("in_uitvoering"));
        Assert.Equal(HttpStatusCode.Created, status.StatusCode);
        Assert.StartsWith("/api/v1/programmas/voorbeeld-een/oplossingsrichtingen/ZD-01/statussen/", status.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var plan = await Stuur("beheren", HttpMethod.Put, "/api/v1/programmas/voorbeeld-een/rapportagecycli/voorbeeld-brief",
            $$$"""{"titel":"Voorbeeldbrief (fictief)","peildatum":"{{{Gisteren}}}","kamerbrief":{"datum":"{{{Gisteren}}}"}}""");
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        using var momentopname = await Stuur("beheren", HttpMethod.Post, "/api/v1/programmas/voorbeeld-een/rapportagecycli/voorbeeld-brief/momentopname");
        Assert.Equal(HttpStatusCode.Created, momentopname.StatusCode);
        using var publicatie = await Stuur("beheren", HttpMethod.Post, "/api/v1/programmas/voorbeeld-een/rapportagecycli/voorbeeld-brief/publicatie");
        Assert.Equal(HttpStatusCode.OK, publicatie.StatusCode);

        // Its own snapshot, feed and description.
        var item = await api.GetJsonAsync("/api/v1/programmas/voorbeeld-een/oplossingsrichtingen/ZD-01?cyclus=voorbeeld-brief");
        Assert.Equal("in_uitvoering", item.GetProperty("status").GetProperty("status").GetString());
        var feed = await api.GetJsonAsync("/api/v1/programmas/voorbeeld-een/wijzigingen");
        Assert.Equal([1L, 2L, 3L, 4L], feed.GetProperty("wijzigingen").EnumerateArray().Select(w => w.GetProperty("volgnummer").GetInt64()));
        var detail = await api.GetJsonAsync("/api/v1/programmas/voorbeeld-een");
        Assert.Equal("voorbeeld-brief", detail.GetProperty("laatsteBrief").GetProperty("id").GetString());
        Assert.Equal(["voorbeeld"], detail.GetProperty("themas").EnumerateArray().Select(t => t.GetProperty("id").GetString()));

        // Its open data under its own prefix, readable anonymously: the release, the catalogue and the status page.
        using var anoniem = new HttpClient();
        var basis = api.Service<OpenDataLocatie>().Url + "/programmas/voorbeeld-een/v1";
        var csv = await anoniem.GetStringAsync(basis + "/cycli/voorbeeld-brief/oplossingsrichtingen.csv");
        Assert.Contains("Voorbeeldactie (fictief)", csv, StringComparison.Ordinal);
        var catalogus = await anoniem.GetStringAsync(basis + "/catalogus.jsonld");
        Assert.Contains("Voorbeeldprogramma voorbeeld-een (fictief)", catalogus, StringComparison.Ordinal);
        var pagina = await anoniem.GetStringAsync(basis + "/index.html");
        Assert.Contains("/api/v1/programmas/voorbeeld-een", pagina, StringComparison.Ordinal);

        // The standard programme's answers are byte-identical.
        Assert.Equal(vooraf, await StandaardAntwoordenAsync());
        var lijst = await api.GetJsonAsync("/api/v1/programmas");
        var ids = lijst.GetProperty("programmas").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Equal("aanpak-sekswerkers", ids[0]);
        Assert.Contains("voorbeeld-een", ids);
    }

    [Theory]
    [InlineData("vastleggen", "POST", "oplossingsrichtingen/ZD-01/statussen")]
    [InlineData("vastleggen", "PUT", "oplossingsrichtingen/ZD-01")]
    [InlineData("vastleggen", "PUT", "themas/voorbeeld")]
    [InlineData("vastleggen", "PUT", "knelpunten/P-ZD-1")]
    [InlineData("vastleggen", "PUT", "partijen/voorbeeldpartij")]
    [InlineData("vastleggen", "GET", "invulblad")]
    [InlineData("vastleggen", "POST", "invulblad")]
    [InlineData("beheren", "PUT", "rapportagecycli/voorbeeld-brief")]
    [InlineData("beheren", "GET", "rapportagecycli/voorbeeld-brief/concept")]
    [InlineData("beheren", "POST", "rapportagecycli/voorbeeld-brief/momentopname")]
    [InlineData("beheren", "POST", "rapportagecycli/voorbeeld-brief/publicatie")]
    [InlineData("beheren", "DELETE", "rapportagecycli/voorbeeld-brief")]
    public async Task AnOfficialOfOneProgrammeIsRefusedEveryWriteInAnother(string soort, string methode, string pad)
    {
        // Programme A grants the "vastleggen" and "beheren" clients; programme B grants only the "alles" client.
        await ProgrammaAsync("voorbeeld-a", "vastleggen", "beheren");
        await ProgrammaAsync("voorbeeld-b", "alles", "alles");
        var voor = await api.Ruw.GetStringAsync("/api/v1/programmas/voorbeeld-b/wijzigingen");

        using var antwoord = await Stuur(soort, new HttpMethod(methode), $"/api/v1/programmas/voorbeeld-b/{pad}", methode is "PUT" or "POST" ? "{}" : null);

        Assert.Equal(HttpStatusCode.Forbidden, antwoord.StatusCode);
        Assert.Equal("application/problem+json", antwoord.Content.Headers.ContentType!.MediaType);
        Assert.Contains("voorbeeld-b", await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(voor, await api.Ruw.GetStringAsync("/api/v1/programmas/voorbeeld-b/wijzigingen"));
    }

    [Fact]
    public async Task AWriteInAProgrammeWithoutATokenIs401()
    {
        await ProgrammaAsync("voorbeeld-a", "vastleggen", "beheren");

        using var antwoord = await api.Ruw.PostAsync("/api/v1/programmas/voorbeeld-a/oplossingsrichtingen/ZD-01/statussen", JsonContent.Create(new { status = "gepland" }));

        Assert.Equal(HttpStatusCode.Unauthorized, antwoord.StatusCode);
    }

    [Fact]
    public async Task CreatingAProgrammeNeedsTheRoleProgrammasBeheren()
    {
        using var antwoord = await Stuur("alles", HttpMethod.Put, "/api/v1/programmas/voorbeeld-zonder-rol", ProgrammaBody("Voorbeeld (fictief)"));

        Assert.Equal(HttpStatusCode.Forbidden, antwoord.StatusCode);
        using var gezocht = await api.Ruw.GetAsync("/api/v1/programmas/voorbeeld-zonder-rol");
        Assert.Equal(HttpStatusCode.NotFound, gezocht.StatusCode);
    }

    [Fact]
    public async Task ChangingAProgrammeWithoutIfMatchIs428AndWithAStaleOneIs412()
    {
        await ProgrammaAsync("voorbeeld-a", "vastleggen", "beheren");

        using var zonder = await Stuur("programmas", HttpMethod.Put, "/api/v1/programmas/voorbeeld-a", ProgrammaBody("Ander (fictief)"));
        using var oud = await Stuur("programmas", HttpMethod.Put, "/api/v1/programmas/voorbeeld-a", ProgrammaBody("Ander (fictief)"), ("If-Match", "\"0123456789abcdef0123456789abcdef\""));

        Assert.Equal((HttpStatusCode)428, zonder.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, oud.StatusCode);
    }

    [Fact]
    public async Task AThemeOfAnotherProgrammeInAFilterIsA400NamingIt()
    {
        await ProgrammaAsync("voorbeeld-a", "vastleggen", "beheren");

        using var antwoord = await api.Ruw.GetAsync("/api/v1/programmas/voorbeeld-a/oplossingsrichtingen?thema=zorg");

        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        Assert.Contains("zorg", await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WritesToTwoProgrammesAtOnceBothSucceedAndEachFeedStaysGapless()
    {
        await ProgrammaAsync("voorbeeld-a", "vastleggen", "beheren");
        await ProgrammaAsync("voorbeeld-b", "alles", "alles");

        var antwoorden = await Task.WhenAll(
            Stuur("vastleggen", HttpMethod.Post, "/api/v1/programmas/voorbeeld-a/oplossingsrichtingen/ZD-01/statussen", Status("vertraagd")),
            Stuur("alles", HttpMethod.Post, "/api/v1/programmas/voorbeeld-b/oplossingsrichtingen/ZD-01/statussen", Status("vertraagd")));

        Assert.All(antwoorden, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        foreach (var id in new[] { "voorbeeld-a", "voorbeeld-b" })
        {
            var nummers = (await api.GetJsonAsync($"/api/v1/programmas/{id}/wijzigingen")).GetProperty("wijzigingen").EnumerateArray()
                .Select(w => w.GetProperty("volgnummer").GetInt64()).ToList();
            Assert.Equal(Enumerable.Range(1, nummers.Count).Select(n => (long)n), nummers);
        }
    }

    [Theory]
    [InlineData("/api/v1/programmas/Geen_Id/themas", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/programmas/bestaat-niet/themas", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/programmas/bestaat-niet", HttpStatusCode.NotFound)]
    public async Task ABadOrUnknownProgrammeIsAProblemThatNamesIt(string pad, HttpStatusCode verwacht)
    {
        using var antwoord = await api.Ruw.GetAsync(pad);

        Assert.Equal(verwacht, antwoord.StatusCode);
        var probleem = await antwoord.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)verwacht, probleem.GetProperty("status").GetInt32());
        Assert.Contains(verwacht == HttpStatusCode.BadRequest ? "programmaId" : pad.Split('/')[4], probleem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    /// <summary>A fictional programme made, given a status and a letter, frozen and published through the API (once per store).</summary>
    internal static async Task PubliceerAsync(TestApi api, string id)
    {
        var t = new ProgrammasApiTests(api);
        await t.ProgrammaAsync(id, "vastleggen", "beheren");
        lock (Gemaakt)
        {
            if (!Gemaakt.Add($"{api.Prefix}/{id}/gepubliceerd"))
            {
                return;
            }
        }

        using var status = await t.Stuur("vastleggen", HttpMethod.Post, $"/api/v1/programmas/{id}/oplossingsrichtingen/ZD-01/statussen", Status("in_uitvoering"));
        Assert.Equal(HttpStatusCode.Created, status.StatusCode);
        using var plan = await t.Stuur("beheren", HttpMethod.Put, $"/api/v1/programmas/{id}/rapportagecycli/voorbeeld-brief",
            $$$"""{"titel":"Voorbeeldbrief (fictief)","peildatum":"{{{Gisteren}}}","kamerbrief":{"datum":"{{{Gisteren}}}"}}""");
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        using var momentopname = await t.Stuur("beheren", HttpMethod.Post, $"/api/v1/programmas/{id}/rapportagecycli/voorbeeld-brief/momentopname");
        Assert.Equal(HttpStatusCode.Created, momentopname.StatusCode);
        using var publicatie = await t.Stuur("beheren", HttpMethod.Post, $"/api/v1/programmas/{id}/rapportagecycli/voorbeeld-brief/publicatie");
        Assert.Equal(HttpStatusCode.OK, publicatie.StatusCode);
    }

    // Made once per test class instance and id: the fixture's store is shared by the class's tests.
    private static readonly SemaphoreSlim Slot = new(1, 1);
    private static readonly HashSet<string> Gemaakt = [];

    private async Task ProgrammaAsync(string id, string vastlegger, string beheerder)
    {
        await Slot.WaitAsync();
        try
        {
            if (Gemaakt.Add($"{api.Prefix}/{id}"))
            {
                await MaakProgrammaAsync(id, vastlegger, beheerder);
            }
        }
        finally
        {
            Slot.Release();
        }
    }
}
