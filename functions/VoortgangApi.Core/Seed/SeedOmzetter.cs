using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Seed;

// Turns the per-cycle statuses of the seed into the current state (each item's latest known status)
// and into the state as of each historical cycle (only the items that cycle reported on).
internal static class SeedOmzetter
{
    public static SeedSet Zet(SeedDocument d)
    {
        var cycli = d.Rapportagecycli.OrderBy(c => c.Peildatum).ToList();
        var huidig = Stand(d, o => cycli.LastOrDefault(c => o.Statussen.ContainsKey(c.Id)));
        var standen = cycli
            .Select(c => new SeedCyclusStand(c.Id, c.Titel, c.Peildatum, c.Kamerbrief,
                Stand(d, o => o.Statussen.ContainsKey(c.Id) ? c : null)))
            .ToList();
        return new SeedSet(huidig, standen);
    }

    private static VoortgangData Stand(SeedDocument d, Func<SeedOplossingsrichting, SeedCyclus?> kiesCyclus)
    {
        var oplossingsrichtingen = new List<Oplossingsrichting>();
        foreach (var o in d.Oplossingsrichtingen)
        {
            if (kiesCyclus(o) is not { } cyclus)
            {
                continue;
            }

            var s = o.Statussen[cyclus.Id];
            oplossingsrichtingen.Add(new Oplossingsrichting(
                o.Id, o.ThemaId, o.Titel, o.Omschrijving, o.VerantwoordelijkePartijen, o.BetrokkenPartijen,
                o.Planning, o.BuitenAanpak,
                new StatusOpPeildatum(s.Status, cyclus.Peildatum, s.Zekerheid, s.Bron, s.Toelichting),
                o.Bronnen));
        }

        return VoortgangOrde.Sorteer(new VoortgangData(d.Themas, d.Knelpunten, oplossingsrichtingen, d.Partijen));
    }
}
