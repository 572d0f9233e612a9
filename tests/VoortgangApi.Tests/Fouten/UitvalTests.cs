using System.Diagnostics;
using System.Net;
using VoortgangApi.Core;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Fouten;

/// <summary>The local host over an Azurite of its own, with its data on disk, so that a test can freeze, stop and restart it.</summary>
public sealed class UitvalApi : TestApi
{
    private readonly string _map = Path.Combine(Path.GetTempPath(), "voortgang-uitval-" + Guid.NewGuid().ToString("N")[..8]);

    public AzuriteProces Proces { get; private set; } = null!;

    protected override async Task<AzuriteInstance> AzuriteAsync()
    {
        var (instance, proces) = await Azurite.EigenAsync(_map);
        Proces = proces;
        return instance;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Proces.Stop();
        Directory.Delete(_map, recursive: true);
    }
}

/// <summary>A real storage outage (DESIGN §5): a fast 503 with Retry-After while storage is away, recovery without a restart, data intact.</summary>
public class UitvalTests(UitvalApi api, Xunit.Abstractions.ITestOutputHelper uitvoer) : IClassFixture<UitvalApi>
{
    private static readonly string Gisteren = TimeProvider.System.Vandaag().AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> PostStatus(string titel) => api.Client.SendAsync(api.Beheer(HttpMethod.Post, "/api/v1/oplossingsrichtingen/PO-03/statussen",
        $$$"""{"status":"doorlopend","peildatum":"{{{Gisteren}}}","zekerheid":"afgeleid","toelichting":"Afgeleid in de test.","bron":{"titel":"{{{titel}}}","soort":"nota","datum":"{{{Gisteren}}}"}}"""));

    private static async Task<TimeSpan> Onbeschikbaar(Func<Task<HttpResponseMessage>> verzoek)
    {
        var klok = Stopwatch.StartNew();
        using var response = await verzoek();
        klok.Stop();
        await Problem.AssertAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
        return klok.Elapsed;
    }

    [Fact]
    public async Task AStorageOutageIsA503WithinFiveSecondsUntilStorageIsBack()
    {
        Assert.Equal(HttpStatusCode.Created, (await PostStatus("voor de storing")).StatusCode);
        var voor = await api.GetJsonAsync("/api/v1/oplossingsrichtingen/PO-03/historie");

        api.Proces.Bevries();
        var bevroren = await Onbeschikbaar(() => api.Client.GetAsync("/api/v1/rapportagecycli/bevroren-1"));
        api.Proces.Ontdooi();

        await api.Proces.StopAsync();
        var gestopt = await Onbeschikbaar(() => api.Client.GetAsync("/api/v1/rapportagecycli/gestopt-1"));
        var schrijven = await Onbeschikbaar(() => PostStatus("tijdens de storing"));
        using var uitGeheugen = await api.Client.GetAsync("/api/v1/themas");

        await api.Proces.StartAsync();
        using var erna = await PostStatus("na de storing");
        var historie = await api.GetJsonAsync("/api/v1/oplossingsrichtingen/PO-03/historie");

        uitvoer.WriteLine($"503 na: bevroren {bevroren.TotalMilliseconds:F0} ms, gestopt {gestopt.TotalMilliseconds:F0} ms, schrijven {schrijven.TotalMilliseconds:F0} ms");
        Assert.All(new[] { bevroren, gestopt, schrijven }, duur => Assert.True(duur < TimeSpan.FromSeconds(5), $"503 pas na {duur}"));
        Assert.Equal(HttpStatusCode.OK, uitGeheugen.StatusCode);
        Assert.Equal(HttpStatusCode.Created, erna.StatusCode);
        var titels = historie.GetProperty("statussen").EnumerateArray().Select(s => s.GetProperty("bron").GetProperty("titel").GetString()).ToList();
        Assert.Equal(voor.GetProperty("statussen").GetArrayLength() + 1, titels.Count);
        Assert.Contains("voor de storing", titels);
        Assert.DoesNotContain("tijdens de storing", titels);
    }

    [Fact]
    public async Task AnOutageDuringTheFirstReadOfASnapshotIsNotRememberedTheReadAnswers200OnceStorageIsBack()
    {
        // The cycle itself is known first (vastgesteld, kept for good); only its snapshot is still unread on this worker.
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/api/v1/rapportagecycli/aanpak-2023")).StatusCode);

        api.Proces.Bevries();
        try
        {
            await Onbeschikbaar(() => api.Client.GetAsync("/api/v1/themas?cyclus=aanpak-2023"));
        }
        finally
        {
            api.Proces.Ontdooi();
        }

        using var erna = await api.Client.GetAsync("/api/v1/themas?cyclus=aanpak-2023");
        Assert.Equal(HttpStatusCode.OK, erna.StatusCode);
    }
}
