using VoortgangApi.Core.Seed;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Unit;

public class SeedLoaderTests
{
    private static readonly string SchemaMap = Repo.Pad("schemas");

    private static Task<SeedSet> LaadRepoSeed() => SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), SchemaMap);

    [Fact]
    public async Task TheRepositorySeedHoldsTheFiveThemesInLetterOrder()
    {
        var seed = await LaadRepoSeed();

        Assert.Equal(
            ["zakelijke-dienstverlening", "zorg", "politie", "gemeenten", "communicatie-en-media"],
            seed.Huidig.Themas.Select(t => t.Id));
        Assert.InRange(seed.Huidig.Oplossingsrichtingen.Count, 18, 25);
        Assert.Equal(["aanpak-2023", "najaar-2024"], seed.Cycli.Select(c => c.Id));
    }

    [Fact]
    public async Task CurrentStatusIsTheStatusOfTheLatestCycleThatReportedIt()
    {
        var seed = await LaadRepoSeed();

        var zd03 = seed.Huidig.Oplossingsrichtingen.Single(o => o.Id == "ZD-03");
        Assert.Equal("gerealiseerd", zd03.Status.Status);
        Assert.Equal(new DateOnly(2024, 11, 18), zd03.Status.Peildatum);
    }

    [Fact]
    public async Task HistoricalCycleHoldsOnlyTheItemsAndStatusesItReported()
    {
        var seed = await LaadRepoSeed();

        var aanpak = seed.Cycli.Single(c => c.Id == "aanpak-2023").Stand;
        Assert.Equal("in_uitvoering", aanpak.Oplossingsrichtingen.Single(o => o.Id == "ZD-03").Status.Status);
        Assert.DoesNotContain(aanpak.Oplossingsrichtingen, o => o.Id == "CM-04");
        Assert.All(aanpak.Oplossingsrichtingen, o => Assert.Equal(new DateOnly(2023, 11, 10), o.Status.Peildatum));
    }

    [Fact]
    public async Task SeedThatBreaksTheSchemaIsRejectedNamingFileJsonPathAndRule()
    {
        var pad = await SchrijfVariant(json => json.Replace("\"status\": \"gerealiseerd\"", "\"status\": \"klaar\""));

        var ex = await Assert.ThrowsAsync<SeedValidatieException>(() => SeedLoader.LaadAsync(pad, SchemaMap));

        Assert.Contains(pad, ex.Message, StringComparison.Ordinal);
        Assert.Contains("$.oplossingsrichtingen[1].statussen.najaar-2024.status", ex.Message, StringComparison.Ordinal);
        Assert.Contains("NotInEnumeration", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedThatRefersToAnUnknownPartyIsRejectedWithThePath()
    {
        var pad = await SchrijfVariant(json => json.Replace("\"verantwoordelijkePartijen\": [\n        \"nvb\"\n      ]", "\"verantwoordelijkePartijen\": [\"bestaat-niet\"]"));

        var ex = await Assert.ThrowsAsync<SeedValidatieException>(() => SeedLoader.LaadAsync(pad, SchemaMap));

        Assert.Equal(["$.oplossingsrichtingen[1].verantwoordelijkePartijen[0]: regel 'bestaandeVerwijzing' geschonden: partij 'bestaat-niet' bestaat niet"], ex.Fouten);
    }

    [Fact]
    public async Task AConfirmedStatusWhoseSourceIsDatedAfterItsPeildatumIsRejectedWithItsPath()
    {
        // ZD-01's 2023 status is bevestigd by the government's news item of 10 November 2023; date that source later.
        var pad = await SchrijfVariant(json => Wijzig(json, s => s["oplossingsrichtingen"]![0]!["statussen"]!["aanpak-2023"]!["bron"]!["datum"] = "2023-11-24"));

        var ex = await Assert.ThrowsAsync<SeedValidatieException>(() => SeedLoader.LaadAsync(pad, SchemaMap));

        Assert.Contains(ex.Fouten, f => f.StartsWith("$.oplossingsrichtingen[0].statussen.aanpak-2023.bron.datum: regel 'naPeildatum'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStatusCitingNoSourceIsRejectedWithItsPath()
    {
        var pad = await SchrijfVariant(json =>
        {
            var seed = System.Text.Json.Nodes.JsonNode.Parse(json)!;
            seed["oplossingsrichtingen"]![0]!["statussen"]!["aanpak-2023"]!.AsObject().Remove("bron");
            return seed.ToJsonString();
        });

        var ex = await Assert.ThrowsAsync<SeedValidatieException>(() => SeedLoader.LaadAsync(pad, SchemaMap));

        Assert.Contains(ex.Fouten, f => f.StartsWith("$.oplossingsrichtingen[0].statussen.aanpak-2023", StringComparison.Ordinal) && f.Contains("PropertyRequired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStatusSourceThatDoesNotSayWhatKindItIsIsRejectedWithItsPath()
    {
        var pad = await SchrijfVariant(json => ZetEerste(json, "\"soort\": \"nota\",", ""));

        var ex = await Assert.ThrowsAsync<SeedValidatieException>(() => SeedLoader.LaadAsync(pad, SchemaMap));

        Assert.Contains(ex.Fouten, f => f.Contains(".bron.soort: regel 'soortVereist'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryConfirmedStatusInTheSeedCitesASourceDatedOnOrBeforeItsPeildatum()
    {
        var seed = await LaadRepoSeed();

        var bevestigd = seed.Regels.Select(r => r.Status).OfType<VoortgangApi.Core.Historie.Statusregel>().Where(s => s.Zekerheid == "bevestigd").ToList();
        Assert.NotEmpty(bevestigd);
        Assert.All(bevestigd, s => Assert.True(s.Bron.Datum <= s.Peildatum, $"{s.OplossingsrichtingId} {s.Peildatum}: bron {s.Bron.Datum}"));
        Assert.All(seed.Regels.Select(r => r.Status).OfType<VoortgangApi.Core.Historie.Statusregel>(), s => Assert.NotNull(s.Bron.Soort));
    }

    private static string Wijzig(string json, Action<System.Text.Json.Nodes.JsonNode> wijzig)
    {
        var seed = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        wijzig(seed);
        return seed.ToJsonString();
    }

    [Theory]
    [InlineData("2023-06-01", "wijzigingZonderNieuweBron")] // a source from before the 2023 letter cannot confirm what changed after it
    [InlineData(null, "ongedateerdeWijziging")]             // an undated one cannot carry a change at all
    public async Task AConfirmedChangeBetweenTwoLettersWithoutASourceFromBetweenThemIsRejectedWithItsPath(string? datum, string regel)
    {
        // ZD-03 goes from in_uitvoering (2023) to gerealiseerd (2024), bevestigd by a source of January 2024.
        var pad = await SchrijfVariant(json => Wijzig(json, s =>
        {
            var bron = s["oplossingsrichtingen"]![2]!["statussen"]!["najaar-2024"]!["bron"]!.AsObject();
            if (datum is null)
            {
                bron.Remove("datum");
                bron["tijdsbepaling"] = "Ongedateerd voor deze test.";
            }
            else
            {
                bron["datum"] = datum;
            }
        }));

        var ex = await Assert.ThrowsAsync<SeedValidatieException>(() => SeedLoader.LaadAsync(pad, SchemaMap));

        Assert.Contains(ex.Fouten, f => f.StartsWith($"$.oplossingsrichtingen[2].statussen.najaar-2024.bron.datum: regel '{regel}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnInferredChangeMayRestOnASourceFromBeforeTheEarlierLetter()
    {
        // The same change from a source of June 2023, said to be derived (with its reasoning), is a valid seed.
        var pad = await SchrijfVariant(json => Wijzig(json, s =>
        {
            var status = s["oplossingsrichtingen"]![2]!["statussen"]!["najaar-2024"]!.AsObject();
            status["bron"]!["datum"] = "2023-06-01";
            status["zekerheid"] = "afgeleid";
            status["toelichting"] = "Afgeleid: de bron is van vóór de vorige brief.";
        }));

        var seed = await SeedLoader.LaadAsync(pad, SchemaMap);

        Assert.NotEmpty(seed.Regels);
    }

    [Fact]
    public async Task AnUndatedSourceCannotCarryAChangeEvenAsInferred()
    {
        var pad = await SchrijfVariant(json => Wijzig(json, s =>
        {
            var status = s["oplossingsrichtingen"]![2]!["statussen"]!["najaar-2024"]!.AsObject();
            status["bron"]!.AsObject().Remove("datum");
            status["bron"]!["tijdsbepaling"] = "Ongedateerd voor deze test.";
            status["zekerheid"] = "afgeleid";
            status["toelichting"] = "Afgeleid: de bron noemt geen datum.";
        }));

        var ex = await Assert.ThrowsAsync<SeedValidatieException>(() => SeedLoader.LaadAsync(pad, SchemaMap));

        Assert.Contains(ex.Fouten, f => f.StartsWith("$.oplossingsrichtingen[2].statussen.najaar-2024.bron.datum: regel 'ongedateerdeWijziging'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASourceWithoutADateThatDoesNotSayWhyIsRejectedWithItsPath()
    {
        // P-ZD-5's source is undated and says why; take the reason away.
        var pad = await SchrijfVariant(json => Wijzig(json, s => s["knelpunten"]![4]!["bronnen"]![0]!.AsObject().Remove("tijdsbepaling")));

        var ex = await Assert.ThrowsAsync<SeedValidatieException>(() => SeedLoader.LaadAsync(pad, SchemaMap));

        Assert.Contains(ex.Fouten, f => f.StartsWith("$.knelpunten[4].bronnen[0].tijdsbepaling: regel 'tijdsbepalingVereist'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStatedDateFromWhichASourceIsKnownCountsAsItsDateForThePeildatum()
    {
        // CM-02's 2023 status rests on a source known from the launch of 29 September 2022; say it is known only from 2024.
        var pad = await SchrijfVariant(json => Wijzig(json, s => s["oplossingsrichtingen"]![17]!["statussen"]!["aanpak-2023"]!["bron"]!["bekendVanaf"] = "2024-01-01"));

        var ex = await Assert.ThrowsAsync<SeedValidatieException>(() => SeedLoader.LaadAsync(pad, SchemaMap));

        Assert.Contains(ex.Fouten, f => f.StartsWith("$.oplossingsrichtingen[17].statussen.aanpak-2023.bron.bekendVanaf: regel 'naPeildatum'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "passageVereist")]
    [InlineData("een twee drie vier vijf zes zeven acht negen tien elf", "passageLengte")]
    public async Task AStatusConfirmedByTheNotaQuotesItsPassageOfAtMostTenWords(string? passage, string regel)
    {
        // GE-04's 2024 status is bevestigd by the nota, with its passage.
        var pad = await SchrijfVariant(json => Wijzig(json, s =>
        {
            var bron = s["oplossingsrichtingen"]![14]!["statussen"]!["najaar-2024"]!["bron"]!.AsObject();
            if (passage is null)
            {
                bron.Remove("passage");
            }
            else
            {
                bron["passage"]!["tekst"] = passage;
            }
        }));

        var ex = await Assert.ThrowsAsync<SeedValidatieException>(() => SeedLoader.LaadAsync(pad, SchemaMap));

        Assert.Contains(ex.Fouten, f => f.StartsWith("$.oplossingsrichtingen[14].statussen.najaar-2024.bron.passage", StringComparison.Ordinal) && f.Contains($"'{regel}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnInferredStatusWithoutItsReasoningIsRejectedWithItsPath()
    {
        // GE-01's 2023 status is afgeleid (a letter of 2022 cannot confirm November 2023) and says why; take that away.
        var pad = await SchrijfVariant(json => Wijzig(json, s => s["oplossingsrichtingen"]![11]!["statussen"]!["aanpak-2023"]!.AsObject().Remove("toelichting")));

        var ex = await Assert.ThrowsAsync<SeedValidatieException>(() => SeedLoader.LaadAsync(pad, SchemaMap));

        Assert.Contains(ex.Fouten, f => f.StartsWith("$.oplossingsrichtingen[11].statussen.aanpak-2023.toelichting: regel 'toelichtingVereist'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnInferredStatusCitingASourceWrittenAfterItsPeildatumIsRejectedWithItsPath()
    {
        // ZD-02 in 2023: afgeleid from the news of 10 November; the sector standard's article of 24 November is later.
        var pad = await SchrijfVariant(json => Wijzig(json, s => s["oplossingsrichtingen"]![1]!["statussen"]!["aanpak-2023"]!["bron"]!["datum"] = "2023-11-24"));

        var ex = await Assert.ThrowsAsync<SeedValidatieException>(() => SeedLoader.LaadAsync(pad, SchemaMap));

        Assert.Contains(ex.Fouten, f => f.StartsWith("$.oplossingsrichtingen[1].statussen.aanpak-2023.bron.datum: regel 'naPeildatum'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AProblemDatedBeforeEveryOneOfItsSourcesIsRejectedWithItsPath()
    {
        // P-ZD-4 rests on an article of 11 January 2024 only.
        var pad = await SchrijfVariant(json => Wijzig(json, s => s["knelpunten"]![3]!["geldigVanaf"] = "2023-01-01"));

        var ex = await Assert.ThrowsAsync<SeedValidatieException>(() => SeedLoader.LaadAsync(pad, SchemaMap));

        Assert.Contains(ex.Fouten, f => f.StartsWith("$.knelpunten[3].geldigVanaf: regel 'voorDeBron'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APartyThatNoItemNamesIsRejectedWithItsPath()
    {
        var pad = await SchrijfVariant(json => Wijzig(json, s => s["partijen"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""{"id":"niemand","naam":"Door niemand genoemd","soort":"sector"}"""))));

        var ex = await Assert.ThrowsAsync<SeedValidatieException>(() => SeedLoader.LaadAsync(pad, SchemaMap));

        Assert.Contains(ex.Fouten, f => f.StartsWith("$.partijen[25]: regel 'nietGenoemd'", StringComparison.Ordinal));
    }

    private static string ZetEerste(string tekst, string oud, string nieuw)
    {
        var i = tekst.IndexOf(oud, tekst.IndexOf("\"oplossingsrichtingen\"", StringComparison.Ordinal), StringComparison.Ordinal);
        return tekst[..i] + nieuw + tekst[(i + oud.Length)..];
    }

    [Fact]
    public async Task SeedThatIsNotJsonIsRejected()
    {
        var pad = await SchrijfVariant(json => json[..200]);

        var ex = await Assert.ThrowsAsync<SeedValidatieException>(() => SeedLoader.LaadAsync(pad, SchemaMap));

        Assert.StartsWith("$: geen geldige JSON", ex.Fouten.Single(), StringComparison.Ordinal);
    }

    private static async Task<string> SchrijfVariant(Func<string, string> wijzig)
    {
        var origineel = await File.ReadAllTextAsync(Repo.Pad("data", "seed.json"));
        var gewijzigd = wijzig(origineel);
        Assert.NotEqual(origineel, gewijzigd);
        var pad = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(pad, gewijzigd);
        return pad;
    }
}
