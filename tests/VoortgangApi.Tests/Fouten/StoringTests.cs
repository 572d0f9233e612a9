using System.Text;
using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.OpenData;
using VoortgangApi.OpenData;
using VoortgangApi.Core.Queries;
using VoortgangApi.Storage;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Fouten;

/// <summary>
/// The Azure SDK's failures, simulated with Moq at each step of every write path, through the core services the
/// functions call: the failure is a storage outage (which the worker's ApiMiddleware answers with 503 and Retry-After,
/// see ApiMiddlewareTests), nothing partial becomes visible, and a retry completes exactly once. Reads fall back to
/// memory or report the outage.
/// </summary>
public class StoringTests(StoringApi api) : IClassFixture<StoringApi>
{
    private static readonly string Gisteren = TimeProvider.System.Vandaag().AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly Voorwaarden Geen = new(null, null);

    private static Parameters Leeg() => new(new Dictionary<string, IReadOnlyList<string?>>(), []);

    private VoortgangSchrijver Schrijver => api.Service<VoortgangSchrijver>();

    private async Task<int> Regels(string id) => (await api.Service<HistorieQueries>().HistorieAsync(id, Leeg(), default)).Waarde!.Statussen.Count;

    private static string Status(string titel) =>
        $$$"""{"status":"in_uitvoering","peildatum":"{{{Gisteren}}}","zekerheid":"afgeleid","toelichting":"Afgeleid in de test.","bron":{"titel":"{{{titel}}}","soort":"nota","datum":"{{{Gisteren}}}"}}""";

    /// <summary>The call failed as storage being away: an exception the HTTP layer maps to 503, or the core's own Onbeschikbaar.</summary>
    private static async Task Onbeschikbaar<T>(Func<Task<Resultaat<T>>> aanroep)
    {
        try
        {
            var r = await aanroep();
            Assert.Equal(ProbleemSoort.Onbeschikbaar, r.Probleem?.Soort);
        }
        catch (Exception ex) when (OpslagFouten.IsOnbereikbaar(ex))
        {
            // the worker's ApiMiddleware answers this with 503 problem+json and Retry-After
        }
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(0)]
    public async Task AStatusWriteThatFailsBeforeTheCommitIsStoredOnceByItsRetry(int status)
    {
        var voor = await Regels("ZD-01");
        api.Arm("historie", "transactie", StoringApi.Status(status));

        await Onbeschikbaar(() => Schrijver.StatusAsync("ZD-01", Status($"fout {status}"), $"voor-{status}", new Vastlegger("test", "test"), default));
        Assert.Equal(voor, await Regels("ZD-01"));

        var opnieuw = await Schrijver.StatusAsync("ZD-01", Status($"fout {status}"), $"voor-{status}", new Vastlegger("test", "test"), default);
        Assert.True(opnieuw.IsGelukt, opnieuw.Probleem?.Detail);
        Assert.Equal(voor + 1, await Regels("ZD-01"));
    }

    [Fact]
    public async Task AnAppendReadsNoRowOfTheLogBeforeItsTransaction()
    {
        // Numbers and moment come from the log the writer read: a failing point read of the table cannot touch the append.
        var voor = await Regels("ZD-03");
        api.Arm("historie", "lezen", StoringApi.Status(503));

        var r = await Schrijver.StatusAsync("ZD-03", Status("zonder tellerrij"), null, new Vastlegger("test", "test"), default);

        Assert.True(r.IsGelukt, r.Probleem?.Detail);
        Assert.Equal(voor + 1, await Regels("ZD-03"));
        // The fault is still armed (and now spent): the write never made a point read.
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => api.Service<IHistorieStore>().IdempotentieAsync("niet-gebruikt", default));
    }

    [Fact]
    public async Task AStatusWriteWhoseAnswerIsLostIsNotRecordedTwiceByItsRetry()
    {
        var voor = await Regels("ZD-02");
        api.Arm("historie", "transactie", new HttpRequestException("verbinding verbroken"), Storingsmoment.Na);

        await Onbeschikbaar(() => Schrijver.StatusAsync("ZD-02", Status("verloren antwoord"), "na-commit", new Vastlegger("test", "test"), default));
        var opnieuw = await Schrijver.StatusAsync("ZD-02", Status("verloren antwoord"), "na-commit", new Vastlegger("test", "test"), default);

        Assert.True(opnieuw.Waarde!.Herhaald);
        Assert.Equal(voor + 1, await Regels("ZD-02"));
    }

    [Fact]
    public async Task AFailedContentRevisionLeavesTheETagValid()
    {
        const string body = """{"naam":"Storingsproef","soort":"sector"}""";
        var aangemaakt = await Schrijver.PartijAsync("storing-partij", body, new Voorwaarden(null, "*"), new Vastlegger("test", "test"), default);
        var etag = aangemaakt.Waarde!.ETag;
        api.Arm("historie", "transactie", StoringApi.Status(503));

        await Onbeschikbaar(() => Schrijver.PartijAsync("storing-partij", body.Replace("proef", "proef 2", StringComparison.Ordinal), new Voorwaarden(etag, null), new Vastlegger("test", "test"), default));
        var opnieuw = await Schrijver.PartijAsync("storing-partij", body.Replace("proef", "proef 2", StringComparison.Ordinal), new Voorwaarden(etag, null), new Vastlegger("test", "test"), default);

        Assert.True(opnieuw.IsGelukt, opnieuw.Probleem?.Detail);
        Assert.NotEqual(etag, opnieuw.Waarde!.ETag);
    }

    [Theory]
    [InlineData("momentopnamen", "transactie")]
    [InlineData("cycli", "bijwerken")]
    public async Task ASnapshotThatFailsAtAnyStepIsCommittedOnceByItsRetry(string tabel, string operatie)
    {
        var id = $"storing-{tabel}";
        Assert.True((await api.Service<CyclusPlanner>().PlanAsync(id, """{"titel":"Storing","peildatum":"2025-05-01","kamerbrief":{"datum":"2025-05-15"}}""", Geen, Testvastlegger.Test, default)).IsGelukt);
        api.Arm(tabel, operatie, StoringApi.Status(503));
        var momentopnamen = api.Service<MomentopnameService>();

        await Onbeschikbaar(() => momentopnamen.NeemAsync(id, Testvastlegger.Test, default));
        Assert.Equal("gepland", (await api.Service<ICyclusStore>().LeesAsync(id, default))!.Cyclus.Toestand);

        Assert.True((await momentopnamen.NeemAsync(id, Testvastlegger.Test, default)).Waarde!.Nieuw);
        Assert.Equal(ProbleemSoort.Conflict, (await momentopnamen.NeemAsync(id, Testvastlegger.Test, default)).Probleem?.Soort);
    }

    [Fact]
    public async Task APublicationWhoseLatestPointerFailsNeverPointsAtItUntilTheRetryCompletesIt()
    {
        // The latest peildatum of this store, so that latest.json should come to point at it.
        Assert.True((await api.Service<CyclusPlanner>().PlanAsync("storing-publicatie", """{"titel":"Publicatie","peildatum":"2026-01-01","kamerbrief":{"datum":"2026-01-15"}}""", Geen, Testvastlegger.Test, default)).IsGelukt);
        var store = api.Service<IOpenDataStore>();
        var ervoor = Encoding.UTF8.GetString((await store.LeesAsync(Layout.Laatste, default))!);
        api.Arm("latest.json", "uploaden", StoringApi.Status(503));

        // The snapshot commits; its publication afterwards fails at the pointer, which the snapshot's answer does not depend on.
        Assert.True((await api.Service<MomentopnameService>().NeemAsync("storing-publicatie", Testvastlegger.Test, default)).Waarde!.Nieuw);
        Assert.Equal(ervoor, Encoding.UTF8.GetString((await store.LeesAsync(Layout.Laatste, default))!));

        Assert.True((await api.Service<PublicatieService>().PubliceerAsync("storing-publicatie", default)).IsGelukt);
        Assert.Contains("storing-publicatie", Encoding.UTF8.GetString((await store.LeesAsync(Layout.Laatste, default))!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReadWhoseStorageFailsIsAnsweredFromMemoryWithItsAge()
    {
        var queries = api.Service<VoortgangQueries>();
        Assert.True((await queries.ThemasAsync(Leeg(), default)).IsGelukt);
        api.Arm("historie", "zoeken", StoringApi.Status(503));

        var r = await queries.ThemasAsync(Leeg(), default);

        Assert.True(r.IsGelukt, r.Probleem?.Detail);
        Assert.NotNull(api.Service<Logboek>().OnbevestigdSinds); // the HTTP layer's Age header comes from this moment
    }

    [Fact]
    public async Task AReadThatOnlyStorageCanAnswerReportsTheOutage()
    {
        api.Arm("cycli", "lezen", StoringApi.Status(500));

        await Onbeschikbaar(() => api.Service<RapportagecycliQueries>().CyclusAsync("nooit-gelezen", Leeg(), default));
    }
}
