using System.Diagnostics;
using VoortgangApi.Core.Historie;

namespace VoortgangApi.Bench;

/// <summary>Waits until the app has written a checkpoint of a programme's log at line <c>--minstens</c> or later (the bench's 'na' preparation).</summary>
internal static class Checkpuntwachter
{
    public static async Task<int> DraaiAsync(string[] args)
    {
        var id = Basislijn.Waarde(args, "--id") ?? "schaal";
        var minstens = long.Parse(Basislijn.Waarde(args, "--minstens") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        var seconden = int.Parse(Basislijn.Waarde(args, "--seconden") ?? "600", System.Globalization.CultureInfo.InvariantCulture);
        await using var services = Diensten.VanApp(timeoutSeconden: "60");
        var store = services.GetRequiredKeyedService<ICheckpuntStore>(id);
        var klok = Stopwatch.StartNew();
        while (klok.Elapsed.TotalSeconds < seconden)
        {
            if (await store.LijstAsync(default) is [var c, ..] && c.Volgnummer >= minstens)
            {
                Console.Error.WriteLine($"  checkpunt {c.Volgnummer} ({c.Segmenten.Count} segmenten) na {klok.Elapsed.TotalSeconds:0.0} s");
                return 0;
            }

            await Task.Delay(500);
        }

        Console.Error.WriteLine($"geen checkpunt van {id} op regel {minstens} of later binnen {seconden} s");
        return 1;
    }
}
