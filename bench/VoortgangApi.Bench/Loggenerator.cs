using System.Diagnostics;
using System.Text.Json;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Programmas;

namespace VoortgangApi.Bench;

/// <summary>
/// Writes a synthetic, valid log of N lines for one programme into the app's store (Storage__ConnectionString), for
/// the log-at-scale scenario (./bench.sh --schaal): 5 themes, 20 problems, 10 parties and 200 items, then over six
/// years of peildata: status entries (one in twelve backdated a few weeks), text revisions (one line in twenty), and
/// corrections that replace an earlier entry of the same item (one in fifty); a letter (a cycle, frozen through the
/// app's own snapshot service) every 5,000 lines and one at the end. Deterministic (a fixed seed), appended 98 at a
/// time as the app appends.
/// </summary>
internal static class Loggenerator
{
    private const int Items = 200;
    private static readonly DateOnly Begin = new(2020, 1, 1);
    private static readonly DateOnly Einde = new(2025, 12, 31);

    public static async Task<int> DraaiAsync(string[] args)
    {
        var id = Basislijn.Waarde(args, "--id") ?? "schaal";
        var aantal = int.Parse(Basislijn.Waarde(args, "--regels") ?? "1000", System.Globalization.CultureInfo.InvariantCulture);
        await using var services = Diensten.VanApp(timeoutSeconden: "60");
        var door = new Vastlegger("bench", "bench");
        await services.GetRequiredService<Programmaregister>().BewaarAsync(
            new Programma(id, "Schaalmeting (synthetisch)", "Synthetische gegevens voor de meting van een groot logboek.", ["Ministerie van Justitie en Veiligheid"]),
            // The local identity provider's client-credentials client may record here: the bench measures its writes.
            new Programmatoegang(new Dictionary<string, IReadOnlyList<string>> { ["Voortgang.Vastleggen"] = ["00000000-0000-4000-9000-000000000001"] }),
            null, door, default);
        var store = services.GetRequiredKeyedService<IHistorieStore>(id);
        var cycli = services.GetRequiredKeyedService<ICyclusStore>(id);
        var momentopnamen = services.GetRequiredKeyedService<MomentopnameService>(id);

        var klok = Stopwatch.StartNew();
        var rnd = new Random(20241105);
        var laatste = new string?[Items + 1]; // per item the id of its last status entry, for corrections
        var brieven = new List<string>();
        var briefElke = Math.Min(5000, Math.Max(aantal / 2, 1));
        Logstand na = new([]);
        var geschreven = 0;
        var wachtend = new List<Logregel>(Stamgegevens());
        while (geschreven < aantal)
        {
            var datum = Datum(geschreven + wachtend.Count, aantal);
            while (wachtend.Count < Toevoeging.MaxRegels && geschreven + wachtend.Count < aantal)
            {
                wachtend.Add(Regel(rnd, datum, laatste));
            }

            var batch = wachtend.Take(Math.Min(Toevoeging.MaxRegels, aantal - geschreven)).ToList();
            wachtend.RemoveRange(0, batch.Count);
            var toegevoegd = await store.VoegToeAsync(new Toevoeging(batch, na, door), default);
            na = new Logstand([toegevoegd[^1]]);
            foreach (var s in toegevoegd.Select(r => r.Status).OfType<Statusregel>())
            {
                laatste[int.Parse(s.OplossingsrichtingId[3..], System.Globalization.CultureInfo.InvariantCulture)] = s.Id;
            }

            var voor = geschreven;
            geschreven += toegevoegd.Count;
            if (geschreven / briefElke != voor / briefElke || geschreven == aantal)
            {
                brieven.Add(await BriefAsync(cycli, momentopnamen, brieven.Count + 1, Datum(geschreven, aantal), door));
            }
        }

        Console.WriteLine(JsonSerializer.Serialize(new { programma = id, regels = geschreven, brieven, seconden = Math.Round(klok.Elapsed.TotalSeconds, 1) }));
        return 0;
    }

    /// <summary>
    /// The same log, numbered and stamped here instead of by the store (for the in-process measurement, which needs more
    /// lines than Azurite can hold): moments from 2020 to <paramref name="tot"/>, in order; the letters are left out.
    /// </summary>
    public static IEnumerable<Logregel> Genummerd(int aantal, DateTimeOffset tot)
    {
        var rnd = new Random(20241105);
        var laatste = new string?[Items + 1];
        var begin = new DateTimeOffset(2020, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var stap = (tot - begin).Ticks / Math.Max(aantal, 1);
        var n = 0;
        foreach (var r in Stamgegevens().Concat(Enumerable.Range(0, int.MaxValue).Select(i => Regel(rnd, Datum(Items + 35 + i, aantal), laatste))))
        {
            if (n == aantal)
            {
                yield break;
            }

            n++;
            var regel = r.Nummer(n, begin.AddTicks(stap * n - (stap * n % TimeSpan.TicksPerMillisecond)));
            if (regel.Status is { } s)
            {
                laatste[int.Parse(s.OplossingsrichtingId[3..], System.Globalization.CultureInfo.InvariantCulture)] = s.Id;
            }

            yield return regel;
        }
    }

    private static DateOnly Datum(long n, long aantal) => Begin.AddDays((int)(n * (long)(Einde.DayNumber - Begin.DayNumber) / Math.Max(aantal, 1)));

    private static IEnumerable<Logregel> Stamgegevens()
    {
        for (var t = 1; t <= 5; t++)
        {
            yield return Logregel.Nieuw(new Revisie("", Itemsoorten.Thema, $"thema-{t}", Begin, default, Thema: new Thema($"thema-{t}", $"Thema {t}", "Synthetisch thema.", t)));
        }

        for (var k = 1; k <= 20; k++)
        {
            yield return Logregel.Nieuw(new Revisie("", Itemsoorten.Knelpunt, $"SK-{k:00}", Begin, default,
                Knelpunt: new Knelpunt($"SK-{k:00}", $"thema-{((k - 1) % 5) + 1}", $"Synthetisch knelpunt {k}, voor de meting.", "overig", [])));
        }

        for (var p = 1; p <= 10; p++)
        {
            yield return Logregel.Nieuw(new Revisie("", Itemsoorten.Partij, $"partij-{p}", Begin, default, Partij: new Partij($"partij-{p}", $"Partij {p}", "overheid", null)));
        }

        for (var i = 1; i <= Items; i++)
        {
            yield return Logregel.Nieuw(new Revisie("", Itemsoorten.Oplossingsrichting, $"SO-{i:000}", Begin, default, Oplossingsrichting: Inhoud(i, 0)));
        }
    }

    private static OplossingsrichtingInhoud Inhoud(int i, int versie) =>
        new($"thema-{((i - 1) % 5) + 1}", $"Synthetisch item {i}", $"Omschrijving {versie} van een synthetisch item, voor de meting van een groot logboek.",
            [$"partij-{(i % 10) + 1}"], [], [$"SK-{((i - 1) % 20) + 1:00}"], "Niet bekend.", false, []);

    private static readonly string[] Statussen = ["gepland", "in_uitvoering", "vertraagd", "gerealiseerd"];

    private static Logregel Regel(Random rnd, DateOnly datum, string?[] laatste)
    {
        var i = rnd.Next(1, Items + 1);
        var item = $"SO-{i:000}";
        var soort = rnd.Next(100);
        if (soort < 5)
        {
            return Logregel.Nieuw(new Revisie("", Itemsoorten.Oplossingsrichting, item, datum, default, Oplossingsrichting: Inhoud(i, rnd.Next(1000))));
        }

        var peildatum = rnd.Next(12) == 0 ? datum.AddDays(-rnd.Next(1, 40)) : datum;
        var vervangt = soort < 7 ? laatste[i] : null;
        return Logregel.Nieuw(new Statusregel("", item, Statussen[rnd.Next(Statussen.Length)], peildatum < Begin ? Begin : peildatum, "afgeleid",
            new Bron($"Voortgangsoverleg {datum:yyyy-MM}", null, Datum: Bron(peildatum < Begin ? Begin : peildatum, rnd), Soort: "overheid"),
            $"Synthetische toelichting {rnd.Next(100000)}: afgeleid uit het overleg van die maand.", vervangt, default));
    }

    private static DateOnly Bron(DateOnly peildatum, Random rnd) => peildatum.AddDays(-rnd.Next(0, 10)) is var d && d >= Begin ? d : Begin;

    private static async Task<string> BriefAsync(ICyclusStore cycli, MomentopnameService momentopnamen, int n, DateOnly peildatum, Vastlegger door)
    {
        var id = $"brief-{n:0000}";
        await cycli.BewaarAsync(new Rapportagecyclus(id, $"Synthetische brief {n}", peildatum, new Kamerbrief(peildatum, null, null, null, null), Toestanden.Gepland, null), null, default);
        var r = await momentopnamen.NeemAsync(id, door, default);
        if (!r.IsGelukt)
        {
            throw new InvalidOperationException($"brief {id}: {r.Probleem!.Detail}");
        }

        return id;
    }
}
