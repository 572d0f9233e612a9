using VoortgangApi.Core.Model;
using VoortgangApi.Core.Validation;

namespace VoortgangApi.Core.Historie;

/// <summary>The rules a status entry must meet beyond its schema; every violation is named with its JSON path.</summary>
public static class Statusregels
{
    public static List<OngeldigeInvoer> Controleer(StatusInvoer s, string id, Logstand stand, DateOnly vandaag)
    {
        var fouten = new List<OngeldigeInvoer>();
        Datums.Controleer(s.Peildatum, vandaag, "$.peildatum", fouten);
        Bron(s.Zekerheid, s.Bron, s.Peildatum, "$", fouten);
        if (s.Bron.Datum is { } datum)
        {
            Datums.Controleer(datum, vandaag, "$.bron.datum", fouten);
        }

        if (s.Vervangt is { } vervangt)
        {
            var regels = stand.Regels.Select(r => r.Status).OfType<Statusregel>().ToList();
            if (regels.FirstOrDefault(r => r.Id == vervangt) is not { } oud || oud.OplossingsrichtingId != id)
            {
                fouten.Add(new("$.vervangt", "onbekendeStatusregel", $"'{Queries.Parameters.Kort(vervangt)}' is geen statusregel van {id}; zie GET /v1/oplossingsrichtingen/{id}/historie."));
            }
            else if (regels.FirstOrDefault(r => r.Vervangt == vervangt) is { } al)
            {
                fouten.Add(new("$.vervangt", "alVervangen", $"{vervangt} is al vervangen door {al.Id}; vervang die regel als ook die niet klopt."));
            }
        }

        return fouten;
    }

    /// <summary>
    /// The source rules of a status (the seed's and the write API's): the source says what kind it is, and certainty
    /// follows it — "bevestigd" only with a source dated on or before the peildatum (otherwise "afgeleid" or "onbekend").
    /// </summary>
    public static void Bron(string zekerheid, Bron? bron, DateOnly peildatum, string pad, List<OngeldigeInvoer> fouten)
    {
        if (bron is null)
        {
            fouten.Add(new($"{pad}.bron", "bronVereist", "een status noemt altijd de bron waar hij vandaan komt."));
            return;
        }

        if (bron.Soort is null)
        {
            fouten.Add(new($"{pad}.bron.soort", "soortVereist", $"zeg wat voor bron dit is: {string.Join(", ", Bronsoorten.Alle)}."));
        }

        if (zekerheid != "bevestigd")
        {
            return;
        }

        if (bron?.Datum is not { } datum)
        {
            fouten.Add(new($"{pad}.bron.datum", "datumVereist", "'bevestigd' vraagt een bron met een datum (op of vóór de peildatum); anders 'afgeleid'."));
        }
        else if (datum > peildatum)
        {
            fouten.Add(new($"{pad}.bron.datum", "naPeildatum", $"de bron ({datum:yyyy-MM-dd}) is van na de peildatum ({peildatum:yyyy-MM-dd}): dan is de status 'afgeleid', niet 'bevestigd'."));
        }
    }
}

/// <summary>References from an item to themes, parties and problems must exist in the current state.</summary>
public static class Verwijzingen
{
    public static void Controleer(
        string? themaId, IReadOnlyList<string> verantwoordelijk, IReadOnlyList<string> betrokken, IReadOnlyList<string> knelpunten,
        VoortgangData data, List<OngeldigeInvoer> fouten)
    {
        if (themaId is not null && !data.Themas.Any(t => t.Id == themaId))
        {
            fouten.Add(new("$.themaId", "onbekendeWaarde", $"onbekend thema; kies uit: {string.Join(", ", data.Themas.Select(t => t.Id))}."));
        }

        Bestaan(verantwoordelijk, data.Partijen.Select(p => p.Id), "$.verantwoordelijkePartijen", "partij; zie GET /v1/partijen", fouten);
        Bestaan(betrokken, data.Partijen.Select(p => p.Id), "$.betrokkenPartijen", "partij; zie GET /v1/partijen", fouten);
        Bestaan(knelpunten, data.Knelpunten.Select(k => k.Id), "$.knelpunten", "knelpunt; zie GET /v1/knelpunten", fouten);
    }

    private static void Bestaan(IReadOnlyList<string> ids, IEnumerable<string> bekend, string pad, string wat, List<OngeldigeInvoer> fouten)
    {
        var set = bekend.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!set.Contains(ids[i]))
            {
                fouten.Add(new($"{pad}[{i}]", "onbekendeWaarde", $"'{Queries.Parameters.Kort(ids[i])}' is geen bekende {wat}."));
            }
        }

        foreach (var dubbel in ids.GroupBy(x => x, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            fouten.Add(new(pad, "dubbel", $"'{dubbel.Key}' staat er meer dan eens in."));
        }
    }
}
