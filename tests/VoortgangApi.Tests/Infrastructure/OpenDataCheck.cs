using System.Text.Json.Nodes;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>Runs scripts/opendata-check.mjs (SHACL with rdf-validate-shacl, Frictionless with ajv) on a file.</summary>
internal static class OpenDataCheck
{
    public static string ShapesMap => Gedeeld.Map("opendata/dcat-ap-nl-3.0-shapes");
    public static string ProfielenMap => Gedeeld.Map("opendata/frictionless-2.0-profiles");

    public static async Task<JsonObject> VoerUitAsync(string modus, string referentieMap, byte[] inhoud, string extensie)
    {
        var pad = Path.Combine(Path.GetTempPath(), $"opendata-{Guid.NewGuid():N}{extensie}");
        await File.WriteAllBytesAsync(pad, inhoud);
        var node = Environment.GetEnvironmentVariable("NODE") ?? "node";
        var psi = new System.Diagnostics.ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repo.Root };
        foreach (var a in new[] { Repo.Pad("scripts", "opendata-check.mjs"), modus, referentieMap, pad })
        {
            psi.ArgumentList.Add(a);
        }

        using var proces = System.Diagnostics.Process.Start(psi)!;
        var stdout = proces.StandardOutput.ReadToEndAsync();
        var stderr = proces.StandardError.ReadToEndAsync();
        await proces.WaitForExitAsync();
        Assert.True(proces.ExitCode == 0, $"opendata-check {modus} faalde: {await stderr}");
        return JsonNode.Parse(await stdout)!.AsObject();
    }
}
