namespace VoortgangApi.Core.Seed;

// Rules a JSON Schema cannot express: unique ids and references between the seed's parts.
internal static class SeedSamenhang
{
    public static List<string> Controleer(SeedDocument d)
    {
        var fouten = new List<string>();
        Uniek(d.Themas.Select(t => t.Id), "$.themas", fouten);
        Uniek(d.Partijen.Select(p => p.Id), "$.partijen", fouten);
        Uniek(d.Knelpunten.Select(k => k.Id), "$.knelpunten", fouten);
        Uniek(d.Rapportagecycli.Select(c => c.Id), "$.rapportagecycli", fouten);
        Uniek(d.Oplossingsrichtingen.Select(o => o.Id), "$.oplossingsrichtingen", fouten);

        var themas = d.Themas.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var partijen = d.Partijen.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var cycli = d.Rapportagecycli.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var knelpunten = d.Knelpunten.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);

        for (var i = 0; i < d.Knelpunten.Count; i++)
        {
            var k = d.Knelpunten[i];
            Bestaat(themas, k.ThemaId, $"$.knelpunten[{i}].themaId", "thema", fouten);
            Geplaatst(k.Bronnen, $"$.knelpunten[{i}].bronnen", fouten);
            // A problem is reported by a source: a stated date before every (dated) source has nothing that reports it then.
            if (k.GeldigVanaf is { } vanaf && SeedOmzetter.Vanaf(vanaf, k.Bronnen, d.BronnenGeraadpleegdOp) != vanaf)
            {
                fouten.Add($"$.knelpunten[{i}].geldigVanaf: regel 'voorDeBron' geschonden: {vanaf:yyyy-MM-dd} ligt vóór elke bron van het knelpunt");
            }
        }

        // A party is reported by the items that name it; one that no item names would hold without a source.
        var genoemd = d.Oplossingsrichtingen.SelectMany(o => o.VerantwoordelijkePartijen.Concat(o.BetrokkenPartijen)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < d.Partijen.Count; i++)
        {
            if (!genoemd.Contains(d.Partijen[i].Id))
            {
                fouten.Add($"$.partijen[{i}]: regel 'nietGenoemd' geschonden: geen oplossingsrichting noemt partij '{d.Partijen[i].Id}'");
            }
        }

        for (var i = 0; i < d.Oplossingsrichtingen.Count; i++)
        {
            var o = d.Oplossingsrichtingen[i];
            var pad = $"$.oplossingsrichtingen[{i}]";
            if (o.ThemaId is not null)
            {
                Bestaat(themas, o.ThemaId, $"{pad}.themaId", "thema", fouten);
            }
            for (var j = 0; j < o.VerantwoordelijkePartijen.Count; j++)
            {
                Bestaat(partijen, o.VerantwoordelijkePartijen[j], $"{pad}.verantwoordelijkePartijen[{j}]", "partij", fouten);
            }

            for (var j = 0; j < o.BetrokkenPartijen.Count; j++)
            {
                Bestaat(partijen, o.BetrokkenPartijen[j], $"{pad}.betrokkenPartijen[{j}]", "partij", fouten);
            }

            Geplaatst(o.Bronnen, $"{pad}.bronnen", fouten);
            foreach (var (cyclusId, status) in o.Statussen)
            {
                Bestaat(cycli, cyclusId, $"{pad}.statussen.{cyclusId}", "rapportagecyclus", fouten);
                if (d.Rapportagecycli.FirstOrDefault(c => c.Id == cyclusId) is { } cyclus)
                {
                    var schendingen = new List<OngeldigeInvoer>();
                    Historie.Statuseisen.Bron(status.Zekerheid, status.Bron, cyclus.Peildatum, status.Toelichting, $"{pad}.statussen.{cyclusId}", schendingen);
                    fouten.AddRange(schendingen.Select(Tekst));
                    if (status.Bron is { } bron)
                    {
                        Geplaatst([bron], $"{pad}.statussen.{cyclusId}.bron", fouten, enkel: true);
                        // The published data quotes the nota where it confirms: a reader checks the very passage.
                        if (status.Zekerheid == "bevestigd" && bron.Soort == "nota" && bron.Passage is null)
                        {
                            fouten.Add($"{pad}.statussen.{cyclusId}.bron.passage: regel 'passageVereist' geschonden: 'bevestigd' op gezag van de nota citeert de passage die het zegt (ten hoogste {Model.Passage.MaxWoorden} woorden)");
                        }
                    }
                }
            }

            Wijzigingen(d, o, pad, fouten);

            foreach (var cyclusId in o.Teksten?.Keys ?? [])
            {
                Bestaat(cycli, cyclusId, $"{pad}.teksten.{cyclusId}", "rapportagecyclus", fouten);
            }

            for (var j = 0; j < (o.Knelpunten?.Count ?? 0); j++)
            {
                Bestaat(knelpunten, o.Knelpunten![j], $"{pad}.knelpunten[{j}]", "knelpunt", fouten);
            }
        }

        return fouten;
    }

    /// <summary>
    /// A change of status between two letters rests on a source from between them: an undated source cannot carry it,
    /// and one from before the earlier letter only as "afgeleid" (with its reasoning) or "onbekend", so that it reads
    /// so in the letter's differences (<see cref="Historie.Statuseisen.Wijziging"/>, the write API's rule too).
    /// </summary>
    private static void Wijzigingen(SeedDocument d, SeedOplossingsrichting o, string pad, List<string> fouten)
    {
        var opVolgorde = o.Statussen
            .Select(s => (Id: s.Key, Status: s.Value, Cyclus: d.Rapportagecycli.FirstOrDefault(c => c.Id == s.Key)))
            .Where(s => s.Cyclus is not null).OrderBy(s => s.Cyclus!.Peildatum).ToList();
        foreach (var (vorige, nu) in opVolgorde.Zip(opVolgorde.Skip(1)))
        {
            var schendingen = new List<OngeldigeInvoer>();
            Historie.Statuseisen.Wijziging(vorige.Status.Status, vorige.Cyclus!.Peildatum, vorige.Id, nu.Status.Status, nu.Status.Zekerheid, nu.Status.Bron, $"{pad}.statussen.{nu.Id}", schendingen);
            fouten.AddRange(schendingen.Select(Tekst));
        }
    }

    /// <summary>
    /// Every source of the seed is placed in time or says why not: a source without its own date states the date from
    /// which it is known with the reason, or says in tijdsbepaling why it is undated (then the data treats it as known
    /// only from bronnenGeraadpleegdOp, so it places nothing in an earlier letter).
    /// </summary>
    private static void Geplaatst(IReadOnlyList<Model.Bron> bronnen, string pad, List<string> fouten, bool enkel = false)
    {
        for (var i = 0; i < bronnen.Count; i++)
        {
            var b = bronnen[i];
            var bronpad = enkel ? pad : $"{pad}[{i}]";
            if (b.BekendOp() is null && string.IsNullOrWhiteSpace(b.Tijdsbepaling))
            {
                fouten.Add($"{bronpad}.tijdsbepaling: regel 'tijdsbepalingVereist' geschonden: de bron '{b.Titel}' heeft geen datum; geef bekendVanaf met de reden, of zeg waarom zij niet te dateren is");
            }

            if (!enkel)
            {
                var schendingen = new List<OngeldigeInvoer>();
                Historie.Statuseisen.Tijd(b, bronpad, schendingen);
                fouten.AddRange(schendingen.Select(Tekst));
            }
        }
    }

    private static string Tekst(OngeldigeInvoer r) => $"{r.Naam}: regel '{r.Code}' geschonden: {r.Reden}";

    private static void Uniek(IEnumerable<string> ids, string pad, List<string> fouten)
    {
        foreach (var dubbel in ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            fouten.Add($"{pad}: regel 'uniekeId' geschonden: '{dubbel.Key}' komt {dubbel.Count()} keer voor");
        }
    }

    private static void Bestaat(HashSet<string> bekend, string id, string pad, string soort, List<string> fouten)
    {
        if (!bekend.Contains(id))
        {
            fouten.Add($"{pad}: regel 'bestaandeVerwijzing' geschonden: {soort} '{id}' bestaat niet");
        }
    }
}
