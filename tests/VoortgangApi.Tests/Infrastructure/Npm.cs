using System.Diagnostics;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>Runs a command-line tool from the repository's node_modules (installed by npm ci).</summary>
internal static class Npm
{
    public static Task<(int Code, string Stdout, string Stderr)> VoerUitAsync(string tool, params string[] args) =>
        VoerUitAsync(new Dictionary<string, string>(), tool, args);

    /// <summary>The same, with environment variables for the tool (e.g. to switch a tool's telemetry off).</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> VoerUitAsync(IReadOnlyDictionary<string, string> omgeving, string tool, params string[] args)
    {
        var pad = Repo.Pad("node_modules", ".bin", tool);
        Assert.True(File.Exists(pad), $"{pad} ontbreekt: voer 'npm ci' uit in {Repo.Root}.");
        return await Proces.VoerUitAsync(pad, omgeving, args);
    }
}

/// <summary>Runs a program in the repository's root and collects its output (bounded: three minutes).</summary>
internal static class Proces
{
    public static async Task<(int Code, string Stdout, string Stderr)> VoerUitAsync(string programma, IReadOnlyDictionary<string, string> omgeving, params string[] args)
    {
        var psi = new ProcessStartInfo(programma) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repo.Root };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (naam, waarde) in omgeving)
        {
            psi.Environment[naam] = waarde;
        }

        using var proces = Process.Start(psi)!;
        var stdout = proces.StandardOutput.ReadToEndAsync();
        var stderr = proces.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await proces.WaitForExitAsync(cts.Token);
        return (proces.ExitCode, await stdout, await stderr);
    }
}
