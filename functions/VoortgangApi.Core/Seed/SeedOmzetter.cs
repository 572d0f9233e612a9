using VoortgangApi.Core.Historie;

namespace VoortgangApi.Core.Seed;

// Turns the seed into history: themes, parties and problems hold from the first cycle; per cycle (oldest first)
// a revision for every solution direction that appears or whose texts changed, then that cycle's statuses as
// entries with the cycle's peildatum. The current state and each cycle's state are folds of these lines.
internal static class SeedOmzetter
{
    public static SeedSet Zet(SeedDocument d)
    {
        var cycli = d.Rapportagecycli.OrderBy(c => c.Peildatum).ToList();
        var begin = cycli[0].Peildatum;
        var regels = new List<Logregel>();
        regels.AddRange(d.Themas.Select(t => Logregel.Nieuw(new Revisie("", Itemsoorten.Thema, t.Id, begin, default, Thema: t))));
        regels.AddRange(d.Partijen.Select(p => Logregel.Nieuw(new Revisie("", Itemsoorten.Partij, p.Id, begin, default, Partij: p))));
        regels.AddRange(d.Knelpunten.Select(k => Logregel.Nieuw(new Revisie("", Itemsoorten.Knelpunt, k.Id, begin, default, Knelpunt: k))));

        var laatste = new Dictionary<string, OplossingsrichtingInhoud>(StringComparer.Ordinal);
        foreach (var c in cycli)
        {
            foreach (var o in d.Oplossingsrichtingen.Where(o => laatste.ContainsKey(o.Id) || o.Statussen.ContainsKey(c.Id)))
            {
                var inhoud = Inhoud(o, c.Id);
                if (!laatste.TryGetValue(o.Id, out var eerder) || !Gelijk(eerder, inhoud))
                {
                    regels.Add(Logregel.Nieuw(new Revisie("", Itemsoorten.Oplossingsrichting, o.Id, c.Peildatum, default, Oplossingsrichting: inhoud)));
                    laatste[o.Id] = inhoud;
                }
            }

            foreach (var o in d.Oplossingsrichtingen.Where(o => o.Statussen.ContainsKey(c.Id)))
            {
                var s = o.Statussen[c.Id];
                regels.Add(Logregel.Nieuw(new Statusregel("", o.Id, s.Status, c.Peildatum, s.Zekerheid, s.Bron, s.Toelichting, null, default)));
            }
        }

        // Numbered as an import into an empty log numbers them, so examples and tests can name the same ids.
        var genummerd = regels.Select((r, i) => r.Nummer(i + 1, DateTimeOffset.UnixEpoch)).ToList();
        var huidig = Vouw.Stand(genummerd, DateOnly.MaxValue, DateTimeOffset.MaxValue);
        var standen = cycli
            .Select(c => new SeedCyclusStand(c.Id, c.Titel, c.Peildatum, c.Kamerbrief, Vouw.Stand(genummerd, c.Peildatum, DateTimeOffset.MaxValue)))
            .ToList();
        return new SeedSet(huidig, standen, [.. regels]);
    }

    private static OplossingsrichtingInhoud Inhoud(SeedOplossingsrichting o, string cyclusId)
    {
        var t = o.Teksten?.GetValueOrDefault(cyclusId);
        return new OplossingsrichtingInhoud(o.ThemaId, t?.Titel ?? o.Titel, t?.Omschrijving ?? o.Omschrijving,
            o.VerantwoordelijkePartijen, o.BetrokkenPartijen, o.Knelpunten ?? [], t?.Planning ?? o.Planning, o.BuitenAanpak, o.Bronnen);
    }

    private static bool Gelijk(OplossingsrichtingInhoud a, OplossingsrichtingInhoud b) =>
        System.Text.Json.JsonSerializer.Serialize(a, VoortgangJson.Options) == System.Text.Json.JsonSerializer.Serialize(b, VoortgangJson.Options);
}
