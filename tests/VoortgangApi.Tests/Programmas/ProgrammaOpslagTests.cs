using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Import;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Programmas;
using VoortgangApi.Functions;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Programmas;

/// <summary>
/// Storage per programme, read with the Azure SDK itself (not through the app): the standard programme keeps exactly the
/// keys of the releases before programmes (partition <c>log</c>, <c>cyclus</c>, snapshot partitions <c>{cycle}_{run}</c>,
/// open data under <c>v1/</c>), so a store written by 1.5.1 is that programme as it stands; another programme writes
/// only to partitions and a folder of its own.
/// </summary>
public sealed class ProgrammaOpslagTests : IAsyncLifetime
{
    private const string Ander = "voorbeeld-opslag";
    private readonly string _prefix = AzuriteInstance.NieuwPrefix();
    private ServiceProvider _diensten = null!;

    public async Task InitializeAsync()
    {
        var instellingen = (await Azurite.GetAsync()).Instellingen(_prefix);
        instellingen["Seed:SchemaMap"] = Repo.Pad("schemas");
        _diensten = new ServiceCollection().AddLogging().AddVoortgang(new ConfigurationBuilder().AddInMemoryCollection(instellingen).Build()).BuildServiceProvider();
        await _diensten.GetRequiredService<SeedImporter>().ImporteerOntbrekendAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"), default);

        // A second programme with a theme and a letter frozen and published, through its own services.
        var door = new Vastlegger("test", "test");
        await _diensten.GetRequiredService<Programmaregister>().BewaarAsync(
            new Programma(Ander, "Voorbeeldprogramma (fictief)", "Verzonnen.", ["Ministerie van Justitie en Veiligheid"]), Programmatoegang.Leeg, null, door, default);
        var peildatum = new DateOnly(2025, 1, 1);
        var thema = new Thema("voorbeeld", "Voorbeeldthema (fictief)", "Verzonnen.", 1);
        var r = await _diensten.GetRequiredKeyedService<Vastlegging>(Ander).SchrijfAsync(
            s => new Toevoeging([Logregel.Nieuw(new Revisie("", Itemsoorten.Thema, thema.Id, peildatum, default, Thema: thema))], s, door), default);
        Assert.True(r.IsGelukt, r.Probleem?.Detail);
        await _diensten.GetRequiredKeyedService<ICyclusStore>(Ander).BewaarAsync(
            new Rapportagecyclus("voorbeeld-brief", "Voorbeeldbrief (fictief)", peildatum, new Kamerbrief(peildatum, null, null, null, null), Toestanden.Gepland, null), null, default);
        var genomen = await _diensten.GetRequiredKeyedService<MomentopnameService>(Ander).NeemAsync("voorbeeld-brief", door, default);
        Assert.True(genomen.IsGelukt, genomen.Probleem?.Detail);
    }

    public Task DisposeAsync() => _diensten.DisposeAsync().AsTask();

    private async Task<List<TableEntity>> RijenAsync(string tabel) =>
        await _diensten.GetRequiredService<TableServiceClient>().GetTableClient(_prefix + tabel).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]).ToListAsync();

    [Fact]
    public async Task TheStandardProgrammeKeepsThePreProgrammeKeysAndAnotherHasItsOwn()
    {
        var historie = await RijenAsync("historie");
        var seedregels = _diensten.GetRequiredService<Logboek>();
        var standaard = await seedregels.VersAsync(default);

        // Every line of the standard programme is a row r{n} in partition "log", as 1.5.1 wrote it; the other's in "log_{id}".
        Assert.Equal(standaard.Regels.Select(l => "r" + l.Volgnummer.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)),
            historie.Where(e => e.PartitionKey == "log" && e.RowKey.StartsWith('r')).Select(e => e.RowKey).Order(StringComparer.Ordinal));
        Assert.Equal(["r000000000001"], historie.Where(e => e.PartitionKey == $"log_{Ander}").Select(e => e.RowKey));
        Assert.Equal(["log", $"log_{Ander}"], historie.Select(e => e.PartitionKey).Distinct().Order(StringComparer.Ordinal));

        var cycli = await RijenAsync("cycli");
        Assert.Equal(["aanpak-2023", "najaar-2024"], cycli.Where(e => e.PartitionKey == "cyclus").Select(e => e.RowKey).Order(StringComparer.Ordinal));
        Assert.Equal(["voorbeeld-brief"], cycli.Where(e => e.PartitionKey == $"cyclus_{Ander}").Select(e => e.RowKey));

        var momentopnamen = (await RijenAsync("momentopnamen")).Select(e => e.PartitionKey).Distinct().ToList();
        Assert.Contains(momentopnamen, p => p.StartsWith("najaar-2024_", StringComparison.Ordinal));
        Assert.Contains(momentopnamen, p => p.StartsWith($"{Ander}.voorbeeld-brief_", StringComparison.Ordinal));
        Assert.All(momentopnamen, p => Assert.True(p.StartsWith($"{Ander}.", StringComparison.Ordinal) || !p.Contains('.', StringComparison.Ordinal), p));
    }

    [Fact]
    public async Task TheStandardProgrammesOpenDataStaysAtV1AndAnotherLivesUnderItsFolder()
    {
        var container = _diensten.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(_prefix + "-open-data");
        var namen = new List<string>();
        await foreach (var b in container.GetBlobsAsync())
        {
            namen.Add(b.Name);
        }

        Assert.Contains("v1/cycli/najaar-2024/SHA256SUMS", namen);
        Assert.Contains("v1/catalogus.jsonld", namen);
        Assert.Contains($"programmas/{Ander}/v1/cycli/voorbeeld-brief/SHA256SUMS", namen);
        Assert.Contains($"programmas/{Ander}/v1/catalogus.jsonld", namen);
        Assert.All(namen, n => Assert.True(n.StartsWith("v1/", StringComparison.Ordinal) || n.StartsWith($"programmas/{Ander}/v1/", StringComparison.Ordinal), n));
    }
}
