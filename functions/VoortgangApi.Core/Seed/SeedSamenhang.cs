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
            // A problem is reported by a source: a stated date before every (dated) source has nothing that reports it then.
            if (k.GeldigVanaf is { } vanaf && SeedOmzetter.Vanaf(vanaf, k.Bronnen) != vanaf)
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

            foreach (var (cyclusId, status) in o.Statussen)
            {
                Bestaat(cycli, cyclusId, $"{pad}.statussen.{cyclusId}", "rapportagecyclus", fouten);
                if (d.Rapportagecycli.FirstOrDefault(c => c.Id == cyclusId) is { } cyclus)
                {
                    var schendingen = new List<OngeldigeInvoer>();
                    Historie.Statuseisen.Bron(status.Zekerheid, status.Bron, cyclus.Peildatum, status.Toelichting, $"{pad}.statussen.{cyclusId}", schendingen);
                    fouten.AddRange(schendingen.Select(r => $"{r.Naam}: regel '{r.Code}' geschonden: {r.Reden}"));
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
    /// A confirmed change of status between two letters rests on a source from between them: an undated source, or one
    /// from before the earlier letter, cannot tell that anything changed since. Such a change is "afgeleid" (with its
    /// reasoning) or "onbekend", and then reads so in the letter's differences.
    /// </summary>
    private static void Wijzigingen(SeedDocument d, SeedOplossingsrichting o, string pad, List<string> fouten)
    {
        var opVolgorde = o.Statussen
            .Select(s => (Id: s.Key, Status: s.Value, Cyclus: d.Rapportagecycli.FirstOrDefault(c => c.Id == s.Key)))
            .Where(s => s.Cyclus is not null).OrderBy(s => s.Cyclus!.Peildatum).ToList();
        foreach (var (vorige, nu) in opVolgorde.Zip(opVolgorde.Skip(1)))
        {
            if (nu.Status.Status != vorige.Status.Status && nu.Status.Zekerheid == "bevestigd" && !(nu.Status.Bron?.Datum > vorige.Cyclus!.Peildatum))
            {
                var bron = nu.Status.Bron?.Datum is { } datum ? $"van {datum:yyyy-MM-dd}" : "ongedateerd";
                fouten.Add($"{pad}.statussen.{nu.Id}.bron.datum: regel 'wijzigingZonderNieuweBron' geschonden: de status verandert van {vorige.Status.Status} ({vorige.Id}) " +
                    $"naar {nu.Status.Status}, maar de bron is {bron}, niet van na de peildatum van {vorige.Id} ({vorige.Cyclus!.Peildatum:yyyy-MM-dd}); " +
                    "noem een bron van tussen de twee brieven, of maak de wijziging 'afgeleid' met de redenering in de toelichting");
            }
        }
    }

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
