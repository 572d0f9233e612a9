using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VoortgangApi.LocalHost;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>A worker process that dies is noticed by the host, which starts a new one and serves again.</summary>
public class WerkerherstartTests(TestApi api) : IClassFixture<TestApi>
{
    [Fact]
    public async Task AKilledWorkerIsRestartedByTheHost()
    {
        var werker = api.Host.Services.GetRequiredService<Werker>();
        var eerste = werker.Huidig!.ProcesId;
        var kanaal = werker.Huidig.Kanaal;
        using (var proces = Process.GetProcessById(eerste))
        {
            proces.Kill();
            await proces.WaitForExitAsync();
        }

        await kanaal.Gesloten.WaitAsync(TimeSpan.FromSeconds(10)); // the host has seen the stream end

        // The host waits for the new worker before it forwards (bounded), so this request is served by the new process.
        using var response = await api.Client.GetAsync("/api/v1/themas");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(eerste, werker.Huidig!.ProcesId);
    }
}
