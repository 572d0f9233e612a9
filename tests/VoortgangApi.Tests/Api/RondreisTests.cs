using System.Net;
using System.Text.Json.Nodes;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>GET, edit one field, PUT it back with the ETag: a PUT accepts the representation its GET returns.</summary>
public class RondreisTests(TestApi api) : IClassFixture<TestApi>
{
    private async Task<(JsonObject Item, string ETag)> Haal(string pad)
    {
        using var response = await api.Client.GetAsync(pad);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), response.Headers.ETag!.ToString());
    }

    private async Task<HttpResponseMessage> Zet(string pad, JsonObject body, string etag) =>
        await api.Client.SendAsync(api.Beheer(HttpMethod.Put, pad, body.ToJsonString(), ("If-Match", etag)));

    [Theory]
    [InlineData("/api/v1/oplossingsrichtingen/ZD-04", "planning", "Verwacht in de voorjaarsbrief van 2027.")]
    [InlineData("/api/v1/partijen/vng", "website", "https://vng.nl/rondreis")]
    [InlineData("/api/v1/knelpunten/P-ZD-1", "omschrijving", "Een herziene omschrijving van dit knelpunt, uit de rondreistest.")]
    public async Task APutOfTheExactBodyAGetReturnedWithOneFieldEditedChangesOnlyThatField(string pad, string veld, string waarde)
    {
        var (voor, etag) = await Haal(pad);
        var body = voor.DeepClone().AsObject();
        body[veld] = waarde;

        using var response = await Zet(pad, body, etag);
        var (na, _) = await Haal(pad);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(waarde, (string?)na[veld]);
        na[veld] = voor[veld]?.DeepClone();
        Assert.True(JsonNode.DeepEquals(voor, na), $"Meer dan {veld} veranderde:\nvoor {voor.ToJsonString()}\nna   {na.ToJsonString()}");
    }

    [Fact]
    public async Task AnIdInTheBodyThatIsNotThePathsIsABadRequest()
    {
        var (voor, etag) = await Haal("/api/v1/oplossingsrichtingen/ZD-05");
        var body = voor.DeepClone().AsObject();
        body["id"] = "ZD-01";
        body["planning"] = "Zou niet mogen landen.";

        using var response = await Zet("/api/v1/oplossingsrichtingen/ZD-05", body, etag);

        var fout = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("$.id", fout.GetProperty("invalidParams")[0].GetProperty("name").GetString());
        Assert.True(JsonNode.DeepEquals(voor, (await Haal("/api/v1/oplossingsrichtingen/ZD-05")).Item));
    }

    [Fact]
    public async Task AFieldNoGetReturnsIsStillAnUnknownField()
    {
        var (voor, etag) = await Haal("/api/v1/partijen/ccv");
        var body = voor.DeepClone().AsObject();
        body["bestaatNiet"] = true;

        using var response = await Zet("/api/v1/partijen/ccv", body, etag);

        var fout = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("bestaatNiet", fout.GetProperty("invalidParams").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReadOnlyFieldsAreMarkedSoInTheContract()
    {
        var doc = JsonNode.Parse(await api.Ruw.GetStringAsync("/api/v1/openapi.json"))!;
        var schemas = doc["components"]!["schemas"]!;

        Assert.True((bool?)schemas["Oplossingsrichting"]!["properties"]!["id"]!["readOnly"]);
        Assert.True((bool?)schemas["OplossingsrichtingInvoer"]!["properties"]!["status"]!["readOnly"]);
        Assert.True((bool?)schemas["PartijDetail"]!["properties"]!["oplossingsrichtingen"]!["readOnly"]);
    }
}
