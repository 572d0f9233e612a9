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
    public async Task NoSnapshotCitesASourceOrHoldsAStatusKnownOnlyAfterItsPeildatum()
    {
        var seed = await SeedAsync();

        Assert.All(seed.Cycli, c =>
        {
            // An undated source counts as known only when the sources were read, after every letter of the seed.
            var laat = Bronnen(c.Stand).Where(b => !(b.Bron.BekendOp() <= c.Peildatum))
                .Select(b => $"{b.Waar}: {b.Bron.Titel} ({b.Bron.BekendOp()?.ToString("yyyy-MM-dd", null) ?? "ongedateerd"})").ToList();
            Assert.True(laat.Count == 0, $"{c.Id} (peildatum {c.Peildatum:yyyy-MM-dd}) noemt bronnen die toen niet bekend waren:\n{string.Join("\n", laat)}");
            Assert.All(c.Stand.Oplossingsrichtingen, o => Assert.True(o.Status.Peildatum <= c.Peildatum, $"{c.Id}: {o.Id} heeft een status van {o.Status.Peildatum}"));
        });
    }

    [Fact]
    public async Task EveryTextInALetterRestsOnASourceKnownOnItsPeildatum()
    {
        var seed = await SeedAsync();

        Assert.All(seed.Cycli, c =>
        {
            // Wording whose only sources are later has no source left in the letter: that is what this finds.
            var zonder = c.Stand.Knelpunten.Where(k => k.Bronnen.Count == 0).Select(k => k.Id)
                .Concat(c.Stand.Oplossingsrichtingen.Where(o => o.Bronnen.Count == 0).Select(o => o.Id)).ToList();
            Assert.True(zonder.Count == 0, $"{c.Id}: tekst zonder bron die op {c.Peildatum:yyyy-MM-dd} bekend was: {string.Join(", ", zonder)}");
        });
    }

    [Fact]
    public async Task NoLetterNamesADateAfterItsPeildatumExceptAsAnExpectation()
    {
        var seed = await SeedAsync();
        Assert.NotEmpty(Datums("vanaf 10 januari 2024"));

        Assert.All(seed.Cycli, c =>
        {
            var teksten = c.Stand.Knelpunten.Select(k => (k.Id, k.Omschrijving))
                .Concat(c.Stand.Oplossingsrichtingen.SelectMany(o => new[] { (o.Id, o.Titel), (o.Id, o.Omschrijving), (o.Id, o.Planning) }));
            // A sentence may name a later date only as what is expected or promised ("naar verwachting in 2025").
            var later = teksten.SelectMany(t => Zinnen(t.Item2).Where(z => !Verwachting().IsMatch(z) && Datums(z).Any(d => d > c.Peildatum)).Select(z => $"{t.Id}: {z}")).ToList();
            Assert.True(later.Count == 0, $"{c.Id} (peildatum {c.Peildatum:yyyy-MM-dd}) noemt later bekende gebeurtenissen:\n{string.Join("\n", later)}");
        });
    }

    private static string[] Zinnen(string tekst) => tekst.Split(['.', ';'], StringSplitOptions.RemoveEmptyEntries);

    // The earliest day each date in a sentence can mean: "10 januari 2024", "november 2023" (its first day), "2025" (1 January).
    private static IEnumerable<DateOnly> Datums(string zin)
    {
        string[] maanden = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
        foreach (Match m in DatumPatroon().Matches(zin.ToLowerInvariant()))
        {
            var jaar = int.Parse(m.Groups["jaar"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var maand = m.Groups["maand"].Success ? Array.IndexOf(maanden, m.Groups["maand"].Value) + 1 : 1;
            var dag = m.Groups["dag"].Success ? int.Parse(m.Groups["dag"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            yield return new DateOnly(jaar, maand, dag);
        }
    }

    [GeneratedRegex(@"(?:(?:(?<dag>\d{1,2}) )?(?<maand>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) )?(?<jaar>20\d\d)\b")]
    private static partial Regex DatumPatroon();

    [GeneratedRegex(@"verwacht|toegezegd|gepland|beloofd", RegexOptions.IgnoreCase)]
    private static partial Regex Verwachting();

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
    public async Task AnItemIsInALetterExactlyWhenASourceKnownOnItsPeildatumReportsIt()
    {
        var seed = await SeedAsync();
        using var json = JsonDocument.Parse(File.ReadAllText(Repo.Pad("data", "seed.json")));
        var geraadpleegd = DateOnly.Parse(json.RootElement.GetProperty("bronnenGeraadpleegdOp").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        DateOnly Bekend(JsonElement b) =>
            b.TryGetProperty("datum", out var d) || b.TryGetProperty("bekendVanaf", out d) ? DateOnly.Parse(d.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : geraadpleegd;

        Assert.All(seed.Cycli, c =>
        {
            // A problem: from its earliest source that is known (and not before its own geldigVanaf).
            var knelpunten = json.RootElement.GetProperty("knelpunten").EnumerateArray()
                .Where(k => k.GetProperty("bronnen").EnumerateArray().Any(b => Bekend(b) <= c.Peildatum)
                    && !(k.TryGetProperty("geldigVanaf", out var g) && DateOnly.Parse(g.GetString()!, System.Globalization.CultureInfo.InvariantCulture) > c.Peildatum))
                .Select(k => k.GetProperty("id").GetString()!).Order(StringComparer.Ordinal);
            Assert.Equal(knelpunten, c.Stand.Knelpunten.Select(k => k.Id).Order(StringComparer.Ordinal));

            // A solution direction: from the first letter that gives it a status, whose source is known by then.
            var items = json.RootElement.GetProperty("oplossingsrichtingen").EnumerateArray()
                .Where(o => o.GetProperty("statussen").EnumerateObject().Any(s =>
                    seed.Cycli.Single(x => x.Id == s.Name).Peildatum <= c.Peildatum && Bekend(s.Value.GetProperty("bron")) <= c.Peildatum))
                .Select(o => o.GetProperty("id").GetString()!).Order(StringComparer.Ordinal);
            Assert.Equal(items, c.Stand.Oplossingsrichtingen.Select(o => o.Id).Order(StringComparer.Ordinal));
        });

        // Both directions hold for a non-trivial split: some items wait for a later letter.
        Assert.True(seed.Cycli[0].Stand.Oplossingsrichtingen.Count < seed.Cycli[^1].Stand.Oplossingsrichtingen.Count);
        Assert.True(seed.Cycli[0].Stand.Knelpunten.Count < seed.Huidig.Knelpunten.Count);
    }

    [Fact]
    public async Task EveryStatusInTheSeedKeepsTheStatusRules()
    {
        var statussen = (await SeedAsync()).Regels.Select(r => r.Status).OfType<Core.Historie.Statusregel>().ToList();

        Assert.All(statussen.Where(s => s.Zekerheid == "afgeleid"), s => Assert.False(string.IsNullOrWhiteSpace(s.Toelichting), $"{s.OplossingsrichtingId} {s.Peildatum}: afgeleid zonder toelichting"));
        Assert.All(statussen.Where(s => s.Zekerheid == "bevestigd"), s => Assert.True(s.Bron.BekendOp() <= s.Peildatum, $"{s.OplossingsrichtingId} {s.Peildatum}: bevestigd zonder bron van vóór de peildatum"));
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

    internal static string Vingerafdruk(string reeks) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(reeks)))[..16];

    // Every text of the seed except addresses (a URL is a name, not a sentence).
    private static IEnumerable<(string Pad, string Tekst)> Teksten(JsonElement e, string pad) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Where(p => p.Name != "url").SelectMany(p => Teksten(p.Value, $"{pad}.{p.Name}")),
        JsonValueKind.Array => e.EnumerateArray().SelectMany((x, i) => Teksten(x, $"{pad}[{i}]")),
        JsonValueKind.String => [(pad, e.GetString()!)],
        _ => [],
    };

    internal static List<string> Woorden(string tekst) => [.. WoordPatroon().Matches(tekst.ToLowerInvariant()).Select(m => m.Value)];

    [GeneratedRegex("[0-9a-zà-ÿ]+")]
    private static partial Regex WoordPatroon();
}
