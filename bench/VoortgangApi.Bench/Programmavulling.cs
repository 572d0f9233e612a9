using System.Diagnostics;
using System.Text.Json;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Programmas;

namespace VoortgangApi.Bench;

/// <summary>
/// Fills a second, synthetic programme with N log lines on the app's own store (Storage__ConnectionString, no table
/// prefix: the store the API under measurement uses): a theme, 1,000 items, then status entries over them on rising
/// dates — valid lines, appended 98 at a time as the app appends them. For the programme-isolation scenario.
/// </summary>
internal static class Programmavulling
{
    private const int Items = 1000;

    public static async Task<int> DraaiAsync(string[] args)
    {
        var id = Basislijn.Waarde(args, "--id") ?? "meting-b";
        var aantal = int.Parse(Basislijn.Waarde(args, "--regels") ?? "100000", System.Globalization.CultureInfo.InvariantCulture);
        await using var services = Diensten.VanApp(timeoutSeconden: "30");
        var door = new Vastlegger("bench", "bench");
        await services.GetRequiredService<Programmaregister>().BewaarAsync(
            new Programma(id, "Meetprogramma (synthetisch)", "Synthetische gegevens voor de meting.", ["Ministerie van Justitie en Veiligheid"]),
            Programmatoegang.Leeg, null, door, default);
        var store = services.GetRequiredKeyedService<IHistorieStore>(id);

        var begin = new DateOnly(2020, 1, 1);
        var klok = Stopwatch.StartNew();
        Logstand na = new([]);
        var geschreven = 0;
        foreach (var batch in Regels(begin).Take(aantal).Chunk(Toevoeging.MaxRegels))
        {
            var toegevoegd = await store.VoegToeAsync(new Toevoeging(batch, na, door), default);
            na = new Logstand([toegevoegd[^1]]);
            geschreven += toegevoegd.Count;
        }

        Console.WriteLine(JsonSerializer.Serialize(new { programma = id, regels = geschreven, seconden = Math.Round(klok.Elapsed.TotalSeconds, 1) }));
        return 0;
    }

    private static IEnumerable<Logregel> Regels(DateOnly begin)
    {
        var thema = new Thema("meting", "Meting", "Synthetisch thema.", 1);
        yield return Logregel.Nieuw(new Revisie("", Itemsoorten.Thema, thema.Id, begin, default, Thema: thema));
        for (var i = 1; i <= Items; i++)
        {
            yield return Logregel.Nieuw(new Revisie("", Itemsoorten.Oplossingsrichting, $"MB-{i:0000}", begin, default,
                Oplossingsrichting: new OplossingsrichtingInhoud("meting", $"Synthetisch item {i}", "Voor de meting.", [], [], [], "Niet bekend.", false, [])));
        }

        string[] statussen = ["gepland", "in_uitvoering", "vertraagd", "gerealiseerd"];
        for (var n = 0; ; n++)
        {
            var peildatum = begin.AddDays(1 + (n / Items));
            yield return Logregel.Nieuw(new Statusregel("", $"MB-{(n % Items) + 1:0000}", statussen[n % statussen.Length], peildatum, "afgeleid",
                new Bron("Meting", null, Soort: "nota"), "Synthetische regel.", null, default));
        }
    }
}
