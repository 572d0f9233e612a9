using System.Diagnostics;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>Runs a command-line tool from the repository's node_modules (installed by npm ci).</summary>
internal static class Npm
{
    public static async Task<(int Code, string Stdout, string Stderr)> VoerUitAsync(string tool, params string[] args)
    {
        var pad = Repo.Pad("node_modules", ".bin", tool);
        Assert.True(File.Exists(pad), $"{pad} ontbreekt: voer 'npm ci' uit in {Repo.Root}.");
        var psi = new ProcessStartInfo(pad) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repo.Root };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var proces = Process.Start(psi)!;
        var stdout = proces.StandardOutput.ReadToEndAsync();
        var stderr = proces.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await proces.WaitForExitAsync(cts.Token);
        return (proces.ExitCode, await stdout, await stderr);
    }
}
