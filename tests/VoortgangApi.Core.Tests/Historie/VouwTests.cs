using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Tests.Historie;

/// <summary>
/// The app's fold against a naive reference that follows the definition word for word (filter, then sort), on random
/// histories: out-of-order peildata, equal peildata, corrections of corrections, revisions dated in the past, several
/// lines per append (one moment), and (P, T) pairs that hit those moments and dates exactly.
/// </summary>
public class VouwTests
{
    private static readonly DateOnly Begin = new(2020, 1, 1);
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void FoldEqualsTheNaiveReferenceForManyRandomMoments(int zaad)
    {
        var random = new Random(zaad);
        for (var geschiedenis = 0; geschiedenis < 40; geschiedenis++)
        {
            var log = WillekeurigLog(random);
            for (var vraag = 0; vraag < 40; vraag++)
            {
                var (p, t) = WillekeurigMoment(random, log);
                Assert.Equal(Referentie(log, p, t), Samenvatting(Vouw.Stand(log, p, t)));
            }
        }
    }

    [Fact]
    public void ACorrectionReplacesTheEntryOnlyFromTheMomentItWasRecorded()
    {
        var log = Genummerd(
            [Revisie("ZD-01", Begin)],
            [Status("ZD-01", Statussen.Gerealiseerd, new DateOnly(2024, 5, 1))],
            [Status("ZD-01", Statussen.Vertraagd, new DateOnly(2024, 5, 1), vervangt: "st-2")]);

        Assert.Equal(Statussen.Gerealiseerd, Vouw.Stand(log, new DateOnly(2025, 1, 1), log[1].VastgelegdOp).Oplossingsrichtingen[0].Status.Status);
        Assert.Equal(Statussen.Vertraagd, Vouw.Stand(log, new DateOnly(2025, 1, 1), log[2].VastgelegdOp).Oplossingsrichtingen[0].Status.Status);
    }

    [Fact]
    public void AnItemWithoutAnyStatusReadsAsUnknownWithoutASource()
    {
        var log = Genummerd([Revisie("ZD-01", Begin)]);

        var status = Vouw.Stand(log, Begin, DateTimeOffset.MaxValue).Oplossingsrichtingen[0].Status;

        Assert.Equal((Statussen.Onbekend, (Bron?)null, (string?)null), (status.Status, status.Bron, status.Id));
    }

    // The definition, literally: known lines, minus replaced entries, greatest date ≤ P, ties to the later-recorded.
    private static List<string> Referentie(IReadOnlyList<Logregel> log, DateOnly p, DateTimeOffset t)
    {
        var bekend = log.Where(r => r.VastgelegdOp <= t).ToList();
        var vervangen = bekend.Where(r => r.Status?.Vervangt is not null).Select(r => r.Status!.Vervangt!).ToHashSet();
        var uitkomst = new List<string>();
        foreach (var item in bekend.Where(r => r.Revisie is not null).Select(r => r.Revisie!.ItemId).Distinct().Order(StringComparer.Ordinal))
        {
            var revisie = bekend.Where(r => r.Revisie?.ItemId == item && r.Revisie.GeldigVanaf <= p)
                .OrderBy(r => r.Revisie!.GeldigVanaf).ThenBy(r => r.Volgnummer).LastOrDefault();
            if (revisie is null)
            {
                continue;
            }

            var status = bekend.Where(r => r.Status?.OplossingsrichtingId == item && r.Status.Peildatum <= p && !vervangen.Contains(r.Status.Id))
                .OrderBy(r => r.Status!.Peildatum).ThenBy(r => r.Volgnummer).LastOrDefault();
            uitkomst.Add($"{item}|{revisie.Revisie!.Oplossingsrichting!.Titel}|{status?.Status!.Id ?? "-"}|{status?.Status!.Status ?? Statussen.Onbekend}");
        }

        return uitkomst;
    }

    private static List<string> Samenvatting(VoortgangData d) =>
        [.. d.Oplossingsrichtingen.Select(o => $"{o.Id}|{o.Titel}|{o.Status.Id ?? "-"}|{o.Status.Status}")];

    internal static List<Logregel> WillekeurigLog(Random random, int lengte = 25)
    {
        var items = Enumerable.Range(1, random.Next(1, 5)).Select(i => $"ZD-{i:00}").ToList();
        var appends = new List<List<Logregel>>();
        var statusIds = new List<(string Id, string Item)>();
        var volgnummer = 0;
        for (var a = 0; a < random.Next(1, lengte); a++)
        {
            var regels = new List<Logregel>();
            for (var n = 0; n < random.Next(1, 4); n++)
            {
                var item = items[random.Next(items.Count)];
                volgnummer++;
                if (random.Next(3) == 0)
                {
                    regels.Add(Revisie(item, Datum(random), $"titel {volgnummer}"));
                }
                else
                {
                    var eerder = statusIds.Where(s => s.Item == item).ToList();
                    var vervangt = eerder.Count > 0 && random.Next(4) == 0 ? eerder[random.Next(eerder.Count)].Id : null;
                    regels.Add(Status(item, Statussen.Alle[random.Next(Statussen.Alle.Count)], Datum(random), vervangt));
                    statusIds.Add(($"st-{volgnummer}", item));
                }
            }

            appends.Add(regels);
        }

        return Genummerd([.. appends.Select(a => a.ToArray())], random);
    }

    internal static (DateOnly, DateTimeOffset) WillekeurigMoment(Random random, List<Logregel> log)
    {
        var p = random.Next(3) == 0 && log.Count > 0
            ? (log[random.Next(log.Count)] is { Status: { } s } ? s.Peildatum : Datum(random))
            : Datum(random);
        var t = random.Next(4) switch
        {
            0 => DateTimeOffset.MaxValue,
            1 => Start.AddDays(-1),
            _ => log[random.Next(log.Count)].VastgelegdOp.AddMilliseconds(random.Next(-1, 2)),
        };
        return (p, t);
    }

    // Half of the dates from a handful, so equal peildata (the tie-break) are common.
    private static DateOnly Datum(Random random) => Begin.AddDays(random.Next(2) == 0 ? random.Next(0, 6 * 365) : 100 * random.Next(0, 6));

    // Each array is one append: its lines share one moment; moments increase, sometimes by a single millisecond.
    private static List<Logregel> Genummerd(params Logregel[][] appends) => Genummerd(appends, new Random(0));

    private static List<Logregel> Genummerd(Logregel[][] appends, Random random)
    {
        var log = new List<Logregel>();
        var op = Start;
        foreach (var append in appends)
        {
            op = op.AddMilliseconds(random.Next(1, 3) == 1 ? 1 : random.Next(2, 100_000));
            var eerste = log.Count + 1;
            log.AddRange(append.Select((r, i) => r.Nummer(eerste + i, op)));
        }

        return log;
    }

    private static Logregel Revisie(string item, DateOnly vanaf, string? titel = null) => Logregel.Nieuw(new Revisie("", Itemsoorten.Oplossingsrichting, item, vanaf, default,
        Oplossingsrichting: new OplossingsrichtingInhoud("zorg", titel ?? item, "o", [], [], [], "p", false, [])));

    private static Logregel Status(string item, string status, DateOnly peildatum, string? vervangt = null) =>
        Logregel.Nieuw(new Statusregel("", item, status, peildatum, "afgeleid", new Bron("b", null), null, vervangt, default));
}
