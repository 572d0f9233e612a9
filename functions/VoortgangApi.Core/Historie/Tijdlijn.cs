using System.Collections.Concurrent;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Historie;

/// <summary>
/// The log indexed for the fold: per item its status entries and per (kind, item) its revisions, each ordered by
/// (date, number), and per status the first correction that replaced it. The fold at (peildatum P, bekendOp T) then
/// takes, per item, the last entry dated on or before P that was known at T and not replaced by then — a binary search
/// and a short walk back, instead of a pass over every line since the first. <see cref="Vouw"/> stays the reference:
/// a property test holds the two equal over random logs. Appending a line touches only its own item's entries.
/// </summary>
public sealed class Tijdlijn
{
    private readonly ConcurrentDictionary<string, Ingang[]> _statussen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Soort, string Id), Ingang[]> _revisies = new();
    private readonly ConcurrentDictionary<string, Logregel> _vervangenDoor = new(StringComparer.Ordinal);

    private readonly HashSet<string> _kopWinnaars = new(StringComparer.Ordinal);
    private volatile bool _kopOngeldig;

    public Tijdlijn(long eerste = 1) => Regels = new Regelreeks(eerste);

    private Tijdlijn(DateOnly vanaf, DateOnly tot, DateTimeOffset bekendVanaf, IEnumerable<string> winnaars, IEnumerable<Logregel> regels)
    {
        Regels = new Regelreeks();
        Volledig = false;
        KopVanaf = vanaf;
        KopTot = tot;
        KopBekendVanaf = bekendVanaf;
        _kopWinnaars.UnionWith(winnaars);
        foreach (var r in regels)
        {
            Voeg(r);
        }
    }

    /// <summary>The head of a checkpoint as an index: it answers the current state without the lines before it (see <see cref="Dekt"/>).</summary>
    public static Tijdlijn VanKop(Kopinhoud kop) => new(kop.Vanaf, DateOnly.MaxValue, kop.BekendVanaf, kop.Winnaars, kop.Regels);

    /// <summary>
    /// A checkpoint's window as an index, for the checkpoint's moment <paramref name="bekendVanaf"/>, with the lines
    /// recorded after the checkpoint (<paramref name="staart"/>): it answers the peildata of the window as known from then on.
    /// </summary>
    public static Tijdlijn VanVenster(Vensterinhoud venster, DateTimeOffset bekendVanaf, IEnumerable<Logregel> staart) =>
        new(venster.Van, venster.Tot, bekendVanaf, venster.Winnaars, [.. venster.Regels, .. staart]);

    /// <summary>The lines in number order; only a whole index (<see cref="Volledig"/>) has them.</summary>
    public Regelreeks Regels { get; }

    /// <summary>False for a checkpoint's head: it holds per item only the entries from the one in force at <see cref="KopVanaf"/> on.</summary>
    public bool Volledig { get; } = true;

    public DateOnly KopVanaf { get; }

    /// <summary>The last peildatum a window answers (a head: every date from <see cref="KopVanaf"/> on).</summary>
    public DateOnly KopTot { get; } = DateOnly.MaxValue;

    public DateTimeOffset KopBekendVanaf { get; }

    /// <summary>
    /// Whether this index answers (P, T) exactly: a whole one always; a head for P on or after its date and T at or
    /// after its checkpoint, as long as no later correction replaced an entry that was in force at its date (the entry
    /// in force before that one is not in the head).
    /// </summary>
    public bool Dekt(DateOnly peildatum, DateTimeOffset bekendOp) =>
        Volledig || (!_kopOngeldig && peildatum >= KopVanaf && peildatum <= KopTot && bekendOp >= KopBekendVanaf);

    /// <summary>Adds the next line (its number follows the last one); only the log's one writer calls this.</summary>
    public void Voeg(Logregel regel)
    {
        if (Volledig)
        {
            Regels.Voeg(regel);
        }

        if (regel.Status is { } s)
        {
            Plaats(_statussen, s.OplossingsrichtingId, new Ingang(regel.Volgnummer, s.Peildatum, regel));
            Vervangt(s, regel);
        }
        else if (regel.Revisie is { } r)
        {
            Plaats(_revisies, (r.Soort, r.ItemId), new Ingang(regel.Volgnummer, r.GeldigVanaf, regel));
        }
    }

    // A correction: what it replaces, and whether a head can still answer (not when it replaced an entry the head starts from).
    private void Vervangt(Statusregel s, Logregel regel)
    {
        if (s.Vervangt is { } vervangt)
        {
            _vervangenDoor.TryAdd(vervangt, regel); // the first correction is the one that counts from its moment on
            if (_kopWinnaars.Contains(vervangt))
            {
                _kopOngeldig = true;
            }
        }
    }

    /// <summary>
    /// Adds many next lines at once (in number order): the index <see cref="Voeg"/> builds line by line, but each item's
    /// entries are sorted once instead of its array being copied for every line — reading a whole log is then linear, not
    /// quadratic in the lines per item (a million lines over 200 items: 5,000 copies of arrays of up to 5,000 entries
    /// each). For an index no reader has yet: the arrays are replaced once, at the end.
    /// </summary>
    public void VoegAlle(IEnumerable<Logregel> regels)
    {
        var statussen = new Dictionary<string, List<Ingang>>(StringComparer.Ordinal);
        var revisies = new Dictionary<(string Soort, string Id), List<Ingang>>();
        foreach (var regel in regels)
        {
            if (Volledig)
            {
                Regels.Voeg(regel);
            }

            if (regel.Status is { } s)
            {
                Lijst(statussen, s.OplossingsrichtingId).Add(new Ingang(regel.Volgnummer, s.Peildatum, regel));
                Vervangt(s, regel);
            }
            else if (regel.Revisie is { } r)
            {
                Lijst(revisies, (r.Soort, r.ItemId)).Add(new Ingang(regel.Volgnummer, r.GeldigVanaf, regel));
            }
        }

        // A stable sort by date of the old entries and the new ones (in number order) is where Plaats puts each.
        foreach (var (sleutel, nieuw) in statussen)
        {
            _statussen[sleutel] = [.. _statussen.GetValueOrDefault(sleutel, []).Concat(nieuw).OrderBy(i => i.Datum)];
        }

        foreach (var (sleutel, nieuw) in revisies)
        {
            _revisies[sleutel] = [.. _revisies.GetValueOrDefault(sleutel, []).Concat(nieuw).OrderBy(i => i.Datum)];
        }
    }

    private static List<Ingang> Lijst<TSleutel>(Dictionary<TSleutel, List<Ingang>> lijsten, TSleutel sleutel) where TSleutel : notnull =>
        lijsten.TryGetValue(sleutel, out var lijst) ? lijst : lijsten[sleutel] = [];

    /// <summary>The state at <paramref name="peildatum"/> as known at <paramref name="bekendOp"/>, over the lines up to number <paramref name="tot"/>.</summary>
    public VoortgangData Stand(DateOnly peildatum, DateTimeOffset bekendOp, long tot)
    {
        var revisies = new List<Revisie>();
        foreach (var (_, ingangen) in _revisies)
        {
            if (Laatste(ingangen, peildatum, bekendOp, tot, statussen: false) is { } r)
            {
                revisies.Add(r.Regel.Revisie!);
            }
        }

        var statussen = new Dictionary<string, Statusregel>(StringComparer.Ordinal);
        foreach (var (item, ingangen) in _statussen)
        {
            if (Laatste(ingangen, peildatum, bekendOp, tot, statussen: true) is { } s)
            {
                statussen[item] = s.Regel.Status!;
            }
        }

        return Vouw.Samenstellen(revisies, statussen);
    }

    /// <summary>
    /// The head for a checkpoint at line <paramref name="tot"/>: per item the entry in force at <paramref name="vanaf"/>
    /// (as known at the checkpoint) and every later-ordered one, all entries of an item that has none in force then, and
    /// the corrections of those entries. The ids of the entries in force are kept: a later correction of one of them
    /// makes the head stop answering.
    /// </summary>
    /// <remarks>
    /// With <paramref name="totDatum"/> it is a window: only entries dated up to it, answering the peildata from
    /// <paramref name="vanaf"/> to <paramref name="totDatum"/>. Its cost is the entries it returns and a binary search
    /// per item, not the length of the log.
    /// </remarks>
    public (List<Logregel> Regels, List<string> Winnaars) Kop(DateOnly vanaf, long tot, DateOnly? totDatum = null)
    {
        var eind = totDatum ?? DateOnly.MaxValue;
        var regels = new List<Logregel>();
        var winnaars = new List<string>();
        foreach (var (_, ingangen) in _revisies)
        {
            var w = LaatsteIndex(ingangen, vanaf, DateTimeOffset.MaxValue, tot, statussen: false);
            regels.AddRange(Na(ingangen, w, eind).Where(i => i.Volgnummer <= tot).Select(i => i.Regel));
        }

        var erbij = new HashSet<long>();
        var correcties = new List<Logregel>();
        foreach (var (_, ingangen) in _statussen)
        {
            var w = LaatsteIndex(ingangen, vanaf, DateTimeOffset.MaxValue, tot, statussen: true);
            if (w >= 0)
            {
                winnaars.Add(ingangen[w].Regel.Status!.Id);
            }

            foreach (var i in Na(ingangen, w, eind).Where(i => i.Volgnummer <= tot))
            {
                regels.Add(i.Regel);
                erbij.Add(i.Volgnummer);
                if (_vervangenDoor.TryGetValue(i.Regel.Status!.Id, out var c) && c.Volgnummer <= tot)
                {
                    correcties.Add(c); // what replaced it, from the moment that counts (the first correction)
                }
            }
        }

        // Corrections of included entries that are not included themselves (dated before the entry in force, or after the window).
        regels.AddRange(correcties.Where(c => erbij.Add(c.Volgnummer)));
        regels.Sort((a, b) => a.Volgnummer.CompareTo(b.Volgnummer));
        winnaars.Sort(StringComparer.Ordinal); // the same bytes for the same content, whatever the dictionaries' order
        return (regels, winnaars);
    }

    /// <summary>
    /// The peildata whose windows line <paramref name="regel"/> (recorded at or before <paramref name="tot"/>) can
    /// change: from its date (or, for a correction, the date of the entry it replaced) up to, not including, the date of
    /// the item's next entry that stays in force — after that the entry in force at a window's start is that one. Null
    /// as the end: every later window.
    /// </summary>
    public IEnumerable<(DateOnly Van, DateOnly? Tot)> Bereik(Logregel regel, long tot)
    {
        if (regel.Status is { } s)
        {
            yield return (s.Peildatum, Volgende(_statussen.GetValueOrDefault(s.OplossingsrichtingId, []), regel.Volgnummer, tot, statussen: true));
            if (s.Vervangt is { } v && Logregel.VolgnummerVan(v) is { } n
                && _statussen.GetValueOrDefault(s.OplossingsrichtingId, []).FirstOrDefault(i => i.Volgnummer == n) is { Regel: not null } vervangen)
            {
                yield return (vervangen.Datum, Volgende(_statussen[s.OplossingsrichtingId], n, tot, statussen: true));
            }
        }
        else if (regel.Revisie is { } r)
        {
            yield return (r.GeldigVanaf, Volgende(_revisies.GetValueOrDefault((r.Soort, r.ItemId), []), regel.Volgnummer, tot, statussen: false));
        }
    }

    /// <summary>The date of every entry up to number <paramref name="tot"/> (statuses and revisions), for dividing the peildata into windows.</summary>
    public IEnumerable<DateOnly> Datums(long tot) =>
        _statussen.Values.Concat(_revisies.Values).SelectMany(i => i).Where(i => i.Volgnummer <= tot).Select(i => i.Datum);

    /// <summary>How many entries (statuses and revisions) are dated on or after <paramref name="van"/>: a binary search per item.</summary>
    public int AantalVanaf(DateOnly van) => van == DateOnly.MinValue
        ? _statussen.Values.Concat(_revisies.Values).Sum(i => i.Length)
        : _statussen.Values.Concat(_revisies.Values).Sum(i => i.Length - NaDatum(i, van.AddDays(-1)));

    // The entries from index w (the one in force; all when none is) up to the last dated on or before the end.
    private static IEnumerable<Ingang> Na(Ingang[] ingangen, int w, DateOnly eind)
    {
        var totIndex = NaDatum(ingangen, eind);
        for (var i = Math.Max(w, 0); i < totIndex; i++)
        {
            yield return ingangen[i];
        }
    }

    // The date of the first entry dated after entry n's date that is known at tot and not replaced then; null when none.
    private DateOnly? Volgende(Ingang[] ingangen, long n, long tot, bool statussen)
    {
        var plek = Array.FindIndex(ingangen, i => i.Volgnummer == n);
        if (plek < 0)
        {
            return null;
        }

        for (var i = NaDatum(ingangen, ingangen[plek].Datum); i < ingangen.Length; i++)
        {
            var e = ingangen[i];
            if (e.Volgnummer <= tot && !(statussen && _vervangenDoor.TryGetValue(e.Regel.Status!.Id, out var c) && c.Volgnummer <= tot))
            {
                return e.Datum;
            }
        }

        return null;
    }

    /// <summary>Status entries known at <paramref name="bekendOp"/> that hold from <paramref name="peildatum"/> or earlier, corrections included, in recording order.</summary>
    public IReadOnlyList<Statusregel> Statusregels(DateOnly peildatum, DateTimeOffset bekendOp, long tot) =>
        [.. _statussen.Values.SelectMany(i => i)
            .Where(i => i.Volgnummer <= tot && i.Datum <= peildatum && i.Regel.VastgelegdOp <= bekendOp)
            .OrderBy(i => i.Volgnummer).Select(i => i.Regel.Status!)];

    /// <summary>An item's status entries up to number <paramref name="tot"/>, in recording order.</summary>
    public IReadOnlyList<Statusregel> StatussenVan(string item, long tot) =>
        _statussen.TryGetValue(item, out var i) ? [.. i.Where(x => x.Volgnummer <= tot).OrderBy(x => x.Volgnummer).Select(x => x.Regel.Status!)] : [];

    /// <summary>An item's revisions of one kind up to number <paramref name="tot"/>, in recording order.</summary>
    public IReadOnlyList<Revisie> RevisiesVan(string soort, string item, long tot) =>
        _revisies.TryGetValue((soort, item), out var i) ? [.. i.Where(x => x.Volgnummer <= tot).OrderBy(x => x.Volgnummer).Select(x => x.Regel.Revisie!)] : [];

    /// <summary>Every item key (<see cref="Itemdelen.Sleutel(Logregel)"/>) this index holds lines of.</summary>
    public IEnumerable<string> Sleutels() =>
        _revisies.Keys.Select(k => Itemdelen.Sleutel(k.Soort, k.Id))
            .Union(_statussen.Keys.Select(i => Itemdelen.Sleutel(Itemsoorten.Oplossingsrichting, i)), StringComparer.Ordinal);

    /// <summary>The lines of one item key up to number <paramref name="tot"/>, in recording order: its revisions and, for a solution direction, its statuses.</summary>
    public List<Logregel> RegelsVan(string sleutel, long tot)
    {
        var scheiding = sleutel.IndexOf('/', StringComparison.Ordinal);
        var (soort, id) = (sleutel[..scheiding], sleutel[(scheiding + 1)..]);
        IEnumerable<Ingang> ingangen = _revisies.GetValueOrDefault((soort, id), []);
        if (soort == Itemsoorten.Oplossingsrichting)
        {
            ingangen = ingangen.Concat(_statussen.GetValueOrDefault(id, []));
        }

        return [.. ingangen.Where(i => i.Volgnummer <= tot).OrderBy(i => i.Volgnummer).Select(i => i.Regel)];
    }

    /// <summary>The item's status entry in force at <paramref name="peildatum"/> as known now, over the lines up to number <paramref name="tot"/> (the rule of <see cref="Stand"/>).</summary>
    public Statusregel? StatusInForce(string item, DateOnly peildatum, long tot) =>
        _statussen.TryGetValue(item, out var ingangen) ? Laatste(ingangen, peildatum, DateTimeOffset.MaxValue, tot, statussen: true)?.Regel.Status : null;

    /// <summary>The first entry up to number <paramref name="tot"/> that replaced status <paramref name="statusId"/>, or null.</summary>
    public Statusregel? VervangenDoor(string statusId, long tot) =>
        _vervangenDoor.TryGetValue(statusId, out var r) && r.Volgnummer <= tot ? r.Status : null;

    // The entry in force: the greatest (date, number) with date ≤ peildatum among those known at bekendOp (and, for a
    // status, not replaced by a correction known then). Later-recorded entries are skipped on the walk back; the walk
    // is as long as the item's entries recorded after bekendOp or replaced, usually none.
    private Ingang? Laatste(Ingang[] ingangen, DateOnly peildatum, DateTimeOffset bekendOp, long tot, bool statussen) =>
        LaatsteIndex(ingangen, peildatum, bekendOp, tot, statussen) is >= 0 and var i ? ingangen[i] : null;

    private int LaatsteIndex(Ingang[] ingangen, DateOnly peildatum, DateTimeOffset bekendOp, long tot, bool statussen)
    {
        for (var i = NaDatum(ingangen, peildatum) - 1; i >= 0; i--)
        {
            var e = ingangen[i];
            if (e.Volgnummer > tot || e.Regel.VastgelegdOp > bekendOp)
            {
                continue;
            }

            if (statussen && _vervangenDoor.TryGetValue(e.Regel.Status!.Id, out var c) && c.Volgnummer <= tot && c.VastgelegdOp <= bekendOp)
            {
                continue;
            }

            return i;
        }

        return -1;
    }

    // The index of the first entry dated after the date (entries are ordered by date, then number).
    private static int NaDatum(Ingang[] ingangen, DateOnly datum)
    {
        int laag = 0, hoog = ingangen.Length;
        while (laag < hoog)
        {
            var midden = (laag + hoog) >>> 1;
            if (ingangen[midden].Datum <= datum)
            {
                laag = midden + 1;
            }
            else
            {
                hoog = midden;
            }
        }

        return laag;
    }

    // A new line has the greatest number so far: it goes after every entry of its item dated on or before its date.
    // The item's array is replaced, not changed, so a reader walking the old one is never disturbed.
    private static void Plaats<TSleutel>(ConcurrentDictionary<TSleutel, Ingang[]> index, TSleutel sleutel, Ingang nieuw) where TSleutel : notnull
    {
        var oud = index.GetValueOrDefault(sleutel, []);
        var plek = NaDatum(oud, nieuw.Datum);
        var meer = new Ingang[oud.Length + 1];
        Array.Copy(oud, meer, plek);
        meer[plek] = nieuw;
        Array.Copy(oud, plek, meer, plek + 1, oud.Length - plek);
        index[sleutel] = meer;
    }

    private readonly record struct Ingang(long Volgnummer, DateOnly Datum, Logregel Regel);
}
