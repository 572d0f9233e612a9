using System.Diagnostics;
using System.Text;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>
/// The local edge as ./run.sh starts it: Debian's varnishd in the foreground with the repository's VCL
/// (edge/voortgang.vcl), its ports and container filled in as scripts/common.sh's write_vcl does.
/// </summary>
public sealed class Varnish : IAsyncDisposable
{
    private static readonly string Varnishd = Environment.GetEnvironmentVariable("VARNISHD_PATH") ?? "/usr/sbin/varnishd";
    private readonly Process _proces;
    private readonly string _map;

    private Varnish(Process proces, string map, int poort)
    {
        _proces = proces;
        _map = map;
        Poort = poort;
    }

    public int Poort { get; }
    public Uri Basis => new($"http://127.0.0.1:{Poort}");

    public static async Task<Varnish> StartAsync(int poort, int apiPoort, int blobPoort, string container)
    {
        Assert.True(File.Exists(Varnishd), $"{Varnishd} ontbreekt: installeer Debian's varnish (apt-get install varnish), zoals .ci/run doet.");
        var map = Directory.CreateTempSubdirectory("voortgang-rand-").FullName;
        var vcl = (await File.ReadAllTextAsync(Repo.Pad("edge", "voortgang.vcl")))
            .Replace("@API_POORT@", apiPoort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@BLOB_POORT@", blobPoort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@ACCOUNT@", "devstoreaccount1", StringComparison.Ordinal)
            .Replace("@CONTAINER@", container, StringComparison.Ordinal);
        var vclPad = Path.Combine(map, "voortgang.vcl");
        await File.WriteAllTextAsync(vclPad, vcl);
        var psi = new ProcessStartInfo(Varnishd) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-F", "-j", "none", "-n", Path.Combine(map, "n"), "-a", $"127.0.0.1:{poort}", "-f", vclPad, "-s", "malloc,64m" })
        {
            psi.ArgumentList.Add(a);
        }

        var uitvoer = new StringBuilder();
        var proces = Process.Start(psi)!;
        proces.OutputDataReceived += (_, e) => { lock (uitvoer) { uitvoer.AppendLine(e.Data); } };
        proces.ErrorDataReceived += (_, e) => { lock (uitvoer) { uitvoer.AppendLine(e.Data); } };
        proces.BeginOutputReadLine();
        proces.BeginErrorReadLine();
        await Azurite.WachtOpPoortAsync(poort, proces, uitvoer, "Varnish");
        return new Varnish(proces, map, poort);
    }

    /// <summary>How many bans (purges) this Varnish has taken so far, as varnishstat counts them.</summary>
    public async Task<long> BansAsync()
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("VARNISHSTAT_PATH") ?? "/usr/bin/varnishstat")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "-n", Path.Combine(_map, "n"), "-1", "-f", "MAIN.bans_added" })
        {
            psi.ArgumentList.Add(a);
        }

        using var proces = Process.Start(psi)!;
        var uit = await proces.StandardOutput.ReadToEndAsync();
        await proces.WaitForExitAsync();
        var velden = uit.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        Assert.True(proces.ExitCode == 0 && velden.Length >= 2 && velden[0] == "MAIN.bans_added", $"varnishstat: {uit}{await proces.StandardError.ReadToEndAsync()}");
        return long.Parse(velden[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_proces.HasExited)
        {
            _proces.Kill(entireProcessTree: true);
            await _proces.WaitForExitAsync();
        }

        _proces.Dispose();
        try
        {
            Directory.Delete(_map, recursive: true);
        }
        catch (IOException)
        {
            // varnishd's child may still hold its working files for a moment; the folder is in /tmp
        }
    }
}
