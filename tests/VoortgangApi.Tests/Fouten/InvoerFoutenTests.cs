using System.Net;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Fouten;

/// <summary>Every answer is a problem, and no input that looks empty or carries control characters widens a result.</summary>
public class InvoerFoutenTests(TestApi api) : IClassFixture<TestApi>
{
    [Theory]
    [InlineData("%00")]
    [InlineData("%E2%80%8B")]
    [InlineData("%CC%81")]
    [InlineData("a%07b")]
    public async Task ASearchOfInvisibleOrControlCharactersIsRefused(string zoek)
    {
        using var response = await api.Client.GetAsync($"/api/v1/oplossingsrichtingen?zoek={zoek}");

        var fout = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("zoek", fout.GetProperty("invalidParams")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("peildatum=1999-12-31")]
    [InlineData("peildatum=2024-02-30")]
    [InlineData("bekendOp=gisteren")]
    [InlineData("bekendOp=2024-11-18T12:00:00")]
    [InlineData("cyclus=najaar-2024&peildatum=2024-11-18")]
    public async Task AMalformedMomentIsABadRequest(string query)
    {
        using var response = await api.Client.GetAsync($"/api/v1/themas?{query}");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("na=niet-base64!")]
    [InlineData("na=djI6MTA")]
    [InlineData("pageSize=0")]
    public async Task AMalformedFeedCursorOrPageSizeIsABadRequest(string query)
    {
        using var response = await api.Client.GetAsync($"/api/v1/wijzigingen?{query}");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
    }
}
