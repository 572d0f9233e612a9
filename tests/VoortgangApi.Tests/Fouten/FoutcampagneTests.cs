using System.Diagnostics;
using System.Text.Json;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Fouten;

/// <summary>The local host on a real loopback port, for the fault campaign script (which speaks HTTP like any client).</summary>
public sealed class PoortApi : TestApi
{
    public PoortApi() => Poort = VrijePoort();

    public string ApiBasis => $"http://127.0.0.1:{Poort}/api/v1";
}

/// <summary>
/// scripts/fault-campaign.mjs with a small count: malformed values derived from the served OpenAPI document for every
/// operation; not one 5xx and not one answer of the app that is not a problem (./test.sh runs this; the README shows
/// how to run it with 10,000 requests).
/// </summary>
public class FoutcampagneTests(PoortApi api) : IClassFixture<PoortApi>
{
    [Fact]
    public async Task MalformedRequestsToEveryOperationGetOnlyProblemAnswers()
    {
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repo.Root };
        foreach (var arg in new[] { Repo.Pad("scripts", "fault-campaign.mjs"), "--base", api.ApiBasis, "--aantal", "600", "--token", api.Token("alles"), "--seconden", "120" })
        {
            psi.ArgumentList.Add(arg);
        }

        using var proces = Process.Start(psi)!;
        var uitvoer = await proces.StandardOutput.ReadToEndAsync();
        var fouten = await proces.StandardError.ReadToEndAsync();
        await proces.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));

        var samenvatting = JsonDocument.Parse(uitvoer).RootElement;
        Assert.True(proces.ExitCode == 0, uitvoer + fouten);
        Assert.Equal(600, samenvatting.GetProperty("verzoeken").GetInt32());
        Assert.Equal(0, samenvatting.GetProperty("vijfhonderd").GetInt32());
        Assert.Equal(0, samenvatting.GetProperty("geenProblem").GetInt32());
    }
}
