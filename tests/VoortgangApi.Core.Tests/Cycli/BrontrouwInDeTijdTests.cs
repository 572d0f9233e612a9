using System.Text.Json;
using System.Text.RegularExpressions;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Seed;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Cycli;

/// <summary>
/// Nothing in a letter's snapshot postdates the letter, and the data reads in its own words: every snapshot of the
/// seed walked source by source, the certainty rules on every status, and no run of words copied from the sources.
/// </summary>
public partial class BrontrouwInDeTijdTests
{
    private static Task<SeedSet> SeedAsync() => SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"));

    /// <summary>Every source a state cites, with where: the items', their statuses' and the problems'.</summary>
    internal static IEnumerable<(string Waar, Bron Bron)> Bronnen(VoortgangData stand) =>
        stand.Knelpunten.SelectMany(k => k.Bronnen.Select(b => ($"knelpunt {k.Id}", b)))
            .Concat(stand.Oplossingsrichtingen.SelectMany(o => o.Bronnen.Select(b => ($"oplossingsrichting {o.Id}", b))))
            .Concat(stand.Oplossingsrichtingen.Where(o => o.Status.Bron is not null).Select(o => ($"status van {o.Id}", o.Status.Bron!)));

    [Fact]
    public async Task NoSnapshotCitesASourceOrHoldsAStatusDatedAfterItsPeildatum()
    {
        var seed = await SeedAsync();

        Assert.All(seed.Cycli, c =>
        {
            var laat = Bronnen(c.Stand).Where(b => b.Bron.Datum > c.Peildatum).Select(b => $"{b.Waar}: {b.Bron.Titel} ({b.Bron.Datum:yyyy-MM-dd})").ToList();
            Assert.True(laat.Count == 0, $"{c.Id} (peildatum {c.Peildatum:yyyy-MM-dd}) noemt latere bronnen:\n{string.Join("\n", laat)}");
            Assert.All(c.Stand.Oplossingsrichtingen, o => Assert.True(o.Status.Peildatum <= c.Peildatum, $"{c.Id}: {o.Id} heeft een status van {o.Status.Peildatum}"));
        });
    }

    [Fact]
    public async Task EverythingASnapshotHoldsIsNamedByItsOwnItems()
    {
        var seed = await SeedAsync();

        Assert.All(seed.Cycli, c =>
        {
            var knelpunten = c.Stand.Knelpunten.Select(k => k.Id).ToHashSet();
            var partijen = c.Stand.Partijen.Select(p => p.Id).ToHashSet();
            var genoemd = c.Stand.Oplossingsrichtingen.SelectMany(o => o.VerantwoordelijkePartijen.Concat(o.BetrokkenPartijen)).ToHashSet();
            Assert.All(c.Stand.Oplossingsrichtingen, o => Assert.Subset(knelpunten, o.Knelpunten.ToHashSet()));
            Assert.Equal(genoemd.Order(), partijen.Order());
            // An item is in a snapshot only with a status of its own in that letter (not the placeholder "no status yet").
            Assert.All(c.Stand.Oplossingsrichtingen, o => Assert.NotNull(o.Status.Id));
        });
    }

    [Fact]
    public async Task ItemsFirstReportedIn2024AreNotInThe2023Letter()
    {
        var aanpak = (await SeedAsync()).Cycli.Single(c => c.Id == "aanpak-2023").Stand;

        Assert.DoesNotContain(aanpak.Oplossingsrichtingen, o => o.Id is "GE-04" or "GE-05" or "ZO-02" or "ZO-03");
        Assert.DoesNotContain(aanpak.Knelpunten, k => k.Id is "P-GE-2" or "P-GE-4" or "P-ZD-4");
    }

    [Fact]
    public async Task EveryStatusInTheSeedKeepsTheStatusRules()
    {
        var statussen = (await SeedAsync()).Regels.Select(r => r.Status).OfType<Core.Historie.Statusregel>().ToList();

        Assert.All(statussen.Where(s => s.Zekerheid == "afgeleid"), s => Assert.False(string.IsNullOrWhiteSpace(s.Toelichting), $"{s.OplossingsrichtingId} {s.Peildatum}: afgeleid zonder toelichting"));
        Assert.All(statussen.Where(s => s.Zekerheid == "bevestigd"), s => Assert.True(s.Bron.Datum <= s.Peildatum, $"{s.OplossingsrichtingId} {s.Peildatum}: bevestigd zonder bron van vóór de peildatum"));
    }

    [Fact]
    public void NoTwelveConsecutiveWordsOfTheNotaOrTheFactsAppearInTheData()
    {
        var reeksen = Bronreeksen();

        var gekopieerd = new List<string>();
        foreach (var (pad, tekst) in Teksten(JsonDocument.Parse(File.ReadAllText(Repo.Pad("data", "seed.json"))).RootElement, "$"))
        {
            var w = Woorden(tekst);
            if (Enumerable.Range(0, Math.Max(0, w.Count - 11)).Select(i => string.Join(' ', w.Skip(i).Take(12))).FirstOrDefault(r => reeksen.Contains(Vingerafdruk(r))) is { } reeks)
            {
                gekopieerd.Add($"{pad}: \"{reeks}\"");
            }
        }

        Assert.True(gekopieerd.Count == 0, "Letterlijk overgenomen (parafraseer):\n" + string.Join("\n", gekopieerd));
    }

    // The sources' runs of 12 words, as fingerprints: from ../shared/domain when it is there (and then the stored copy
    // must be the same, so it stays true), else from the stored copy — so a clone without ../shared checks the same.
    // Fingerprints, not text: the repository holds no sentence of the sources.
    private static HashSet<string> Bronreeksen()
    {
        var opgeslagen = Repo.Pad("tests", "VoortgangApi.Core.Tests", "Data", "bronreeksen.txt");
        var domein = Repo.Shared() is { } map ? Path.Combine(map, "domain") : null;
        if (domein is null || !Directory.Exists(domein))
        {
            return [.. File.ReadAllLines(opgeslagen)];
        }

        var bron = Woorden(File.ReadAllText(Path.Combine(domein, "FACTS.md")) + "\n" + File.ReadAllText(Path.Combine(domein, "nota-voortgang-aanpak-2024-11-05.md")));
        var berekend = Enumerable.Range(0, bron.Count - 11).Select(i => Vingerafdruk(string.Join(' ', bron.Skip(i).Take(12)))).Order(StringComparer.Ordinal).Distinct().ToList();
        if (Environment.GetEnvironmentVariable("VOORTGANG_BRONREEKSEN_SCHRIJVEN") == "1")
        {
            File.WriteAllLines(opgeslagen, berekend);
        }

        Assert.True(File.ReadAllLines(opgeslagen).SequenceEqual(berekend),
            $"{opgeslagen} is niet die van ../shared/domain: draai de test eenmaal met VOORTGANG_BRONREEKSEN_SCHRIJVEN=1.");
        return [.. berekend];
    }

    private static string Vingerafdruk(string reeks) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(reeks)))[..16];

    // Every text of the seed except addresses (a URL is a name, not a sentence).
    private static IEnumerable<(string Pad, string Tekst)> Teksten(JsonElement e, string pad) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Where(p => p.Name != "url").SelectMany(p => Teksten(p.Value, $"{pad}.{p.Name}")),
        JsonValueKind.Array => e.EnumerateArray().SelectMany((x, i) => Teksten(x, $"{pad}[{i}]")),
        JsonValueKind.String => [(pad, e.GetString()!)],
        _ => [],
    };

    private static List<string> Woorden(string tekst) => [.. WoordPatroon().Matches(tekst.ToLowerInvariant()).Select(m => m.Value)];

    [GeneratedRegex("[0-9a-zà-ÿ]+")]
    private static partial Regex WoordPatroon();
}
