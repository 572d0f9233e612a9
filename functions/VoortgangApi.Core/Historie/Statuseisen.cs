using VoortgangApi.Core.Model;
using VoortgangApi.Core.Validation;

namespace VoortgangApi.Core.Historie;

/// <summary>The rules a status entry must meet beyond its schema; every violation is named with its JSON path.</summary>
public static class Statuseisen
{
    public static List<OngeldigeInvoer> Controleer(StatusInvoer s, string id, Logstand stand, DateOnly vandaag)
    {
        var fouten = new List<OngeldigeInvoer>();
        Datums.Controleer(s.Peildatum, vandaag, "$.peildatum", fouten);
        Bron(s.Zekerheid, s.Bron, s.Peildatum, s.Toelichting, "$", fouten);
        if (s.Bron.Datum is { } datum)
        {
            Datums.Controleer(datum, vandaag, "$.bron.datum", fouten);
        }

        if (s.Vervangt is { } vervangt)
        {
            // Status ids are derived from their line number (st-12), so the entry is one lookup, not a pass over the log.
            if (stand.StatusMetId(vervangt) is not { } oud || oud.OplossingsrichtingId != id)
            {
                fouten.Add(new("$.vervangt", "onbekendeStatusregel", $"'{Queries.Parameters.Kort(vervangt)}' is geen statusregel van {id}; zie GET /v1/oplossingsrichtingen/{id}/historie."));
            }
            else if (stand.VervangenDoor(vervangt) is { } al)
            {
                fouten.Add(new("$.vervangt", "alVervangen", $"{vervangt} is al vervangen door {al.Id}; vervang die regel als ook die niet klopt."));
            }
        }

        return fouten;
    }

    /// <summary>
    /// The source rules of a status (the seed's and the write API's): the source says what kind it is and is not dated
    /// after the peildatum (a status says what could be known then, so no snapshot ever cites a later document);
    /// "bevestigd" needs a dated source; "afgeleid" says in its toelichting why. So a source without a date can
    /// support a status only as "afgeleid" (with the reasoning) or "onbekend".
    /// </summary>
    public static void Bron(string zekerheid, Bron? bron, DateOnly peildatum, string? toelichting, string pad, List<OngeldigeInvoer> fouten)
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

        if (bron.Datum is { } datum && datum > peildatum)
        {
            fouten.Add(new($"{pad}.bron.datum", "naPeildatum", $"de bron ({datum:yyyy-MM-dd}) is van na de peildatum ({peildatum:yyyy-MM-dd}): een status noemt alleen wat op de peildatum bekend kon zijn; kies een latere peildatum of een eerdere bron."));
        }

        if (zekerheid == "bevestigd" && bron.Datum is null)
        {
            fouten.Add(new($"{pad}.bron.datum", "datumVereist", "'bevestigd' vraagt een bron met een datum (op of vóór de peildatum); anders 'afgeleid', met een toelichting."));
        }

        if (zekerheid == "afgeleid" && string.IsNullOrWhiteSpace(toelichting))
        {
            fouten.Add(new($"{pad}.toelichting", "toelichtingVereist", "'afgeleid' zegt in de toelichting waarom de status uit de bron volgt."));
        }
    }

    /// <summary>A revision's sources are dated on or before its geldigVanaf: a text cannot cite what was not yet written.</summary>
    public static void Bronnen(IReadOnlyList<Bron> bronnen, DateOnly geldigVanaf, string pad, List<OngeldigeInvoer> fouten)
    {
        for (var i = 0; i < bronnen.Count; i++)
        {
            if (bronnen[i].Datum is { } datum && datum > geldigVanaf)
            {
                fouten.Add(new($"{pad}[{i}].datum", "naGeldigVanaf", $"de bron ({datum:yyyy-MM-dd}) is van na geldigVanaf ({geldigVanaf:yyyy-MM-dd}); een tekst kan geen latere bron noemen."));
            }
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
