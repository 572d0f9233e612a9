using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using VoortgangApi.LocalHost;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>
/// The local host starts its worker while it is still being built, on listeners bound before Kestrel runs, as the
/// Azure host starts its worker early in its own start-up (issue 32: the host was 0.4–0.5 s into its start before).
/// </summary>
public class WerkerstartTests
{
    private readonly LogVanger _log = new("");

    private Task<Microsoft.AspNetCore.Builder.WebApplication> BouwAsync() => LosseHost.BouwAsync("Development", _log);

    private static bool Leeft(int pid)
    {
        try
        {
            return !Process.GetProcessById(pid).HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
    }

    [Fact]
    public async Task TheWorkerRunsBeforeTheHostStartsAndTheHostTakesThatSameWorkerOver()
    {
        var host = await BouwAsync();
        await using (host)
        {
            var pid = host.Services.GetRequiredService<Werkerstart>().ProcesId;
            Assert.True(Leeft(pid), "the worker process runs once the host is built, before it is started");
            using (var vroeg = new TcpClient())
            {
                // The public port is bound and listening already: the kernel accepts the connection before Kestrel runs.
                await vroeg.ConnectAsync("127.0.0.1", LokaleHost.Adres(host).Port).WaitAsync(TimeSpan.FromSeconds(5));
            }

            await host.StartAsync();
            var verbinding = await host.Services.GetRequiredService<Werker>().GereedAsync(TimeSpan.FromSeconds(90), default);
            Assert.Equal(pid, verbinding.ProcesId);
            using var http = new HttpClient { BaseAddress = LokaleHost.Adres(host) };
            using var antwoord = await http.GetAsync("/api/v1/themas");
            Assert.True(antwoord.IsSuccessStatusCode, $"{antwoord.StatusCode}: {await antwoord.Content.ReadAsStringAsync()}\n{string.Join('\n', _log.Regels.Select(r => $"{r.Niveau} {r.Categorie}: {r.Bericht}"))}");
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task AHostThatIsBuiltButNeverStartedEndsItsWorkerAndFreesItsPortWhenDisposed()
    {
        var host = await BouwAsync();
        var pid = host.Services.GetRequiredService<Werkerstart>().ProcesId;
        var poort = LokaleHost.Adres(host).Port;
        Assert.True(Leeft(pid));
        await host.DisposeAsync();
        var tot = DateTime.UtcNow.AddSeconds(10);
        while (Leeft(pid) && DateTime.UtcNow < tot)
        {
            await Task.Delay(50);
        }

        Assert.False(Leeft(pid), "the worker of a host that never started is ended with the host");
        var listener = new TcpListener(System.Net.IPAddress.Loopback, poort);
        listener.Start(); // the pre-bound socket is closed: the port can be bound again
        listener.Stop();
    }
}
