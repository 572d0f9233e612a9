using VoortgangApi.Core;
using VoortgangApi.Core.Queries;
using VoortgangApi.Core.Seed;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Unit;

public class VoortgangQueriesTests
{
    private static async Task<VoortgangQueries> Queries()
    {
        var seed = await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"));
        return new VoortgangQueries(new Voortgangslezer(InMemoryHistorieStore.Met(seed).Logboek(), new InMemoryCyclusStore()));
    }

    private static Parameters Query(string queryString)
    {
        var waarden = queryString.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .GroupBy(p => p[0], p => p.Length > 1 ? p[1] : "")
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string?>)g.ToArray());
        return new Parameters(waarden, VoortgangQueries.OplossingsrichtingParameters);
    }

    [Fact]
    public async Task ThemaFilterReturnsOnlyThatThemesItems()
    {
        var r = await (await Queries()).OplossingsrichtingenAsync(Query("thema=gemeenten"), default);

        Assert.Equal(5, r.Waarde!.Totaal);
        Assert.All(r.Waarde.Items, o => Assert.Equal("gemeenten", o.ThemaId));
    }

    [Fact]
    public async Task PagingReturnsTheRequestedSliceAndTheTotal()
    {
        var r = await (await Queries()).OplossingsrichtingenAsync(Query("thema=gemeenten&pageSize=2&page=3"), default);

        Assert.Equal(["GE-05"], r.Waarde!.Items.Select(o => o.Id));
        Assert.Equal(3, r.Waarde.AantalPaginas);
    }

    [Fact]
    public async Task PartyFilterMatchesResponsibleAndInvolvedParties()
    {
        var r = await (await Queries()).OplossingsrichtingenAsync(Query("partij=vng"), default);

        Assert.Equal(["GE-01", "GE-04", "GE-05"], r.Waarde!.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task SearchIgnoresCaseAndAccents()
    {
        var r = await (await Queries()).OplossingsrichtingenAsync(Query("zoek=MODEL-apv"), default);

        Assert.Equal(["GE-04"], r.Waarde!.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task StatusFilterUsesTheCurrentStatus()
    {
        var r = await (await Queries()).OplossingsrichtingenAsync(Query("status=gerealiseerd"), default);

        Assert.Equal(["CM-02", "OV-04", "ZD-01", "ZD-02", "ZD-03"], r.Waarde!.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task InvalidQueryListsEveryProblemAtOnce()
    {
        var r = await (await Queries()).OplossingsrichtingenAsync(Query("pageSize=0&status=onzin&thema=bestaat-niet&page=x&foo=1"), default);

        Assert.Equal(ProbleemSoort.OngeldigeInvoer, r.Probleem!.Soort);
        Assert.Equal(["foo", "page", "pageSize", "status", "thema"], r.Probleem.Fouten.Select(f => f.Naam).Order());
    }

    [Theory]
    [InlineData("pageSize=100000")]
    [InlineData("pageSize=-1")]
    [InlineData("page=0")]
    [InlineData("status=a&status=b")]
    [InlineData("zoek=")]
    public async Task OutOfRangeOrRepeatedValuesAreRejected(string query)
    {
        var r = await (await Queries()).OplossingsrichtingenAsync(Query(query), default);

        Assert.Equal(ProbleemSoort.OngeldigeInvoer, r.Probleem?.Soort);
    }

    [Fact]
    public async Task InjectionAttemptInSearchMatchesNothing()
    {
        var r = await (await Queries()).OplossingsrichtingenAsync(Query("zoek=x' or PartitionKey ne '"), default);

        Assert.Equal(0, r.Waarde!.Totaal);
    }

    [Fact]
    public async Task UnknownThemeIsNotFound()
    {
        var r = await (await Queries()).ThemaAsync("bestaat-niet", Query(""), default);

        Assert.Equal(ProbleemSoort.NietGevonden, r.Probleem!.Soort);
    }

    [Fact]
    public async Task ThemeSummaryCountsItemsPerStatus()
    {
        var r = await (await Queries()).ThemasAsync(Query(""), default);

        var zd = r.Waarde!.Single(t => t.Id == "zakelijke-dienstverlening");
        Assert.Equal(5, zd.AantalOplossingsrichtingen);
        Assert.Equal(3, zd.AantalPerStatus["gerealiseerd"]);
        Assert.Equal(zd.AantalOplossingsrichtingen, zd.AantalPerStatus.Values.Sum());
    }
}
