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
        // The status this one changes: the item's status in force the day before its peildatum, as the log says now
        // (one item's entries, not a fold of the whole programme on every write).
        if (stand.StatusInForce(id, s.Peildatum.AddDays(-1)) is { } vorige)
        {
            Wijziging(vorige.Status, vorige.Peildatum, vorige.Id, s.Status, s.Zekerheid, s.Bron, "$", fouten);
        }

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
    /// The source rules of a status (the seed's and the write API's): the source says what kind it is and is not known
    /// only after the peildatum (a status says what could be known then, so no snapshot ever cites a later document);
    /// "bevestigd" needs a source placed in time (its date, or a stated date from which it is known); "afgeleid" says
    /// in its toelichting why. So an undated source can support a status only as "afgeleid" (with the reasoning) or
    /// "onbekend".
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

        Tijd(bron, $"{pad}.bron", fouten);
        if (bron.BekendOp() is { } datum && datum > peildatum)
        {
            var veld = bron.Datum is null ? "bekendVanaf" : "datum";
            fouten.Add(new($"{pad}.bron.{veld}", "naPeildatum", $"de bron (bekend vanaf {datum:yyyy-MM-dd}) is van na de peildatum ({peildatum:yyyy-MM-dd}): een status noemt alleen wat op de peildatum bekend kon zijn; kies een latere peildatum of een eerdere bron."));
        }

        if (zekerheid == "bevestigd" && bron.BekendOp() is null)
        {
            fouten.Add(new($"{pad}.bron.datum", "datumVereist", "'bevestigd' vraagt een bron die in de tijd geplaatst is: met een datum, of met bekendVanaf en de reden in tijdsbepaling (op of vóór de peildatum); anders 'afgeleid', met een toelichting."));
        }

        if (zekerheid == "afgeleid" && string.IsNullOrWhiteSpace(toelichting))
        {
            fouten.Add(new($"{pad}.toelichting", "toelichtingVereist", "'afgeleid' zegt in de toelichting waarom de status uit de bron volgt."));
        }
    }

    /// <summary>
    /// A change of status rests on a source from after the status it changes (for a letter: after the previous letter's
    /// peildatum). An undated source cannot carry a change at all; a source from before the previous status can carry it
    /// only as "afgeleid" (with the reasoning) or "onbekend", and then reads so in the differences.
    /// </summary>
    public static void Wijziging(string vorigeStatus, DateOnly vorigePeildatum, string wat, string status, string zekerheid, Bron? bron, string pad, List<OngeldigeInvoer> fouten)
    {
        if (status == vorigeStatus || bron is null)
        {
            return;
        }

        if (bron.BekendOp() is not { } datum)
        {
            fouten.Add(new($"{pad}.bron.datum", "ongedateerdeWijziging", $"de status verandert van {vorigeStatus} ({wat}, {vorigePeildatum:yyyy-MM-dd}) naar {status}, maar de bron is ongedateerd: " +
                "een bron zonder plaats in de tijd kan geen wijziging dragen; geef de datum, of bekendVanaf met de reden, of leg geen nieuwe status vast."));
        }
        else if (zekerheid == "bevestigd" && datum <= vorigePeildatum)
        {
            fouten.Add(new($"{pad}.bron.datum", "wijzigingZonderNieuweBron", $"de status verandert van {vorigeStatus} ({wat}, {vorigePeildatum:yyyy-MM-dd}) naar {status}, maar de bron is van {datum:yyyy-MM-dd}, " +
                "niet van daarna; noem een bron van na die datum, of maak de wijziging 'afgeleid' met de redenering in de toelichting."));
        }
    }

    /// <summary>
    /// A source as the write API records it: a quoted passage gets its link, and is marked as not checked against a
    /// kept copy whatever the body claims (only the seed's check against the stored nota may say so).
    /// </summary>
    public static Bron Ingevoerd(Bron b) => b.Passage is { } p ? b with { Passage = new Passage((p.Tekst ?? "").Trim(), false).MetLink(b.Url) } : b;

    /// <summary>A source is placed in time, or says why it cannot be: a stated date needs its reason, a quoted passage its limit.</summary>
    public static void Tijd(Bron bron, string pad, List<OngeldigeInvoer> fouten)
    {
        if (bron.BekendVanaf is not null && string.IsNullOrWhiteSpace(bron.Tijdsbepaling))
        {
            fouten.Add(new($"{pad}.tijdsbepaling", "tijdsbepalingVereist", "bekendVanaf zegt in tijdsbepaling waarop die datum rust (de maand in de titel, de gebeurtenis waarover de bron bericht)."));
        }

        if (bron.Datum is not null && bron.BekendVanaf is not null)
        {
            fouten.Add(new($"{pad}.bekendVanaf", "datumEnBekendVanaf", "een bron met een eigen datum heeft geen bekendVanaf nodig; laat een van beide weg."));
        }

        if (bron.Passage is { } p && (p.Woorden() > Passage.MaxWoorden || p.Woorden() == 0))
        {
            fouten.Add(new($"{pad}.passage.tekst", "passageLengte", $"een passage is 1 tot {Passage.MaxWoorden} woorden, letterlijk uit de bron; deze heeft er {p.Woorden()}."));
        }
    }

    /// <summary>
    /// A new item or knelpunt that rests only on undated sources cannot hold before today: an undated source is known
    /// from the day it is recorded, not earlier, so it places nothing in an earlier letter.
    /// </summary>
    public static void Plaatsing(IReadOnlyList<Bron> bronnen, DateOnly geldigVanaf, DateOnly vandaag, bool bestaat, List<OngeldigeInvoer> fouten)
    {
        if (!bestaat && bronnen.Count > 0 && bronnen.All(b => b.BekendOp() is null) && geldigVanaf < vandaag)
        {
            fouten.Add(new("$.geldigVanaf", "ongedateerdePlaatsing", $"alle bronnen zijn ongedateerd, dus bekend vanaf vandaag ({vandaag:yyyy-MM-dd}), niet vanaf {geldigVanaf:yyyy-MM-dd}; " +
                "geef een bron met een datum of bekendVanaf, of laat geldigVanaf weg."));
        }
    }

    /// <summary>A revision's sources are known on or before its geldigVanaf: a text cannot cite what was not yet written.</summary>
    public static void Bronnen(IReadOnlyList<Bron> bronnen, DateOnly geldigVanaf, string pad, List<OngeldigeInvoer> fouten)
    {
        for (var i = 0; i < bronnen.Count; i++)
        {
            Tijd(bronnen[i], $"{pad}[{i}]", fouten);
            if (bronnen[i].BekendOp() is { } datum && datum > geldigVanaf)
            {
                var veld = bronnen[i].Datum is null ? "bekendVanaf" : "datum";
                fouten.Add(new($"{pad}[{i}].{veld}", "naGeldigVanaf", $"de bron (bekend vanaf {datum:yyyy-MM-dd}) is van na geldigVanaf ({geldigVanaf:yyyy-MM-dd}); een tekst kan geen latere bron noemen."));
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
