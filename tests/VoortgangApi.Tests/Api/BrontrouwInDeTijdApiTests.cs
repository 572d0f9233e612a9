using System.Net;
using System.Text.Json;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>
/// The time rules as the API shows and enforces them: each frozen letter's answers cite nothing dated after its
/// peildatum, the 2024 items are additions of the 2024 letter, and the write API refuses what would break the rule.
/// </summary>
public class BrontrouwInDeTijdApiTests(TestApi api) : IClassFixture<TestApi>
{

    private static IEnumerable<string> Datums(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => p.Name is "datum" or "peildatum" && p.Value.ValueKind == JsonValueKind.String
            ? [p.Value.GetString()!] : Datums(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Datums),
        _ => [],
    };

    [Fact]
    public async Task EveryFrozenLettersAnswersCiteNothingDatedAfterItsPeildatum()
    {
        var cycli = (await api.GetJsonAsync("/api/v1/rapportagecycli")).GetProperty("rapportagecycli").EnumerateArray()
            .Where(c => c.GetProperty("toestand").GetString() == "vastgesteld").ToList();
        Assert.NotEmpty(cycli);
        foreach (var c in cycli)
        {
            var id = c.GetProperty("id").GetString();
            var peildatum = c.GetProperty("peildatum").GetString()!;
            foreach (var pad in new[] { $"/api/v1/oplossingsrichtingen?cyclus={id}&pageSize=100", $"/api/v1/knelpunten?cyclus={id}", $"/api/v1/themas?cyclus={id}" })
            {
                var later = Datums(await api.GetJsonAsync(pad)).Where(d => string.CompareOrdinal(d, peildatum) > 0).ToList();
                Assert.True(later.Count == 0, $"{pad} (peildatum {peildatum}) noemt {string.Join(", ", later)}");
            }
        }
    }

    [Fact]
    public async Task EveryChangeInTheAutumn2024LetterRestsOnASourceFromBetweenTheLettersOrIsMarkedDerived()
    {
        var v = await api.GetJsonAsync("/api/v1/rapportagecycli/najaar-2024/verschillen?tenOpzichteVan=aanpak-2023");
        var vorige = (await api.GetJsonAsync("/api/v1/rapportagecycli/aanpak-2023")).GetProperty("peildatum").GetString()!;
        var deze = (await api.GetJsonAsync("/api/v1/rapportagecycli/najaar-2024")).GetProperty("peildatum").GetString()!;

        var overgangen = v.GetProperty("statusovergangen").EnumerateArray().ToList();
        Assert.NotEmpty(overgangen);
        Assert.All(overgangen, o =>
        {
            var datum = o.GetProperty("bron").TryGetProperty("datum", out var d) ? d.GetString() : null;
            var tussen = datum is not null && string.CompareOrdinal(datum, vorige) > 0 && string.CompareOrdinal(datum, deze) <= 0;
            Assert.True(tussen || o.GetProperty("zekerheid").GetString() is "afgeleid" or "onbekend",
                $"{o.GetProperty("id").GetString()}: {o.GetProperty("zekerheid").GetString()} op een bron van {datum ?? "(geen datum)"}");
        });
    }

    [Fact]
    public async Task The2024ItemsAreAddedByThe2024LetterNotChangedFromUnknown()
    {
        var v = await api.GetJsonAsync("/api/v1/rapportagecycli/najaar-2024/verschillen?tenOpzichteVan=aanpak-2023");

        var toegevoegd = v.GetProperty("toegevoegd").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToList();
        Assert.Contains("GE-04", toegevoegd);
        Assert.Contains("GE-05", toegevoegd);
        Assert.DoesNotContain(v.GetProperty("statusovergangen").EnumerateArray(), o => o.GetProperty("id").GetString() is "GE-04" or "GE-05");
    }

    [Theory]
    [InlineData("""{"status":"in_uitvoering","peildatum":"2024-01-01","zekerheid":"afgeleid","toelichting":"Volgt uit de nota.","bron":{"titel":"Voorbeeldbron","soort":"nota","datum":"2024-11-05"}}""", "$.bron.datum", "naPeildatum")]
    [InlineData("""{"status":"in_uitvoering","peildatum":"2024-01-01","zekerheid":"afgeleid","bron":{"titel":"Voorbeeldbron","soort":"derden","datum":"2024-01-01"}}""", "$.toelichting", "toelichtingVereist")]
    public async Task AStatusThatCitesALaterSourceOrInfersWithoutSayingWhyIsRefused(string body, string pad, string code)
    {
        using var response = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Post, "/api/v1/oplossingsrichtingen/ZD-04/statussen", body));

        var p = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(p.GetProperty("invalidParams").EnumerateArray(), f => f.GetProperty("name").GetString() == pad && f.GetProperty("code").GetString() == code);
    }

    // ZD-02 was gerealiseerd in the letter of 18 November 2024; each body changes that (to vertraagd) on a source
    // that cannot carry the change, or places its source in time without saying why, or quotes too much.
    [Theory]
    [InlineData("""{"zekerheid":"afgeleid","toelichting":"Afgeleid in de test.","bron":{"titel":"Voorbeeldbron (fictief)","soort":"derden"}}""", "$.bron.datum", "ongedateerdeWijziging")]
    [InlineData("""{"zekerheid":"bevestigd","bron":{"titel":"Voorbeeldbron (fictief)","soort":"derden","datum":"2024-06-01"}}""", "$.bron.datum", "wijzigingZonderNieuweBron")]
    [InlineData("""{"zekerheid":"afgeleid","toelichting":"Afgeleid in de test.","bron":{"titel":"Voorbeeldbron (fictief)","soort":"derden","bekendVanaf":"2025-03-01"}}""", "$.bron.tijdsbepaling", "tijdsbepalingVereist")]
    [InlineData("""{"zekerheid":"afgeleid","toelichting":"Afgeleid in de test.","bron":{"titel":"Voorbeeldbron (fictief)","soort":"derden","bekendVanaf":"2099-01-01","tijdsbepaling":"De maand in de titel."}}""", "$.bron.bekendVanaf", "naPeildatum")]
    [InlineData("""{"zekerheid":"bevestigd","bron":{"titel":"Voorbeeldbron (fictief)","soort":"derden","datum":"2025-03-01","passage":{"tekst":"een twee drie vier vijf zes zeven acht negen tien elf"}}}""", "$.bron.passage.tekst", "passageLengte")]
    public async Task AChangeOfStatusRestsOnASourcePlacedInTimeAfterThePreviousStatus(string deel, string pad, string code)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(deel)!.AsObject();
        body["status"] = "vertraagd";
        body["peildatum"] = Testdatum.Gisteren;
        using var response = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Post, "/api/v1/oplossingsrichtingen/ZD-02/statussen", body.ToJsonString()));

        var p = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(p.GetProperty("invalidParams").EnumerateArray(), f => f.GetProperty("name").GetString() == pad && f.GetProperty("code").GetString() == code);
        Assert.Equal("gerealiseerd", (await api.GetJsonAsync("/api/v1/oplossingsrichtingen/ZD-02")).GetProperty("status").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnUndatedSourceMayRepeatAStatusButAChangeOnAStatedDateKeepsItsReasonAndItsPassageLinksIntoTheSource()
    {
        // No change (ZD-02 stays gerealiseerd): an undated source may say so again, as afgeleid.
        using var herhaling = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Post, "/api/v1/oplossingsrichtingen/ZD-02/statussen",
            $$$"""{"status":"gerealiseerd","peildatum":"{{{Testdatum.Gisteren}}}","zekerheid":"afgeleid","toelichting":"Afgeleid in de test.","bron":{"titel":"Voorbeeldbron (fictief)","soort":"derden","tijdsbepaling":"Ongedateerd: fictief."}}"""));
        Assert.Equal(HttpStatusCode.Created, herhaling.StatusCode);

        // A change on a source known from a stated date, quoting it; the body's claim of a checked copy is not taken over.
        using var wijziging = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Post, "/api/v1/oplossingsrichtingen/PO-02/statussen",
            $$$"""{"status":"in_uitvoering","peildatum":"{{{Testdatum.Gisteren}}}","zekerheid":"bevestigd","bron":{"passage":{"tekst":"de voorlichting is begonnen, zegt de fictieve bron","gecontroleerdTegenKopie":true},"titel":"Voorbeeldbericht (fictief)","url":"https://example.org/bericht","soort":"derden","bekendVanaf":"{{{Testdatum.Gisteren}}}","tijdsbepaling":"De datum in de titel (fictief)."}}"""));
        Assert.Equal(HttpStatusCode.Created, wijziging.StatusCode);

        var bron = (await api.GetJsonAsync("/api/v1/oplossingsrichtingen/PO-02")).GetProperty("status").GetProperty("bron");
        Assert.Equal(Testdatum.Gisteren, bron.GetProperty("bekendVanaf").GetString());
        Assert.Equal("De datum in de titel (fictief).", bron.GetProperty("tijdsbepaling").GetString());
        var passage = bron.GetProperty("passage");
        Assert.False(passage.GetProperty("gecontroleerdTegenKopie").GetBoolean());
        Assert.Equal("https://example.org/bericht#:~:text=de%20voorlichting%20is%20begonnen%2C%20zegt%20de%20fictieve%20bron", passage.GetProperty("url").GetString());
    }

    [Fact]
    public async Task ANewKnelpuntOnUndatedSourcesAloneCannotHoldBeforeToday()
    {
        using var response = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Put, "/api/v1/knelpunten/P-ZD-8",
            """{"themaId":"zorg","soort":"achtergrond","omschrijving":"Voorbeeld: een fictief knelpunt.","geldigVanaf":"2024-01-01","bronnen":[{"titel":"Voorbeeldbron (fictief)","soort":"derden","tijdsbepaling":"Ongedateerd: fictief."}]}""",
            ("If-None-Match", "*")));

        var p = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(p.GetProperty("invalidParams").EnumerateArray(), f => f.GetProperty("name").GetString() == "$.geldigVanaf" && f.GetProperty("code").GetString() == "ongedateerdePlaatsing");
        using var opgevraagd = await api.Client.GetAsync("/api/v1/knelpunten/P-ZD-8");
        Assert.Equal(HttpStatusCode.NotFound, opgevraagd.StatusCode);
    }

    [Fact]
    public async Task ARevisionCitingASourceDatedAfterItsGeldigVanafIsRefused()
    {
        using var response = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Put, "/api/v1/knelpunten/P-ZD-9",
            $$$"""{"themaId":"zorg","soort":"achtergrond","omschrijving":"Voorbeeld: een fictief knelpunt.","geldigVanaf":"2024-01-01","bronnen":[{"titel":"Voorbeeldbron","soort":"derden","datum":"{{{Testdatum.Gisteren}}}"}]}""",
            ("If-None-Match", "*")));

        var p = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(p.GetProperty("invalidParams").EnumerateArray(), f => f.GetProperty("name").GetString() == "$.bronnen[0].datum" && f.GetProperty("code").GetString() == "naGeldigVanaf");
    }
}
