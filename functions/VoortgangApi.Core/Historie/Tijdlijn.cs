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

    private Tijdlijn(Kopinhoud kop)
    {
        Regels = new Regelreeks();
        Volledig = false;
        KopVanaf = kop.Vanaf;
        KopBekendVanaf = kop.BekendVanaf;
        _kopWinnaars.UnionWith(kop.Winnaars);
    }

    /// <summary>The head of a checkpoint as an index: it answers the current state without the lines before it (see <see cref="Dekt"/>).</summary>
    public static Tijdlijn VanKop(Kopinhoud kop)
    {
        var t = new Tijdlijn(kop);
        foreach (var r in kop.Regels)
        {
            t.Voeg(r);
        }

        return t;
    }

    /// <summary>The lines in number order; only a whole index (<see cref="Volledig"/>) has them.</summary>
    public Regelreeks Regels { get; }

    /// <summary>False for a checkpoint's head: it holds per item only the entries from the one in force at <see cref="KopVanaf"/> on.</summary>
    public bool Volledig { get; } = true;

    public DateOnly KopVanaf { get; }

    public DateTimeOffset KopBekendVanaf { get; }

    /// <summary>
    /// Whether this index answers (P, T) exactly: a whole one always; a head for P on or after its date and T at or
    /// after its checkpoint, as long as no later correction replaced an entry that was in force at its date (the entry
    /// in force before that one is not in the head).
    /// </summary>
    public bool Dekt(DateOnly peildatum, DateTimeOffset bekendOp) =>
        Volledig || (!_kopOngeldig && peildatum >= KopVanaf && bekendOp >= KopBekendVanaf);

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
            if (s.Vervangt is { } vervangt)
            {
                _vervangenDoor.TryAdd(vervangt, regel); // the first correction is the one that counts from its moment on
                if (_kopWinnaars.Contains(vervangt))
                {
                    _kopOngeldig = true;
                }
            }
        }
        else if (regel.Revisie is { } r)
        {
            Plaats(_revisies, (r.Soort, r.ItemId), new Ingang(regel.Volgnummer, r.GeldigVanaf, regel));
        }
    }

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
    public (List<Logregel> Regels, List<string> Winnaars) Kop(DateOnly vanaf, long tot)
    {
        var regels = new List<Logregel>();
        var winnaars = new List<string>();
        foreach (var (_, ingangen) in _revisies)
        {
            var w = LaatsteIndex(ingangen, vanaf, DateTimeOffset.MaxValue, tot, statussen: false);
            regels.AddRange(ingangen.Skip(Math.Max(w, 0)).Where(i => i.Volgnummer <= tot).Select(i => i.Regel));
        }

        var statusIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, ingangen) in _statussen)
        {
            var w = LaatsteIndex(ingangen, vanaf, DateTimeOffset.MaxValue, tot, statussen: true);
            if (w >= 0)
            {
                winnaars.Add(ingangen[w].Regel.Status!.Id);
            }

            foreach (var i in ingangen.Skip(Math.Max(w, 0)).Where(i => i.Volgnummer <= tot))
            {
                regels.Add(i.Regel);
                statusIds.Add(i.Regel.Status!.Id);
            }
        }

        // Corrections of included entries that are not included themselves (dated before the entry in force).
        var erbij = regels.Select(r => r.Volgnummer).ToHashSet();
        regels.AddRange(_statussen.Values.SelectMany(i => i)
            .Where(i => i.Volgnummer <= tot && i.Regel.Status!.Vervangt is { } v && statusIds.Contains(v) && !erbij.Contains(i.Volgnummer))
            .Select(i => i.Regel));
        regels.Sort((a, b) => a.Volgnummer.CompareTo(b.Volgnummer));
        return (regels, winnaars);
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
