using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.OpenData;
using VoortgangApi.OpenData;
using VoortgangApi.Core.Seed;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.OpenData;

public class CatalogusTests
{
    internal static readonly OpenDataInstellingen Instellingen = Testinstellingen.OpenData;

    internal static async Task<List<GepubliceerdeCyclus>> SeedCycli()
    {
        var seed = await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"));
        return [.. seed.Cycli.Select(c =>
        {
            var cyclus = new Rapportagecyclus(c.Id, c.Titel, c.Peildatum, c.Kamerbrief, Toestanden.Vastgesteld,
                new MomentopnameInfo(new DateTimeOffset(2024, 11, 18, 12, 0, 0, TimeSpan.Zero), Canoniek.Hash(c.Stand), Canoniek.Tel(c.Stand)));
            var bestanden = Cycluspakket.Bouw(cyclus, c.Stand, Instellingen).Select(b => new BestandInfo(b.Naam, b.Inhoud.Length, b.Sha256)).ToList();
            return new GepubliceerdeCyclus(cyclus, bestanden);
        })];
    }

    [Fact]
    public async Task CatalogOfTheSeedCyclesPassesTheDcatApNl30ShapesWithZeroViolations()
    {
        var catalogus = Catalogus.Maak(await SeedCycli(), Instellingen);

        var rapport = await OpenDataCheck.VoerUitAsync("shacl", OpenDataCheck.ShapesMap, catalogus, ".jsonld");

        var overtredingen = rapport["results"]!.AsArray().Where(r => (string?)r!["severity"] == "Violation").Select(r => r!.ToJsonString()).ToList();
        Assert.True(overtredingen.Count == 0, string.Join(Environment.NewLine, overtredingen));
        Assert.True((int)rapport["triples"]! > 100);
    }
}
