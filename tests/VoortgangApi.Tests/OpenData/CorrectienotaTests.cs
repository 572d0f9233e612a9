using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VoortgangApi.Core.OpenData;
using VoortgangApi.OpenData;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.OpenData;

/// <summary>An official corrects a status of a published letter: the release stays, and its correction note follows the commit.</summary>
public class CorrectienotaTests(TestApi api) : IClassFixture<TestApi>
{
    [Fact]
    public async Task ACorrectionOfAPublishedLettersStatusGetsItsNoteBesideTheReleaseWithinSeconds()
    {
        var store = api.Service<IOpenDataStore>();
        var sommen = await store.LeesAsync(Layout.Pad("aanpak-2023", "SHA256SUMS"), default);
        Assert.NotNull(sommen);
        Assert.Null(await store.LeesAsync(Layout.Pad("aanpak-2023", Correcties.Json), default));

        var historie = await api.GetJsonAsync("/api/v1/oplossingsrichtingen/PO-01/historie");
        var id = historie.GetProperty("statussen").EnumerateArray().Single(s => s.GetProperty("peildatum").GetString() == "2023-11-10").GetProperty("id").GetString();
        using var correctie = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Post, "/api/v1/oplossingsrichtingen/PO-01/statussen",
            $$$"""{"status":"in_uitvoering","peildatum":"2023-11-10","zekerheid":"bevestigd","toelichting":"Nader gelezen (fictieve correctie in de test).","bron":{"titel":"Rijksoverheid, nieuwsbericht 10 november 2023","soort":"overheid","datum":"2023-11-10"},"vervangt":"{{{id}}}"}"""));
        Assert.Equal(HttpStatusCode.Created, correctie.StatusCode);

        byte[]? nota = null;
        for (var i = 0; i < 60 && nota is null; i++)
        {
            await Task.Delay(250);
            nota = await store.LeesAsync(Layout.Pad("aanpak-2023", Correcties.Json), default);
        }

        Assert.True(nota is not null, "geen correctienota binnen 15 s na de correctie");
        var correcties = JsonNode.Parse(nota)!["correcties"]!.AsArray();
        Assert.Contains(correcties, c => (string?)c!["id"] == "PO-01" && (string?)c["veld"] == "status.toelichting"
            && ((string?)c["nu"])!.Contains("fictieve correctie", StringComparison.Ordinal));
        Assert.Equal(sommen, await store.LeesAsync(Layout.Pad("aanpak-2023", "SHA256SUMS"), default)); // the release itself unchanged
        var html = Encoding.UTF8.GetString((await store.LeesAsync(Layout.Pad("aanpak-2023", Correcties.Html), default))!);
        Assert.Contains("PO-01", html, StringComparison.Ordinal);
    }
}
