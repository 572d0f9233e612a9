using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Seed;

// Turns the seed into history so that nothing holds before a source could report it. Themes hold from the first
// cycle. A solution direction appears with its first status, a party with the first item that names it, a problem
// from its geldigVanaf or its earliest source, whichever is later. Every item's texts cite only the sources known on
// or before the date they hold from (a source's date, else its bekendVanaf, else — undated — bronnenGeraadpleegdOp):
// a source known later enters by a revision on that date. So a cycle's snapshot (the fold at its peildatum) never
// cites anything written after it, and an undated source appears in no letter before the data was compiled.
internal static class SeedOmzetter
{
    public static SeedSet Zet(SeedDocument d)
    {
        var cycli = d.Rapportagecycli.OrderBy(c => c.Peildatum).ToList();
        var begin = cycli[0].Peildatum;
        var regels = new List<(DateOnly Datum, int Soort, Logregel Regel)>();
        regels.AddRange(d.Themas.Select(t => (begin, 0, Logregel.Nieuw(new Revisie("", Itemsoorten.Thema, t.Id, begin, default, Thema: t)))));

        var geraadpleegd = d.BronnenGeraadpleegdOp;
        var knelpuntVanaf = d.Knelpunten.ToDictionary(k => k.Id, k => Vanaf(k.GeldigVanaf ?? begin, k.Bronnen, geraadpleegd), StringComparer.Ordinal);
        foreach (var k in d.Knelpunten)
        {
            regels.AddRange(Versies(knelpuntVanaf[k.Id], k.Bronnen.Select(b => (DateOnly?)Bekend(b, geraadpleegd)), datum => k.Met(Tot(k.Bronnen, datum, geraadpleegd)))
                .Select(v => (v.Datum, 1, Logregel.Nieuw(new Revisie("", Itemsoorten.Knelpunt, k.Id, v.Datum, default, Knelpunt: (Knelpunt)v.Inhoud)))));
        }

        var verschijnt = d.Oplossingsrichtingen.Where(o => o.Statussen.Count > 0)
            .ToDictionary(o => o.Id, o => cycli.First(c => o.Statussen.ContainsKey(c.Id)).Peildatum, StringComparer.Ordinal);
        foreach (var p in d.Partijen)
        {
            var noemers = d.Oplossingsrichtingen.Where(o => verschijnt.ContainsKey(o.Id) && o.VerantwoordelijkePartijen.Concat(o.BetrokkenPartijen).Contains(p.Id)).ToList();
            var vanaf = noemers.Count == 0 ? begin : noemers.Min(o => verschijnt[o.Id]);
            regels.Add((vanaf, 1, Logregel.Nieuw(new Revisie("", Itemsoorten.Partij, p.Id, vanaf, default, Partij: p))));
        }

        foreach (var o in d.Oplossingsrichtingen.Where(o => verschijnt.ContainsKey(o.Id)))
        {
            var wissels = cycli.Select(c => (DateOnly?)c.Peildatum).Concat(o.Bronnen.Select(b => (DateOnly?)Bekend(b, geraadpleegd))).Concat((o.Knelpunten ?? []).Select(k => (DateOnly?)knelpuntVanaf.GetValueOrDefault(k)));
            regels.AddRange(Versies(verschijnt[o.Id], wissels, datum => Inhoud(o, cycli, datum, knelpuntVanaf, geraadpleegd))
                .Select(v => (v.Datum, 2, Logregel.Nieuw(new Revisie("", Itemsoorten.Oplossingsrichting, o.Id, v.Datum, default, Oplossingsrichting: (OplossingsrichtingInhoud)v.Inhoud)))));
        }

        foreach (var c in cycli)
        {
            regels.AddRange(d.Oplossingsrichtingen.Where(o => o.Statussen.ContainsKey(c.Id)).Select(o =>
            {
                var s = o.Statussen[c.Id];
                return (c.Peildatum, 3, Logregel.Nieuw(new Statusregel("", o.Id, s.Status, c.Peildatum, s.Zekerheid, Gekoppeld(s.Bron), s.Toelichting, null, default)));
            }));
        }

        // In date order (revisions before the statuses of that date), numbered as an import into an empty log numbers
        // them, so examples and tests can name the same ids.
        var geordend = regels.OrderBy(r => r.Datum).ThenBy(r => r.Soort).Select(r => r.Regel).ToList();
        var genummerd = geordend.Select((r, i) => r.Nummer(i + 1, DateTimeOffset.UnixEpoch)).ToList();
        var huidig = Vouw.Stand(genummerd, DateOnly.MaxValue, DateTimeOffset.MaxValue);
        var standen = cycli
            .Select(c => new SeedCyclusStand(c.Id, c.Titel, c.Peildatum, c.Kamerbrief, Vouw.Stand(genummerd, c.Peildatum, DateTimeOffset.MaxValue)))
            .ToList();
        return new SeedSet(huidig, standen, geordend);
    }

    /// <summary>From when something can hold: not before <paramref name="vanaf"/>, nor before its earliest source is known.</summary>
    internal static DateOnly Vanaf(DateOnly vanaf, IReadOnlyList<Bron> bronnen, DateOnly geraadpleegd) =>
        bronnen.Count > 0 && bronnen.Min(b => Bekend(b, geraadpleegd)) is var eerste && eerste > vanaf ? eerste : vanaf;

    /// <summary>When the seed holds a source as known: its date, its stated bekendVanaf, or — undated — when the sources were read.</summary>
    internal static DateOnly Bekend(Bron b, DateOnly geraadpleegd) => b.BekendOp() ?? geraadpleegd;

    // A quoted passage links into its source (a text fragment); a copy in the data never claims a check it did not have.
    private static Bron Gekoppeld(Bron b) => b.Passage is { } p ? b with { Passage = p.MetLink(b.Url) } : b;

    // The versions of an item from its first date on: one at each date where what it says may change, kept when it differs.
    private static IEnumerable<(DateOnly Datum, object Inhoud)> Versies(DateOnly vanaf, IEnumerable<DateOnly?> wissels, Func<DateOnly, object> inhoud)
    {
        string? vorige = null;
        foreach (var datum in wissels.OfType<DateOnly>().Where(w => w > vanaf).Append(vanaf).Distinct().Order())
        {
            var versie = inhoud(datum);
            var json = System.Text.Json.JsonSerializer.Serialize(versie, versie.GetType(), VoortgangJson.Options);
            if (json != vorige)
            {
                vorige = json;
                yield return (datum, versie);
            }
        }
    }

    private static IReadOnlyList<Bron> Tot(IReadOnlyList<Bron> bronnen, DateOnly datum, DateOnly geraadpleegd) =>
        [.. bronnen.Where(b => Bekend(b, geraadpleegd) <= datum).Select(Gekoppeld)];

    // The texts as they read at the date: those of the latest cycle by then (Teksten holds where they differed then).
    private static OplossingsrichtingInhoud Inhoud(SeedOplossingsrichting o, List<SeedCyclus> cycli, DateOnly datum, Dictionary<string, DateOnly> knelpuntVanaf, DateOnly geraadpleegd)
    {
        var cyclus = cycli.LastOrDefault(c => c.Peildatum <= datum);
        var t = cyclus is null ? null : o.Teksten?.GetValueOrDefault(cyclus.Id);
        return new OplossingsrichtingInhoud(o.ThemaId, t?.Titel ?? o.Titel, t?.Omschrijving ?? o.Omschrijving,
            o.VerantwoordelijkePartijen, o.BetrokkenPartijen, [.. (o.Knelpunten ?? []).Where(k => knelpuntVanaf.GetValueOrDefault(k, DateOnly.MaxValue) <= datum)],
            t?.Planning ?? o.Planning, o.BuitenAanpak, Tot(o.Bronnen, datum, geraadpleegd));
    }
}
