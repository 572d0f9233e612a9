using System.Text.RegularExpressions;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Seed;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Cycli;

/// <summary>
/// A reader can check a confirmed status at the very passage: every one confirmed by the ministry's nota quotes it (at
/// most ten words), and each such quote is found in the stored nota; a quote from another source links into it with a
/// text fragment and says it was not checked against a kept copy.
/// </summary>
public partial class PassageTests
{
    private static async Task<List<Statusregel>> StatussenAsync() =>
        (await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"))).Regels.Select(r => r.Status).OfType<Statusregel>().ToList();

    [Fact]
    public async Task EveryStatusConfirmedByTheNotaQuotesAPassageCheckedAgainstTheStoredNota()
    {
        var nota = (await StatussenAsync()).Where(s => s is { Zekerheid: "bevestigd", Bron.Soort: "nota" }).ToList();

        Assert.NotEmpty(nota);
        Assert.All(nota, s =>
        {
            Assert.True(s.Bron.Passage is { GecontroleerdTegenKopie: true }, $"{s.OplossingsrichtingId} {s.Peildatum}: bevestigd door de nota zonder gecontroleerde passage");
            Assert.InRange(s.Bron.Passage!.Woorden(), 1, Passage.MaxWoorden);
        });
    }

    [Fact]
    public async Task EveryPassageMarkedCheckedIsFoundInTheStoredNota()
    {
        var gecontroleerd = (await StatussenAsync()).Where(s => s.Bron.Passage?.GecontroleerdTegenKopie == true).ToList();
        var (letterlijk, vingerafdrukken) = Nota();

        Assert.NotEmpty(gecontroleerd);
        Assert.All(gecontroleerd, s =>
        {
            Assert.Equal("nota", s.Bron.Soort);
            var tekst = s.Bron.Passage!.Tekst;
            // With ../shared the passage is found as written (case and punctuation too); without it, its words in order.
            Assert.True(letterlijk?.Contains(tekst, StringComparison.Ordinal)
                ?? vingerafdrukken.Contains(BrontrouwInDeTijdTests.Vingerafdruk(string.Join(' ', BrontrouwInDeTijdTests.Woorden(tekst)))),
                $"{s.OplossingsrichtingId}: \"{tekst}\" staat niet in de nota");
        });
    }

    [Fact]
    public async Task APassageLinksIntoItsSourceWithATextFragmentAndANotaPassageHasNoInventedAddress()
    {
        var met = (await StatussenAsync()).Where(s => s.Bron.Passage is not null).ToList();

        Assert.Contains(met, s => s.Bron.Url is not null);
        Assert.All(met, s =>
        {
            var p = s.Bron.Passage!;
            if (s.Bron.Url is null)
            {
                Assert.Null(p.Url);
                return;
            }

            Assert.StartsWith(s.Bron.Url + "#:~:text=", p.Url, StringComparison.Ordinal);
            var fragment = p.Url![(s.Bron.Url.Length + "#:~:text=".Length)..];
            Assert.DoesNotMatch("[ ,&-]", fragment);
            Assert.Equal(p.Tekst, Uri.UnescapeDataString(fragment));
            Assert.False(p.GecontroleerdTegenKopie, $"{s.OplossingsrichtingId}: alleen de nota is als kopie bewaard");
        });
    }

    [Fact]
    public void AHyphenCommaAndAmpersandAreEncodedInTheTextDirective()
    {
        var p = new Passage("model-APV, JenV & SZW", false).MetLink("https://example.org/stuk#oud");

        Assert.Equal("https://example.org/stuk#:~:text=model%2DAPV%2C%20JenV%20%26%20SZW", p.Url);
    }

    // The nota as text (whitespace collapsed) when ../shared is there, and always the fingerprints of its runs of one
    // to ten words: computed from ../shared/domain when present (and then the stored copy must equal them), else read
    // from the stored copy, so a clone without ../shared checks the same passages.
    private static (string? Letterlijk, HashSet<string> Vingerafdrukken) Nota()
    {
        var opgeslagen = Repo.Pad("tests", "VoortgangApi.Core.Tests", "Data", "notapassages.txt");
        var pad = Repo.Shared() is { } map ? Path.Combine(map, "domain", "nota-voortgang-aanpak-2024-11-05.md") : null;
        if (pad is null || !File.Exists(pad))
        {
            return (null, [.. File.ReadAllLines(opgeslagen)]);
        }

        var tekst = File.ReadAllText(pad);
        var woorden = BrontrouwInDeTijdTests.Woorden(tekst);
        var berekend = Enumerable.Range(1, Passage.MaxWoorden)
            .SelectMany(n => Enumerable.Range(0, woorden.Count - n + 1).Select(i => BrontrouwInDeTijdTests.Vingerafdruk(string.Join(' ', woorden.Skip(i).Take(n)))))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        if (Environment.GetEnvironmentVariable("VOORTGANG_BRONREEKSEN_SCHRIJVEN") == "1")
        {
            File.WriteAllLines(opgeslagen, berekend);
        }

        Assert.True(File.ReadAllLines(opgeslagen).SequenceEqual(berekend),
            $"{opgeslagen} is niet die van ../shared/domain: draai de test eenmaal met VOORTGANG_BRONREEKSEN_SCHRIJVEN=1.");
        return (Spaties().Replace(tekst, " "), [.. berekend]);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaties();
}
