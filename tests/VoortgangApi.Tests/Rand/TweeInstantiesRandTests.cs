using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Rand;

/// <summary>
/// Two instances on one store, as Azure scales out: the edge forwards to instance B, officials write to instance A,
/// whose purge reaches the edge. B checks its stored version only every ten minutes here, so it still holds the old
/// state in memory when the edge asks again right after the purge.
/// </summary>
public sealed class TweeInstantiesRandApi : IAsyncLifetime
{
    private readonly SchrijvendeInstantie _a = new();

    public RandApi A => _a;
    public TestApi B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        B = new LezendeInstantie(_a.Prefix, _a.RandPoort);
        await B.InitializeAsync();
        _a.Achter = B.Basis.Port;
        await _a.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await B.DisposeAsync();
    }

    // Writes go to this one; its edge forwards to B.
    private sealed class SchrijvendeInstantie : RandApi
    {
        public int Achter { get; set; }

        protected override int Achterkant => Achter;
    }

    private sealed class LezendeInstantie : TestApi
    {
        public LezendeInstantie(string prefix, int randPoort)
        {
            Prefix = prefix;
            Stel("Rand:Soort", "Varnish");
            Stel("Rand:Adres", $"http://127.0.0.1:{randPoort}");
            Stel("Cache:VersieControleSeconden", "600");
        }
    }
}

public class TweeInstantiesRandTests(TweeInstantiesRandApi twee) : IClassFixture<TweeInstantiesRandApi>
{
    [Fact]
    public async Task APurgedPathIsNeverRefilledWithAStateOlderThanTheWriteThatPurgedIt()
    {
        const string pad = "/api/v1/oplossingsrichtingen/PO-01";
        var voor = await twee.A.Publiek.GetFromJsonAsync<JsonElement>(pad); // instance B fills the edge and keeps the log in memory
        var oud = voor.GetProperty("status").GetProperty("status").GetString();
        var nieuw = oud == "gestopt" ? "in_uitvoering" : "gestopt";
        var body = $$$"""{"status":"{{{nieuw}}}","peildatum":"{{{Testdatum.Gisteren}}}","zekerheid":"bevestigd","bron":{"titel":"Twee instanties","soort":"nota","datum":"{{{Testdatum.Gisteren}}}"},"toelichting":"geschreven op A, gelezen via de rand van B"}""";

        using var schrijf = await twee.A.Client.SendAsync(twee.A.Beheer("vastleggen", HttpMethod.Post, $"{pad}/statussen", body));
        Assert.Equal(HttpStatusCode.Created, schrijf.StatusCode);
        var direct = await twee.B.GetJsonAsync(pad);
        Assert.Equal(oud, direct.GetProperty("status").GetProperty("status").GetString()); // B itself has not seen it yet

        // Every edge read after the purge: the new state, never B's remembered one.
        var tot = DateTime.UtcNow.AddSeconds(5);
        var gezien = new List<string?>();
        while (DateTime.UtcNow < tot && (gezien.Count == 0 || gezien[^1] != nieuw))
        {
            gezien.Add((await twee.A.Publiek.GetFromJsonAsync<JsonElement>(pad)).GetProperty("status").GetProperty("status").GetString());
        }

        Assert.Equal(nieuw, gezien[^1]);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var later = await twee.A.Publiek.GetFromJsonAsync<JsonElement>(pad);
            Assert.Equal(nieuw, later.GetProperty("status").GetProperty("status").GetString());
        }
    }
}
