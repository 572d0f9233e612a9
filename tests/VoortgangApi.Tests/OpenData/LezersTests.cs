using System.Diagnostics;
using System.Globalization;
using System.Text;
using MiniExcelLibs;
using VoortgangApi.Core.OpenData;
using VoortgangApi.OpenData;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.OpenData;

/// <summary>The published files as other readers see them: Python's csv module, and the .xlsx read by another library than the one that wrote it.</summary>
public class LezersTests(TestApi api) : IClassFixture<TestApi>
{
    private async Task<byte[]> Lees(string bestand) =>
        await api.Service<IOpenDataStore>().LeesAsync(Layout.Pad("najaar-2024", bestand), default) ?? throw new FileNotFoundException(bestand);

    [Fact]
    public async Task PythonsCsvModuleReadsIdAsTheFirstHeaderAndEveryRow()
    {
        var regels = (await PythonAsync("import csv,sys; r=list(csv.DictReader(open(sys.argv[1], encoding='utf-8', newline=''))); print(list(r[0].keys())[0]); print(len(r)); print(r[0]['titel'])"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("id", regels[0]);
        Assert.Equal(24, int.Parse(regels[1], CultureInfo.InvariantCulture));
        Assert.Equal("Minder stigmatiserende communicatie", regels[2]);
    }

    [Fact]
    public async Task InTheCsvADerivedChangeReadsAsDerivedAndAConfirmedOneQuotesItsPassage()
    {
        var rijen = System.Text.Json.JsonDocument.Parse(
            await PythonAsync("import csv,sys,json; print(json.dumps({r['id']: r for r in csv.DictReader(open(sys.argv[1], encoding='utf-8', newline=''))}))")).RootElement;
        string Veld(string id, string veld) => rijen.GetProperty(id).GetProperty(veld).GetString()!;

        // ZD-01: in uitvoering (2023) to gerealiseerd, derived from the nota; ZD-02 the same change, confirmed by a source.
        Assert.Equal(("in_uitvoering", "afgeleid"), (Veld("ZD-01", "vorigeStatus"), Veld("ZD-01", "statuswijziging")));
        Assert.Equal(("in_uitvoering", "bevestigd"), (Veld("ZD-02", "vorigeStatus"), Veld("ZD-02", "statuswijziging")));
        Assert.Equal(("", "eerste"), (Veld("GE-04", "vorigeStatus"), Veld("GE-04", "statuswijziging")));
        Assert.Equal("door de VNG gewerkt aan een vernieuwde model-APV", Veld("GE-04", "statusBronPassage"));
        Assert.Equal("", Veld("GE-04", "statusBronPassageUrl")); // the nota has no public address to link into
        Assert.StartsWith("https://nltimes.nl/2024/01/11/", Veld("ZD-03", "statusBronPassageUrl"), StringComparison.Ordinal);
        Assert.Contains("#:~:text=first%20regular%20insurance", Veld("ZD-03", "statusBronPassageUrl"), StringComparison.Ordinal);
    }

    // Python's own csv module on the published oplossingsrichtingen.csv (the path is its argument); its output.
    private async Task<string> PythonAsync(string script)
    {
        var pad = Path.Combine(Path.GetTempPath(), $"oplossingsrichtingen-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(pad, await Lees("oplossingsrichtingen.csv"));
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(pad);
        using var python = Process.Start(psi)!;
        var uitvoer = await python.StandardOutput.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, await python.StandardError.ReadToEndAsync());
        return uitvoer;
    }

    [Theory]
    [InlineData("oplossingsrichtingen", 24)]
    [InlineData("historie", -1)]
    public async Task AFrictionlessReaderCastsEveryRowOfTheTableAgainstItsSchema(string tabel, int verwachteRijen)
    {
        var (velden, rijen) = await FrictionlessLezer.LeesAsync(Lees, tabel);
        var csvRijen = Encoding.UTF8.GetString(await Lees(tabel + ".csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;

        Assert.Equal("id", velden[0]);
        Assert.Equal(csvRijen, rijen);
        Assert.True(verwachteRijen < 0 || verwachteRijen == csvRijen, $"{tabel}: {csvRijen} rijen");
    }

    [Fact]
    public async Task TheWorkbookHoldsTheCsvsRowsAsTypedCells()
    {
        using var xlsx = new MemoryStream(await Lees("voortgang.xlsx"));
        var bladen = MiniExcel.GetSheetNames(xlsx);
        xlsx.Position = 0;
        var themas = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "themas").Cast<IDictionary<string, object?>>().ToList();
        xlsx.Position = 0;
        var oplossingsrichtingen = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "oplossingsrichtingen").Cast<IDictionary<string, object?>>().ToList();
        var csv = Encoding.UTF8.GetString(await Lees("oplossingsrichtingen.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["themas", "knelpunten", "oplossingsrichtingen", "partijen", "historie", "bron en licentie"], bladen);
        Assert.Equal(csv.Length - 1, oplossingsrichtingen.Count);
        Assert.Equal(csv.Skip(1).Select(r => r.Split(',')[0]), oplossingsrichtingen.Select(r => (string?)r["id"]));
        Assert.IsType<double>(themas[0]["volgorde"]);
        Assert.IsType<bool>(oplossingsrichtingen[0]["buitenAanpak"]);
        Assert.IsType<DateTime>(oplossingsrichtingen[0]["peildatum"]);
    }

    [Fact]
    public async Task TheWorkbookIsTheSameBytesWhenARetryBuildsItAgain()
    {
        // No waiting for the clock to move: every zip entry's time must be the snapshot's date, so no clock is in the bytes.
        var cyclus = (await api.Service<VoortgangApi.Core.Cycli.ICyclusStore>().LeesAsync("najaar-2024", default))!;
        var data = await api.Service<VoortgangApi.Core.Cycli.ICyclusStore>().LeesMomentopnameAsync("najaar-2024", cyclus.RunId!, default);
        var instellingen = api.Service<OpenDataInstellingen>();

        var eerste = Werkmap.Maak(cyclus.Cyclus, new Uitgave(data, []), instellingen);
        var tweede = Werkmap.Maak(cyclus.Cyclus, new Uitgave(data, []), instellingen);

        Assert.Equal(eerste, tweede);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(eerste));
        Assert.NotEmpty(zip.Entries);
        Assert.All(zip.Entries, e => Assert.Equal(cyclus.Cyclus.Momentopname!.GenomenOp.UtcDateTime.Date, e.LastWriteTime.DateTime));
    }
}
