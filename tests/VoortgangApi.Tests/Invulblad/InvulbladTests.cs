using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;
using VoortgangApi.Core;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Invulblad;

/// <summary>
/// The invulblad round trip as an official makes it: download, fill in (with another library than the API's writer),
/// a dry run, the fix, apply, the same file again; then the concept of the next letter shows the three statuses.
/// </summary>
public class InvulbladTests(TestApi api) : IClassFixture<TestApi>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static DateOnly Vandaag => TimeProvider.System.Vandaag();

    private async Task<byte[]> DownloadAsync()
    {
        using var response = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Get, "/api/v1/invulblad"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal($"invulblad-{Vandaag:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<HttpResponseMessage> UploadAsync(byte[] bestand, bool proef, string soort = "vastleggen", string type = Xlsx)
    {
        var verzoek = api.Beheer(soort, HttpMethod.Post, "/api/v1/invulblad" + (proef ? "?proef=true" : ""));
        verzoek.Content = new ByteArrayContent(bestand);
        verzoek.Content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return await api.Client.SendAsync(verzoek);
    }

    private async Task<string?> CursorAsync() => (await api.GetJsonAsync("/api/v1/wijzigingen?pageSize=1000")).GetProperty("cursor").GetString();

    private static JsonElement Rij(JsonElement verslag, string id) => verslag.GetProperty("rijen").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);

    [Fact]
    public async Task TheInvulbladHasARowPerItemOpenOnlyWhereAnOfficialFillsIn()
    {
        var xlsx = await DownloadAsync();

        // Read with MiniExcel (not the writer): one row per item, with the status the API gives now.
        var rijen = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: "Invulblad").Cast<IDictionary<string, object?>>().ToList();
        var items = (await api.GetJsonAsync("/api/v1/oplossingsrichtingen?pageSize=100")).GetProperty("oplossingsrichtingen").EnumerateArray().ToList();
        Assert.Equal(items.Count, rijen.Count);
        foreach (var item in items)
        {
            var rij = rijen.Single(r => (string?)r["id"] == item.GetProperty("id").GetString());
            Assert.Equal(item.GetProperty("titel").GetString(), rij["titel"]);
            Assert.Equal(item.GetProperty("status").GetProperty("status").GetString(), rij["huidige status"]);
            Assert.Equal(DateTime.Parse(item.GetProperty("status").GetProperty("peildatum").GetString()!, CultureInfo.InvariantCulture), rij["huidige peildatum"]);
            Assert.True(rij["nieuwe status"] is null or "", "de kolommen voor een nieuwe status zijn leeg");
        }

        Assert.Contains("Uitleg", MiniExcel.GetSheetNames(new MemoryStream(xlsx)));

        // Protection and validations as Excel reads them, through the Open XML SDK.
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var deel = document.WorkbookPart!.WorksheetParts.First(p => p.Worksheet.Descendants<SheetData>().Any() && p.Worksheet.Descendants<DataValidation>().Any());
        Assert.True(deel.Worksheet.GetFirstChild<SheetProtection>()?.Sheet?.Value == true, "het blad is beveiligd: de huidige status is niet per ongeluk te overschrijven");
        var lijsten = deel.Worksheet.Descendants<DataValidation>().Where(v => v.Type?.Value == DataValidationValues.List)
            .ToDictionary(v => v.SequenceOfReferences!.InnerText![..1], v => v.Formula1!.Text);
        Assert.Equal("\"gepland,in_uitvoering,gerealiseerd,doorlopend,vertraagd,gestopt,onbekend\"", lijsten["H"]);
        Assert.Equal("\"bevestigd,afgeleid,onbekend\"", lijsten["J"]);
        Assert.Equal("\"kamerbrief,nota,overheid,derden\"", lijsten["L"]);
        var stijlen = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var tweede = deel.Worksheet.Descendants<Row>().ElementAt(1).Elements<Cell>().ToList();
        bool Open(Cell c) => stijlen[(int)(c.StyleIndex?.Value ?? 0)].Protection?.Locked?.Value == false;
        Assert.False(Open(tweede[0]), "id (kolom A) is vergrendeld");
        Assert.All(tweede.Skip(7).Take(9), c => Assert.True(Open(c), "de kolommen H tot en met P zijn open"));
    }

    [Fact]
    public async Task TheInvulbladRoundTripGoesFromANamedFaultyCellToRowsRecordedOnce()
    {
        var gisteren = Vandaag.AddDays(-1);
        var vorigeWeek = Vandaag.AddDays(-7);
        var leeg = await DownloadAsync();
        byte[] Invullen(DateOnly bronDatumVanGE02)
        {
            using var blad = new Werkmapbewerker(leeg);
            blad.Tekst("ZD-05", "H", "gerealiseerd").Datum("ZD-05", "I", gisteren).Tekst("ZD-05", "J", "afgeleid")
                .Tekst("ZD-05", "K", "Voorbeeldbron invulblad").Tekst("ZD-05", "L", "derden").Datum("ZD-05", "M", gisteren).Tekst("ZD-05", "P", "Afgeleid uit de test.");
            blad.Tekst("ZO-01", "H", "gerealiseerd").Tekst("ZO-01", "I", gisteren.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)).Tekst("ZO-01", "J", "afgeleid")
                .Tekst("ZO-01", "K", "Voorbeeldbron invulblad").Tekst("ZO-01", "L", "nota").Datum("ZO-01", "M", gisteren).Tekst("ZO-01", "P", "Afgeleid uit de test.");
            // bevestigd with a source dated after the peildatum: the write API's rule, reported at M (bron datum).
            blad.Tekst("GE-02", "H", "vertraagd").Datum("GE-02", "I", vorigeWeek).Tekst("GE-02", "J", "bevestigd")
                .Tekst("GE-02", "K", "Voorbeeldbron invulblad").Tekst("GE-02", "L", "kamerbrief").Datum("GE-02", "M", bronDatumVanGE02);
            return blad.Bewaar();
        }

        var cursor = await CursorAsync();
        using (var proef = await UploadAsync(Invullen(gisteren), proef: true))
        {
            Assert.Equal(HttpStatusCode.OK, proef.StatusCode);
            var verslag = await proef.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(verslag.GetProperty("geldig").GetBoolean());
            var fout = Assert.Single(Rij(verslag, "GE-02").GetProperty("fouten").EnumerateArray());
            Assert.Equal(("Invulblad", "M", "bron datum", "naPeildatum"),
                (fout.GetProperty("blad").GetString(), fout.GetProperty("kolom").GetString(), fout.GetProperty("kolomnaam").GetString(), fout.GetProperty("code").GetString()));
            using (var lezer = new Werkmapbewerker(leeg))
            {
                Assert.Equal(lezer.RijVan("GE-02"), fout.GetProperty("rij").GetUInt32());
            }
            Assert.Equal("vastleggen", Rij(verslag, "ZD-05").GetProperty("uitkomst").GetString());
            Assert.Equal(gisteren.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Rij(verslag, "ZO-01").GetProperty("status").GetProperty("peildatum").GetString());
            Assert.Equal("niets ingevuld", Rij(verslag, "CM-01").GetProperty("reden").GetString());
        }

        using (var fout = await UploadAsync(Invullen(gisteren), proef: false))
        {
            var probleem = await Problem.AssertAsync(fout, HttpStatusCode.BadRequest);
            Assert.Contains(probleem.GetProperty("invalidParams").EnumerateArray(), p => p.GetProperty("name").GetString()!.StartsWith("Invulblad!M", StringComparison.Ordinal));
        }

        Assert.Equal(cursor, await CursorAsync());

        var goed = Invullen(vorigeWeek);
        using var proefGoed = await UploadAsync(goed, proef: true);
        var proefVerslag = await proefGoed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(proefVerslag.GetProperty("geldig").GetBoolean(), proefVerslag.ToString());
        Assert.Equal(3, proefVerslag.GetProperty("vastleggen").GetInt32());
        Assert.Equal(cursor, await CursorAsync());

        using var toegepast = await UploadAsync(goed, proef: false);
        Assert.Equal(HttpStatusCode.Created, toegepast.StatusCode);
        var verslagToegepast = await toegepast.Content.ReadFromJsonAsync<JsonElement>();
        var ids = new Dictionary<string, string>();
        foreach (var id in new[] { "ZD-05", "ZO-01", "GE-02" })
        {
            var rij = Rij(verslagToegepast, id);
            Assert.Equal("vastgelegd", rij.GetProperty("uitkomst").GetString());
            ids[id] = rij.GetProperty("statusregelId").GetString()!;
            var historie = await api.GetJsonAsync($"/api/v1/oplossingsrichtingen/{id}/historie");
            Assert.Contains(historie.GetProperty("statussen").EnumerateArray(), s => s.GetProperty("id").GetString() == ids[id]);
        }

        // The same file, and the same rows saved again by another writer (other bytes, same content): nothing new.
        var naToepassen = await CursorAsync();
        using var weerGoed = new Werkmapbewerker(goed);
        foreach (var herhaling in new[] { goed, weerGoed.Tekst("CM-01", "C", "titel overgetypt (alleen-lezen kolom)").Bewaar() })
        {
            using var nogmaals = await UploadAsync(herhaling, proef: false);
            Assert.Equal(HttpStatusCode.OK, nogmaals.StatusCode);
            Assert.Equal("true", nogmaals.Headers.GetValues("Idempotent-Replayed").Single());
            var verslag = await nogmaals.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(verslag.GetProperty("herhaald").GetBoolean());
            Assert.All(ids, p => Assert.Equal(p.Value, Rij(verslag, p.Key).GetProperty("statusregelId").GetString()));
        }

        Assert.Equal(naToepassen, await CursorAsync());

        // The next letter's concept shows the three as changes against the last one; the snapshot equals it.
        using (var plan = await api.Client.SendAsync(api.Beheer("beheren", HttpMethod.Put, "/api/v1/rapportagecycli/invulblad-volgend",
            $$$"""{"titel":"Na het invulblad","peildatum":"{{{gisteren:yyyy-MM-dd}}}","kamerbrief":{"datum":"{{{gisteren:yyyy-MM-dd}}}"}}""")))
        {
            Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        }

        using var conceptAntwoord = await api.Client.SendAsync(api.Beheer("beheren", HttpMethod.Get, "/api/v1/rapportagecycli/invulblad-volgend/concept"));
        var concept = await conceptAntwoord.Content.ReadFromJsonAsync<JsonElement>();
        var naar = concept.GetProperty("verschillen").GetProperty("statusovergangen").EnumerateArray()
            .ToDictionary(o => o.GetProperty("id").GetString()!, o => o.GetProperty("naar").GetString());
        Assert.Equal("gerealiseerd", naar["ZD-05"]);
        Assert.Equal("gerealiseerd", naar["ZO-01"]);
        Assert.Equal("vertraagd", naar["GE-02"]);
        using var momentopname = await api.Client.SendAsync(api.Beheer("beheren", HttpMethod.Post, "/api/v1/rapportagecycli/invulblad-volgend/momentopname"));
        Assert.Equal(HttpStatusCode.Created, momentopname.StatusCode);
        Assert.Equal(concept.GetProperty("inhoudHash").GetString(),
            (await momentopname.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("momentopname").GetProperty("inhoudHash").GetString());
    }

    public static TheoryData<string> SlechteBestanden() =>
        ["geen-xlsx", "macros", "dtd", "formule", "zipbom", "te-groot", "onbekend-id", "dubbel-id", "kop-gewijzigd", "ander-blad", "leeg"];

    [Theory]
    [MemberData(nameof(SlechteBestanden))]
    public async Task ABadFileIsRefusedInTheDryRunAsWhenAppliedWithoutRecordingAnything(string soort)
    {
        var goed = await DownloadAsync();
        var (bestand, status, naam) = soort switch
        {
            "geen-xlsx" => ("dit is geen werkmap"u8.ToArray(), HttpStatusCode.BadRequest, "bestand"),
            "macros" => (MetOnderdeel(Ingevuld(goed), "xl/vbaProject.bin", new byte[64]), HttpStatusCode.BadRequest, "bestand"),
            "dtd" => (MetDtd(goed), HttpStatusCode.BadRequest, "bestand"),
            "formule" => (Bewerk(goed, b => b.Formule("ZD-05", "H", "IF(1=1,\"gestopt\",\"\")", "gestopt")), HttpStatusCode.BadRequest, "Invulblad!H"),
            "zipbom" => (MetOnderdeel(Ingevuld(goed), "xl/media/bom.bin", new byte[20 * 1024 * 1024]), HttpStatusCode.RequestEntityTooLarge, "bestand"),
            "te-groot" => (new byte[3 * 1024 * 1024], HttpStatusCode.RequestEntityTooLarge, "bestand"),
            "onbekend-id" => (Bewerk(goed, b => b.NieuweRij("ZD-99")), HttpStatusCode.BadRequest, "Invulblad!A"),
            "dubbel-id" => (Bewerk(goed, b => b.NieuweRij("ZD-05")), HttpStatusCode.BadRequest, "Invulblad!A"),
            "kop-gewijzigd" => (Bewerk(goed, b => b.Tekst(1, "I", "datum")), HttpStatusCode.BadRequest, "Invulblad!I1"),
            "ander-blad" => (Bewerk(goed, _ => { }, "Uitleg", hernoem: true), HttpStatusCode.BadRequest, "bestand"),
            _ => ([], HttpStatusCode.BadRequest, "bestand"),
        };

        var cursor = await CursorAsync();
        foreach (var proef in new[] { true, false })
        {
            using var response = await UploadAsync(bestand, proef);
            var probleem = await Problem.AssertAsync(response, status);
            Assert.Contains(probleem.GetProperty("invalidParams").EnumerateArray(), p => p.GetProperty("name").GetString()!.StartsWith(naam, StringComparison.Ordinal));
        }

        Assert.Equal(cursor, await CursorAsync());
    }

    [Fact]
    public async Task OnlyVoortgangVastleggenMayUseTheInvulblad()
    {
        var goed = await DownloadAsync();
        using var zonder = await api.Client.GetAsync("/api/v1/invulblad");
        using var beheren = await UploadAsync(goed, proef: true, soort: "beheren");
        using var json = await UploadAsync(goed, proef: true, type: "application/json");
        using var proefFout = await api.Client.SendAsync(Met(api.Beheer("vastleggen", HttpMethod.Post, "/api/v1/invulblad?proef=ja"), goed));

        await Problem.AssertAsync(zonder, HttpStatusCode.Unauthorized);
        await Problem.AssertAsync(beheren, HttpStatusCode.Forbidden);
        await Problem.AssertAsync(json, HttpStatusCode.UnsupportedMediaType);
        var p = await Problem.AssertAsync(proefFout, HttpStatusCode.BadRequest);
        Assert.Equal("proef", p.GetProperty("invalidParams")[0].GetProperty("name").GetString());
    }

    private static HttpRequestMessage Met(HttpRequestMessage verzoek, byte[] bestand)
    {
        verzoek.Content = new ByteArrayContent(bestand);
        verzoek.Content.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        return verzoek;
    }

    private static byte[] Ingevuld(byte[] leeg) => Bewerk(leeg, b => b.Tekst("ZD-05", "H", "gestopt").Tekst("ZD-05", "I", "2024-01-01").Tekst("ZD-05", "J", "onbekend")
        .Tekst("ZD-05", "K", "Voorbeeldbron").Tekst("ZD-05", "L", "derden"));

    private static byte[] Bewerk(byte[] xlsx, Action<Werkmapbewerker> bewerk, string blad = "Invulblad", bool hernoem = false)
    {
        using var bewerker = new Werkmapbewerker(xlsx, blad);
        bewerk(bewerker);
        var uit = bewerker.Bewaar();
        if (!hernoem)
        {
            return uit;
        }

        // The invulblad renamed: the workbook no longer has a sheet the API recognises.
        using var stroom = new MemoryStream();
        stroom.Write(uit);
        using (var document = SpreadsheetDocument.Open(stroom, true))
        {
            document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Invulblad").Name = "Blad1";
        }

        return stroom.ToArray();
    }

    // The sheet with an entity declaration in front (the start of a "billion laughs"): refused, never expanded.
    private static byte[] MetDtd(byte[] xlsx)
    {
        using var stroom = new MemoryStream();
        stroom.Write(xlsx);
        using (var zip = new ZipArchive(stroom, ZipArchiveMode.Update, leaveOpen: true))
        {
            var blad = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string tekst;
            using (var lees = new StreamReader(blad.Open()))
            {
                tekst = lees.ReadToEnd();
            }

            blad.Delete();
            using var schrijf = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            schrijf.Write(tekst.Replace("<worksheet ", "<!DOCTYPE x [<!ENTITY a \"aaaaaaaa\">]><worksheet ", StringComparison.Ordinal));
        }

        return stroom.ToArray();
    }

    // Adds a part to the zip as a macro-enabled workbook or a zip bomb would carry it (a bomb: megabytes of zeros, deflated to kilobytes).
    private static byte[] MetOnderdeel(byte[] xlsx, string pad, byte[] inhoud)
    {
        using var stroom = new MemoryStream();
        stroom.Write(xlsx);
        using (var zip = new ZipArchive(stroom, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var schrijf = zip.CreateEntry(pad, CompressionLevel.SmallestSize).Open();
            schrijf.Write(inhoud);
        }

        Assert.True(stroom.Length < 2 * 1024 * 1024, "het bestand zelf blijft onder de grens van 2 MiB");
        return stroom.ToArray();
    }
}
