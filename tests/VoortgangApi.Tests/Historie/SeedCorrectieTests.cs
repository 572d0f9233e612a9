using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Import;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Seed;
using VoortgangApi.Functions;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Historie;

/// <summary>
/// A store seeded and frozen with the seed of contract 1.5.0 (Data/seed-1.5.0.json, before the audit of issue 20)
/// meets the corrected seed: its snapshots stay as frozen, the corrections enter as corrections and revisions, and
/// the history shows what was said and what was corrected — once.
/// </summary>
public class SeedCorrectieTests
{
    [Fact]
    public async Task AStoreSeededBeforeTheAuditIsCorrectedOnceWithoutTouchingItsSnapshots()
    {
        await using var diensten = await DienstenAsync();
        var store = diensten.GetRequiredService<IHistorieStore>();
        var logboek = diensten.GetRequiredService<Logboek>();
        var cycli = diensten.GetRequiredService<ICyclusStore>();

        // The earlier store: the old seed's history (it would not pass today's rules, so it is read without them) and both letters frozen.
        var oud = SeedOmzetter.Zet(JsonSerializer.Deserialize<SeedDocument>(await File.ReadAllTextAsync(Repo.Pad("tests", "VoortgangApi.Tests", "Data", "seed-1.5.0.json")), VoortgangJson.Options)!);
        foreach (var (batch, i) in oud.Regels.Chunk(90).Select((b, i) => (b, i)))
        {
            var stand = await logboek.VersAsync(default);
            await store.VoegToeAsync(new Toevoeging(batch, stand, Vastlegger.Seed, $"oud-{i}", $"oud-{i}"), default);
        }

        foreach (var c in oud.Cycli)
        {
            await cycli.BewaarAsync(new Rapportagecyclus(c.Id, c.Titel, c.Peildatum, c.Kamerbrief, Toestanden.Gepland, null), null, default);
            Assert.True((await diensten.GetRequiredService<MomentopnameService>().NeemAsync(c.Id, Vastlegger.Seed, default)).IsGelukt);
        }

        var bevroren = await HashesAsync(cycli);
        var ge01Oud = (await logboek.VersAsync(default)).Regels.Select(r => r.Status).OfType<Statusregel>().Single(s => s is { OplossingsrichtingId: "GE-01", Peildatum.Year: 2023 });

        var importer = diensten.GetRequiredService<SeedImporter>();
        Assert.True(await importer.ImporteerOntbrekendAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"), default));

        var na = await logboek.VersAsync(default);
        Assert.Equal(bevroren, await HashesAsync(cycli));
        var correctie = na.Regels.Select(r => r.Status).OfType<Statusregel>().Single(s => s.Vervangt == ge01Oud.Id);
        Assert.Equal(("doorlopend", "afgeleid"), (correctie.Status, correctie.Zekerheid));
        Assert.Contains(na.Regels, r => r.Status?.Id == ge01Oud.Id); // what was said stays in the history
        var huidig = na.Huidig(TimeProvider.System.Vandaag());
        Assert.Equal("Rondetafels van sekswerkers en banken", huidig.Oplossingsrichtingen.Single(o => o.Id == "ZD-01").Titel);
        Assert.Contains(huidig.Oplossingsrichtingen, o => o.Id == "OV-02");
        Assert.Equal("in_uitvoering", na.Stand(new DateOnly(2023, 11, 10), DateTimeOffset.MaxValue).Oplossingsrichtingen.Single(o => o.Id == "ZD-02").Status.Status);

        // The next start finds nothing more to correct.
        Assert.False(await importer.ImporteerOntbrekendAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"), default));
        Assert.Equal(na.Volgnummer, (await logboek.VersAsync(default)).Volgnummer);

        // An official corrects the corrected status; a later start with the same seed leaves that alone.
        var ambtenaar = correctie with { Id = "", Toelichting = "Nader bekeken door een ambtenaar.", Vervangt = correctie.Id, VastgelegdOp = default };
        Assert.True((await diensten.GetRequiredService<Vastlegging>().SchrijfAsync(s => new Toevoeging([Logregel.Nieuw(ambtenaar)], s, Testvastlegger.Test), default)).IsGelukt);
        Assert.False(await importer.ImporteerOntbrekendAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"), default));
        Assert.Equal("Nader bekeken door een ambtenaar.",
            (await logboek.VersAsync(default)).Stand(new DateOnly(2023, 11, 10), DateTimeOffset.MaxValue).Oplossingsrichtingen.Single(o => o.Id == "GE-01").Status.Toelichting);
    }

    [Fact]
    public async Task AStoreOfTheReleaseBeforeTheSourcesAuditGetsItsCorrectionsAndItsFrozenLettersACorrectionNote()
    {
        await using var diensten = await DienstenAsync();
        var logboek = diensten.GetRequiredService<Logboek>();
        var cycli = diensten.GetRequiredService<ICyclusStore>();
        var publicatie = diensten.GetRequiredService<VoortgangApi.OpenData.PublicatieService>();
        var openData = diensten.GetRequiredService<VoortgangApi.Core.OpenData.IOpenDataStore>();
        var store = diensten.GetRequiredService<IHistorieStore>();

        // The store as contract 1.7.0 seeded it (Data/seed-1.7.0.json), both letters frozen and published.
        var oud = SeedOmzetter.Zet(JsonSerializer.Deserialize<SeedDocument>(await File.ReadAllTextAsync(Repo.Pad("tests", "VoortgangApi.Tests", "Data", "seed-1.7.0.json")), VoortgangJson.Options)!);
        foreach (var (batch, i) in oud.Regels.Chunk(90).Select((b, i) => (b, i)))
        {
            await store.VoegToeAsync(new Toevoeging(batch, await logboek.VersAsync(default), Vastlegger.Seed, $"oud-{i}", $"oud-{i}"), default);
        }

        foreach (var c in oud.Cycli)
        {
            await cycli.BewaarAsync(new Rapportagecyclus(c.Id, c.Titel, c.Peildatum, c.Kamerbrief, Toestanden.Gepland, null), null, default);
            Assert.True((await diensten.GetRequiredService<MomentopnameService>().NeemAsync(c.Id, Vastlegger.Seed, default)).IsGelukt);
            Assert.True((await publicatie.PubliceerAsync(c.Id, default)).IsGelukt);
        }

        var notaPad = VoortgangApi.Core.OpenData.Layout.Pad("aanpak-2023", VoortgangApi.OpenData.Correcties.Json);
        Assert.Null(await openData.LeesAsync(notaPad, default)); // nothing corrected yet
        var sommen = await openData.LeesAsync(VoortgangApi.Core.OpenData.Layout.Pad("aanpak-2023", "SHA256SUMS"), default);
        var bevroren = await HashesAsync(cycli);

        Assert.True(await diensten.GetRequiredService<SeedImporter>().ImporteerOntbrekendAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"), default));
        Assert.True((await publicatie.PubliceerAsync("aanpak-2023", default)).IsGelukt);

        // Corrections as corrections: ZD-03's 2023 status by one naming the old entry, ZD-01's 2023 wording by a revision.
        var na = await logboek.VersAsync(default);
        var zd03 = na.Regels.Select(r => r.Status).OfType<Statusregel>().Where(s => s is { OplossingsrichtingId: "ZD-03", Peildatum.Year: 2023 }).ToList();
        Assert.Equal(2, zd03.Count);
        Assert.Equal(zd03[0].Id, zd03[1].Vervangt);
        Assert.Equal(bevroren, await HashesAsync(cycli)); // the letters stay as frozen
        Assert.Equal(sommen, await openData.LeesAsync(VoortgangApi.Core.OpenData.Layout.Pad("aanpak-2023", "SHA256SUMS"), default));

        // The release gets its visible note beside it, and its feed entry links to it.
        var nota = System.Text.Json.Nodes.JsonNode.Parse((await openData.LeesAsync(notaPad, default))!)!;
        var correcties = nota["correcties"]!.AsArray().Select(c => ((string)c!["id"]!, (string)c["veld"]!)).ToList();
        Assert.Contains(("ZD-03", "status.toelichting"), correcties);
        Assert.Contains(("ZD-01", "titel"), correcties);
        Assert.Contains("peildatum=2023-11-10", (string)nota["actueleStandOpPeildatum"]!, StringComparison.Ordinal);
        var html = System.Text.Encoding.UTF8.GetString((await openData.LeesAsync(VoortgangApi.Core.OpenData.Layout.Pad("aanpak-2023", VoortgangApi.OpenData.Correcties.Html), default))!);
        Assert.Contains("Correcties na vaststelling", html, StringComparison.Ordinal);
        Assert.Contains("ZD-03", html, StringComparison.Ordinal);
        var feed = System.Text.Encoding.UTF8.GetString((await openData.LeesAsync(VoortgangApi.Core.OpenData.Layout.Feed, default))!);
        Assert.Contains("cycli/aanpak-2023/correcties.html", feed, StringComparison.Ordinal);
        var index = System.Text.Json.Nodes.JsonNode.Parse((await openData.LeesAsync(VoortgangApi.OpenData.Correcties.Index, default))!)!;
        Assert.Contains("aanpak-2023", index["cycli"]!.AsArray().Select(c => (string?)c!["cyclus"]));
    }

    [Fact]
    public void ALogThatNoSeedImportMadeIsNeverCorrected()
    {
        var eigen = new Logregel(1, Logregel.RevisieSoort, DateTimeOffset.UnixEpoch,
            Revisie: new Revisie("rv-1", Itemsoorten.Partij, "eigen", new DateOnly(2025, 1, 1), DateTimeOffset.UnixEpoch, Partij: new Partij("eigen", "Eigen partij", "sector", null)));
        var seed = SeedOmzetter.Zet(JsonSerializer.Deserialize<SeedDocument>(File.ReadAllText(Repo.Pad("data", "seed.json")), VoortgangJson.Options)!);

        Assert.False(SeedCorrecties.IsGeseed(seed, [eigen]));
    }

    // The app's services on a fresh store in the shared Azurite, without a host: the seed import and the publication by hand.
    private static async Task<ServiceProvider> DienstenAsync()
    {
        var instellingen = (await Azurite.GetAsync()).Instellingen(AzuriteInstance.NieuwPrefix());
        instellingen["Seed:SchemaMap"] = Repo.Pad("schemas");
        return new ServiceCollection().AddLogging().AddVoortgang(new ConfigurationBuilder().AddInMemoryCollection(instellingen).Build()).BuildServiceProvider();
    }

    private static async Task<Dictionary<string, string>> HashesAsync(ICyclusStore cycli) =>
        (await cycli.LijstAsync(default)).ToDictionary(v => v.Cyclus.Id, v => v.Cyclus.Momentopname!.InhoudHash);
}
