using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Infra;

/// <summary>Runs the Bicep CLI from its NuGet package (offline) and exposes the compiled ARM template.</summary>
internal static class Bicep
{
    public static string Pad { get; } = Environment.GetEnvironmentVariable("BICEP_BIN")
        ?? typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPad").Value!;

    private static readonly Lazy<Task<(int Code, string Stdout, string Stderr)>> Gebouwd = new(() => VoerUitAsync("build", Repo.Pad("infra", "main.bicep"), "--stdout"));

    public static Task<(int Code, string Stdout, string Stderr)> BuildAsync() => Gebouwd.Value;

    public static async Task<JsonObject> ArmAsync()
    {
        var (code, stdout, stderr) = await BuildAsync();
        Assert.True(code == 0, stderr);
        return JsonNode.Parse(stdout)!.AsObject();
    }

    /// <summary>The template and the templates of its modules (nested deployments), recursively.</summary>
    public static IEnumerable<JsonObject> Templates(JsonObject template) =>
        Resources(template).Select(r => r["properties"]?["template"]).OfType<JsonObject>().Prepend(template);

    /// <summary>Every resource in the template, modules (nested deployments) included.</summary>
    public static IEnumerable<JsonObject> Resources(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray a => a.OfType<JsonObject>(),
            JsonObject o => o.Select(p => p.Value).OfType<JsonObject>(), // languageVersion 2.0 uses a symbolic-name map
            _ => [],
        };
        foreach (var r in resources)
        {
            yield return r;
            if (r["properties"]?["template"] is JsonObject genest)
            {
                foreach (var kind in Resources(genest))
                {
                    yield return kind;
                }
            }
        }
    }

    public static async Task<(int Code, string Stdout, string Stderr)> VoerUitAsync(params string[] args)
    {
        Assert.True(File.Exists(Pad), $"Bicep CLI niet gevonden op {Pad}; dotnet restore haalt het NuGet-pakket Azure.Bicep.CommandLine.linux-x64.");
        var psi = new ProcessStartInfo(Pad) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["BICEP_TRACING_ENABLED"] = "false";
        using var proces = Process.Start(psi)!;
        var stdout = proces.StandardOutput.ReadToEndAsync();
        var stderr = proces.StandardError.ReadToEndAsync();
        await proces.WaitForExitAsync();
        return (proces.ExitCode, await stdout, await stderr);
    }
}
