using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Seed;

namespace VoortgangApi.Core.Import;

/// <summary>
/// What a store seeded from an earlier version of the seed needs to say what the corrected seed says, the way a
/// ministry corrects: a status entry that reads differently is replaced by a correction that names it (<c>vervangt</c>),
/// a text that reads differently gets a revision from the same date, and what is new is added. Nothing is removed or
/// rewritten: the old lines stay in the history and the vastgesteld snapshots stay as they were frozen. What the log
/// said that the seed no longer says at all (a status of an item in a letter that did not report it) cannot be taken
/// back by an append; it stays visible in the history.
/// </summary>
public static class SeedCorrecties
{
    public static IReadOnlyList<Logregel> Bereken(SeedSet seed, IReadOnlyList<Logregel> log)
    {
        var nieuw = new List<Logregel>();
        var revisies = log.Select(r => r.Revisie).OfType<Revisie>().ToList();
        foreach (var r in seed.Regels.Select(r => r.Revisie).OfType<Revisie>())
        {
            // Judged against the log and the revisions decided so far: a correction at an earlier date holds until the next.
            if (InForce(revisies, r) is not { } huidig || !ZegtHetzelfde(huidig, r))
            {
                var revisie = r with { Id = "", VastgelegdOp = default };
                revisies.Add(revisie);
                nieuw.Add(Logregel.Nieuw(revisie));
            }
        }

        var statussen = log.Select(r => r.Status).OfType<Statusregel>().ToList();
        var vervangen = statussen.Select(s => s.Vervangt).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var s in seed.Regels.Select(r => r.Status).OfType<Statusregel>())
        {
            var zelfde = statussen.LastOrDefault(o => o.OplossingsrichtingId == s.OplossingsrichtingId && o.Peildatum == s.Peildatum && !vervangen.Contains(o.Id));
            if (zelfde is null)
            {
                nieuw.Add(Logregel.Nieuw(s));
            }
            else if ((zelfde.Status, zelfde.Zekerheid, zelfde.Bron, zelfde.Toelichting) != (s.Status, s.Zekerheid, s.Bron, s.Toelichting))
            {
                nieuw.Add(Logregel.Nieuw(s with { Vervangt = zelfde.Id }));
            }
        }

        return nieuw;
    }

    /// <summary>Whether the log was made by a seed import: it opens with the seed's first lines (the themes), whatever came later.</summary>
    public static bool IsGeseed(SeedSet seed, IReadOnlyList<Logregel> log)
    {
        var themas = seed.Regels.TakeWhile(r => r.Revisie?.Soort == Itemsoorten.Thema).Select(r => r.Revisie!).ToList();
        return themas.Count > 0 && log.Count >= themas.Count
            && themas.Zip(log).All(p => p.Second.Revisie is { } r && r.Soort == p.First.Soort && r.ItemId == p.First.ItemId && ZegtHetzelfde(r, p.First));
    }

    // The revision of the same item in force at the seed revision's date: the greatest geldigVanaf on or before it, the later-recorded on a tie.
    private static Revisie? InForce(List<Revisie> revisies, Revisie r) =>
        revisies.Where(x => x.Soort == r.Soort && x.ItemId == r.ItemId && x.GeldigVanaf <= r.GeldigVanaf)
            .Select((x, i) => (x, i)).OrderBy(p => p.x.GeldigVanaf).ThenBy(p => p.i).Select(p => p.x).LastOrDefault();

    // What a revision says, without the log's own fields (id, moment).
    private static bool ZegtHetzelfde(Revisie a, Revisie b) => Tekst(a) == Tekst(b);

    private static string Tekst(Revisie r) => System.Text.Json.JsonSerializer.Serialize(
        (object?)r.Thema ?? (object?)r.Knelpunt ?? (object?)r.Partij ?? r.Oplossingsrichting, VoortgangJson.Options);
}
