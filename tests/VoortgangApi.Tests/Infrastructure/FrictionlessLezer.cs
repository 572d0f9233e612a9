using System.Diagnostics;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>A Frictionless reader (scripts/frictionless-lees.mjs) over a published release: every row of a table cast by its schema.</summary>
public static class FrictionlessLezer
{
    /// <summary>Copies the release's data package and its files into a folder, and reads <paramref name="tabel"/>: its field names and row count.</summary>
    public static async Task<(IReadOnlyList<string> Velden, int Rijen)> LeesAsync(Func<string, Task<byte[]>> lees, string tabel)
    {
        var map = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voortgang-frictionless-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        try
        {
            var descriptor = await lees("datapackage.json");
            await File.WriteAllBytesAsync(Path.Combine(map, "datapackage.json"), descriptor);
            foreach (var resource in System.Text.Json.JsonDocument.Parse(descriptor).RootElement.GetProperty("resources").EnumerateArray())
            {
                var bestand = resource.GetProperty("path").GetString()!;
                await File.WriteAllBytesAsync(Path.Combine(map, bestand), await lees(bestand));
            }

            var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { Repo.Pad("scripts", "frictionless-lees.mjs"), map, tabel })
            {
                psi.ArgumentList.Add(arg);
            }

            using var node = Process.Start(psi)!;
            var uit = node.StandardOutput.ReadToEndAsync();
            var fout = node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(node.ExitCode == 0, await fout);
            var antwoord = System.Text.Json.JsonDocument.Parse(await uit).RootElement;
            return ([.. antwoord.GetProperty("velden").EnumerateArray().Select(v => v.GetString()!)], antwoord.GetProperty("rijen").GetInt32());
        }
        finally
        {
            Directory.Delete(map, recursive: true);
        }
    }
}
