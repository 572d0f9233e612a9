using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Rand;

/// <summary>
/// The API as ./run.sh serves it: behind the local edge (Varnish with edge/voortgang.vcl), which the app purges after
/// every commit; the published status page and the API on the edge's one origin. <see cref="Publiek"/> reads through
/// the edge, <see cref="TestApi.Client"/> still goes to the host directly.
/// </summary>
public class RandApi : TestApi
{
    private Varnish? _rand;

    public RandApi()
    {
        Poort = VrijePoort();
        RandPoort = VrijePoort();
        Stel("Rand:Soort", "Varnish");
        Stel("Rand:Adres", $"http://127.0.0.1:{RandPoort}");
        Stel("OpenData:ApiBaseUrl", $"http://127.0.0.1:{RandPoort}/api/v1");
        Stel("OpenData:PublicBaseUrl", $"http://127.0.0.1:{RandPoort}/open-data");
    }

    public int RandPoort { get; }

    /// <summary>The worker's purge log (each purge and each failure), for a test that says where the time went.</summary>
    public LogVanger Randlog { get; } = new("VoortgangApi.Functions.Rand");

    protected override void Configureer(WebApplicationBuilder builder)
    {
        builder.Logging.AddProvider(Randlog);
        builder.Logging.AddFilter<LogVanger>("VoortgangApi.Functions.Rand", LogLevel.Information);
    }
    public Uri RandBasis => new($"http://127.0.0.1:{RandPoort}");

    /// <summary>A client of the edge, as the public and the website read the API.</summary>
    public HttpClient Publiek { get; private set; } = null!;

    /// <summary>How many purges the edge has taken (a test that needs a hit repeats a try a purge cut through).</summary>
    public Task<long> BansAsync() => _rand!.BansAsync();

    /// <summary>The instance the edge forwards to (this one, unless a test puts another behind it).</summary>
    protected virtual int Achterkant => Poort!.Value;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var azurite = await Azurite.GetAsync();
        _rand = await Varnish.StartAsync(RandPoort, Achterkant, azurite.BlobPort, Prefix + "-open-data");
        Publiek = new HttpClient { BaseAddress = RandBasis };
        // The app started before its edge (in Azure the edge is there first): its seed's purges failed and wait out a
        // growing pause. The tests start once the app has reached the edge, as a deployment would.
        await Randlog.WachtAsync(() => Randlog.Regels.IsEmpty || !Randlog.Regels.Last().Bericht.Contains("mislukt", StringComparison.Ordinal),
            TimeSpan.FromSeconds(90));
    }

    public override async Task DisposeAsync()
    {
        Publiek?.Dispose();
        if (_rand is not null)
        {
            await _rand.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
