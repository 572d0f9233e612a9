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
    [InlineData("""{"status":"in_uitvoering","peildatum":"2024-01-01","zekerheid":"afgeleid","bron":{"titel":"Voorbeeldbron","soort":"derden"}}""", "$.toelichting", "toelichtingVereist")]
    public async Task AStatusThatCitesALaterSourceOrInfersWithoutSayingWhyIsRefused(string body, string pad, string code)
    {
        using var response = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Post, "/api/v1/oplossingsrichtingen/ZD-04/statussen", body));

        var p = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(p.GetProperty("invalidParams").EnumerateArray(), f => f.GetProperty("name").GetString() == pad && f.GetProperty("code").GetString() == code);
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
