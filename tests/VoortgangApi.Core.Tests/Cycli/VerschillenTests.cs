using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Seed;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Cycli;

public class VerschillenTests
{
    private static async Task<Verschil> Najaar2024TenOpzichteVanAanpak2023()
    {
        var seed = await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"));
        var oud = seed.Cycli.Single(c => c.Id == "aanpak-2023").Stand;
        var nieuw = seed.Cycli.Single(c => c.Id == "najaar-2024").Stand;
        return Verschillen.Bereken("najaar-2024", nieuw, "aanpak-2023", oud);
    }

    [Fact]
    public async Task StatusTransitionsOfTheFactsAreListed()
    {
        var v = await Najaar2024TenOpzichteVanAanpak2023();

        Assert.Contains(v.Statusovergangen, s => s is { Id: "ZD-03", Van: "in_uitvoering", Naar: "gerealiseerd" });
        Assert.Contains(v.Statusovergangen, s => s is { Id: "ZD-01", Van: "in_uitvoering", Naar: "gerealiseerd" });
        // The standard appeared after the first letter's peildatum: then in progress, at the second letter published.
        Assert.Contains(v.Statusovergangen, s => s is { Id: "ZD-02", Van: "in_uitvoering", Naar: "gerealiseerd" });
        // Items first reported in 2024 are additions, not a change from "onbekend".
        Assert.DoesNotContain(v.Statusovergangen, s => s.Id is "GE-04" or "GE-05" or "ZD-04" or "ZD-05");
    }

    // The rule, not a list: an item is in a letter when the seed gives it a status there or in an earlier letter.
    private static SortedSet<string> EersteInNajaar2024()
    {
        using var seed = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Repo.Pad("data", "seed.json")));
        return new(seed.RootElement.GetProperty("oplossingsrichtingen").EnumerateArray()
            .Where(o => o.GetProperty("statussen").TryGetProperty("najaar-2024", out _) && !o.GetProperty("statussen").TryGetProperty("aanpak-2023", out _))
            .Select(o => o.GetProperty("id").GetString()!), StringComparer.Ordinal);
    }

    [Fact]
    public async Task ItemsFirstReportedInTheNewerCycleAreAdded()
    {
        var v = await Najaar2024TenOpzichteVanAanpak2023();

        Assert.NotEmpty(EersteInNajaar2024());
        Assert.Equal(EersteInNajaar2024(), v.Toegevoegd.Select(o => o.Id).Order(StringComparer.Ordinal));
        Assert.Empty(v.Verwijderd);
    }

    [Fact]
    public async Task ComparingTheOtherWayRoundTurnsAddedIntoRemoved()
    {
        var seed = await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"));

        var v = Verschillen.Bereken("aanpak-2023", seed.Cycli[0].Stand, "najaar-2024", seed.Cycli[1].Stand);

        Assert.Equal(EersteInNajaar2024(), v.Verwijderd.Select(o => o.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ChangedFieldsAreListedWithOldAndNewValueButNotThePeildatum()
    {
        var v = await Najaar2024TenOpzichteVanAanpak2023();

        var zd03 = v.Gewijzigd.Single(g => g.Id == "ZD-03");
        var zekerheid = zd03.Velden.Single(f => f.Veld == "status.zekerheid");
        Assert.Equal("afgeleid", zekerheid.Oud!.Value.GetString());
        Assert.Equal("bevestigd", zekerheid.Nieuw!.Value.GetString());
        Assert.DoesNotContain(v.Gewijzigd.SelectMany(g => g.Velden), f => f.Veld is "status.peildatum" or "status.status");
    }

    [Fact]
    public async Task ACycleComparedWithItselfHasNoDifferencesOnlyItemsWithoutNewInformation()
    {
        var seed = await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"));

        var v = Verschillen.Bereken("a", seed.Cycli[1].Stand, "a", seed.Cycli[1].Stand);

        Assert.Equal(new VerschilAantallen(0, 0, 0, 0, seed.Cycli[1].Stand.Oplossingsrichtingen.Count), v.Aantallen);
    }
}
