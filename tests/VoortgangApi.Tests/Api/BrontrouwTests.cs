using System.Text.Json;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>The seed read back through the API says what the sources say, with the source each status really comes from.</summary>
public class BrontrouwTests(TestApi api) : IClassFixture<TestApi>
{
    private async Task<JsonElement> Status(string id, string? cyclus = null) =>
        (await api.GetJsonAsync($"/api/v1/oplossingsrichtingen/{id}{(cyclus is null ? "" : "?cyclus=" + cyclus)}")).GetProperty("status");

    [Theory]
    [InlineData("ZD-01")]
    [InlineData("ZD-05")]
    [InlineData("GE-03")]
    [InlineData("GE-04")]
    [InlineData("GE-05")]
    [InlineData("CM-04")]
    public async Task StatusesKnownOnlyFromTheNotaCiteTheNota(string id)
    {
        var bron = (await Status(id, "najaar-2024")).GetProperty("bron");

        Assert.Equal("nota", bron.GetProperty("soort").GetString());
        Assert.Equal("2024-11-05", bron.GetProperty("datum").GetString());
        Assert.Contains("5884741", bron.GetProperty("titel").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLettersReferencesSayHowCertainTheyAre()
    {
        var cycli = (await api.GetJsonAsync("/api/v1/rapportagecycli")).GetProperty("rapportagecycli").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("kamerbrief"));

        Assert.False(cycli["najaar-2024"].TryGetProperty("kenmerk", out _));
        Assert.Equal("afgeleid", cycli["aanpak-2023"].GetProperty("zekerheid").GetString());
        Assert.False(cycli["aanpak-2023"].TryGetProperty("url", out _), "een persbericht is niet de brief zelf");
    }

    [Fact]
    public async Task TheDelayedLetterOnTheVisionIsListedAsVertraagdWithTheNotaAsSource()
    {
        var pagina = await api.GetJsonAsync("/api/v1/oplossingsrichtingen?status=vertraagd");

        var item = pagina.GetProperty("oplossingsrichtingen").EnumerateArray().Single();
        Assert.Equal("OV-01", item.GetProperty("id").GetString());
        Assert.Equal("nota", item.GetProperty("status").GetProperty("bron").GetProperty("soort").GetString());
        Assert.False(item.TryGetProperty("themaId", out _), "de visiebrief hoort bij de hele Aanpak, niet bij één thema");
    }

    [Fact]
    public async Task NoNewsBetweenTheLettersIsNoTransition()
    {
        var verschil = await api.GetJsonAsync("/api/v1/rapportagecycli/najaar-2024/verschillen?tenOpzichteVan=aanpak-2023");
        var cm01 = await Status("CM-01", "najaar-2024");

        Assert.DoesNotContain(verschil.GetProperty("statusovergangen").EnumerateArray(), o => o.GetProperty("naar").GetString() == "onbekend");
        var geenNieuws = verschil.GetProperty("geenNieuweInformatie").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "CM-01", "PO-01", "ZO-01", "GE-02", "PO-02" }, geenNieuws.ToHashSet());
        Assert.Equal(("in_uitvoering", "2023-11-10"), (cm01.GetProperty("status").GetString(), cm01.GetProperty("peildatum").GetString()));
    }

    [Fact]
    public async Task PartyLinksAndDescriptionsHoldNoMoreThanTheSourcesSay()
    {
        var zo01 = await api.GetJsonAsync("/api/v1/oplossingsrichtingen/ZO-01");
        var cm03 = await api.GetJsonAsync("/api/v1/oplossingsrichtingen/CM-03");
        var knelpunten = (await api.GetJsonAsync("/api/v1/knelpunten?thema=gemeenten")).GetProperty("knelpunten").EnumerateArray()
            .ToDictionary(k => k.GetProperty("id").GetString()!, k => k.GetProperty("soort").GetString());

        Assert.DoesNotContain("medische-beroepsverenigingen", zo01.GetProperty("betrokkenPartijen").EnumerateArray().Select(p => p.GetString()));
        Assert.Empty(cm03.GetProperty("verantwoordelijkePartijen").EnumerateArray());
        Assert.True(cm03.GetProperty("buitenAanpak").GetBoolean());
        Assert.Equal(("achtergrond", "achtergrond"), (knelpunten["P-GE-1"], knelpunten["P-GE-2"]));
        foreach (var id in new[] { "ZD-03", "PO-01", "CM-04" })
        {
            var item = await api.GetJsonAsync($"/api/v1/oplossingsrichtingen/{id}");
            Assert.DoesNotContain("swad", item.GetProperty("betrokkenPartijen").EnumerateArray().Select(p => p.GetString()));
        }
    }
}
