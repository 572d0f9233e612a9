using System.Text.Json.Nodes;
using static VoortgangApi.Functions.OpenApi.Doc;

namespace VoortgangApi.Functions.OpenApi;

/// <summary>The documentation of the progress log's operations: history, change feed, problems, parties, and the writes.</summary>
internal static class OperatiesHistorie
{
    public static Dictionary<string, OperatieDoc> Alle(Voorbeelden v, AntwoordDoc[] lezen, AntwoordDoc[] beheer)
    {
        AntwoordDoc[] schrijven = [.. beheer, Fout(413, "Body groter dan 64 KiB."), Fout(415, "Body is geen application/json.")];
        AntwoordDoc[] revisie = [.. schrijven, Fout(412, "If-Match komt niet overeen (iemand anders wijzigde het intussen), of If-None-Match: * terwijl het al bestaat."),
            Fout(428, "If-Match ontbreekt bij het wijzigen van iets dat al bestaat.")];
        var knelpuntId = Pad("id", "Stabiele id van het knelpunt.", Tekst("^P-[A-Z]{2}-[0-9]{1,3}$", 8), "P-ZD-1");
        var partijId = Pad("id", "Id van de organisatie.", Tekst("^[a-z0-9]+(-[a-z0-9]+)*$", 60), "vng");
        ParameterDoc[] voorwaarden =
        [
            Operaties.Header("If-Match", "Verplicht bij herzien: de ETag uit GET of uit het vorige antwoord.", "\"814c544dc1bd5ae142ad0b92c067f356\""),
            Operaties.Header("If-None-Match", "* om alleen aan te maken als het nog niet bestaat.", "*"),
        ];
        return new(StringComparer.Ordinal)
        {
            ["getHistorie"] = new("Oplossingsrichtingen", "Historie van een oplossingsrichting",
                "Elke statusregel en elke revisie van de teksten, in volgorde van vastleggen, met bronnen, vastgelegdOp en correcties (vervangt / vervangenDoor). Er wordt nooit iets overschreven of verwijderd.",
                [Operaties.OplossingsrichtingId], [Ok(200, "De historie.", "Historie", v.Historie()), Fout(400, "Onbekende queryparameter."), Fout(404, "Onbekende oplossingsrichting."), .. Operaties.Altijd()]),
            ["getStatusregel"] = new("Oplossingsrichtingen", "Eén statusregel",
                "Een vastgelegde statusregel; verandert nooit.",
                [Operaties.OplossingsrichtingId, Pad("statusId", "Id van de statusregel.", Tekst("^st-[0-9]{1,12}$", 15), v.StatusregelId)],
                [Ok(200, "De statusregel.", "Statusregel", v.Statusregel()), Fout(400, "Onbekende queryparameter."), Fout(404, "Onbekende statusregel."), .. Operaties.Altijd()]),
            ["postStatus"] = new("Oplossingsrichtingen", "Status vastleggen (beheer)",
                "Legt een status vast vanaf een peildatum, met bron en zekerheid. Een vergissing corrigeert u met een nieuwe regel die de oude noemt in vervangt; beide blijven zichtbaar. " +
                "Met Idempotency-Key levert een herhaald verzoek (zelfde sleutel, zelfde body) de eerste regel terug in plaats van een tweede; dezelfde sleutel met een andere body geeft 422.",
                [Operaties.OplossingsrichtingId, Operaties.Header("Idempotency-Key", "Optioneel: een unieke sleutel per vastlegging (1–200 zichtbare ASCII-tekens), zodat een herhaling niets dubbel vastlegt.", "0b8f7c1e-3a52-4d2e-9b51-4f3c2a1d9e77")],
                [
                    Ok(201, "Vastgelegd (of, bij een herhaling met dezelfde Idempotency-Key, de eerder vastgelegde regel).", "Statusregel", v.Statusregel(), "Location", "Cache-Control", "Idempotent-Replayed"),
                    .. schrijven, Fout(404, "Onbekende oplossingsrichting."), Fout(422, "Deze Idempotency-Key is al gebruikt voor een ander verzoek."),
                ],
                "StatusregelInvoer", Voorbeelden.StatusInvoer()),
            ["putOplossingsrichting"] = new("Oplossingsrichtingen", "Oplossingsrichting aanmaken of herzien (beheer)",
                "Legt nieuwe teksten vast als revisie (geldig vanaf geldigVanaf). Aanmaken met If-None-Match: *, herzien met If-Match en de huidige ETag.",
                [Operaties.OplossingsrichtingId, .. voorwaarden],
                [
                    Ok(200, "Herzien.", "Oplossingsrichting", v.Oplossingsrichting(), "ETag", "Cache-Control"),
                    Ok(201, "Aangemaakt.", "Oplossingsrichting", v.Oplossingsrichting(), "ETag", "Location", "Cache-Control"),
                    .. revisie,
                ],
                "OplossingsrichtingInvoer", Voorbeelden.OplossingsrichtingInvoer()),
            ["getKnelpunten"] = new("Knelpunten", "Alle knelpunten",
                "De problemen die sekswerkers ervaren (en achtergrond uit onderzoek of media), elk met de oplossingsrichtingen die erop ingaan.",
                [.. Operaties.Moment, Lijst("thema", "Alleen deze thema's.", ["zakelijke-dienstverlening", "zorg", "politie", "gemeenten", "communicatie-en-media"], "politie")],
                [Ok(200, "De knelpunten.", "Knelpunten", v.Knelpunten()), .. lezen]),
            ["getKnelpunt"] = new("Knelpunten", "Eén knelpunt", "Een knelpunt met de oplossingsrichtingen die erop ingaan.",
                [knelpuntId, .. Operaties.Moment], [Ok(200, "Het knelpunt.", "KnelpuntDetail", v.Knelpunt()), .. lezen]),
            ["putKnelpunt"] = new("Knelpunten", "Knelpunt aanmaken of herzien (beheer)",
                "Legt een nieuwe tekst vast als revisie. Aanmaken met If-None-Match: *, herzien met If-Match en de huidige ETag.",
                [knelpuntId, .. voorwaarden],
                [
                    Ok(200, "Herzien.", "KnelpuntDetail", v.Knelpunt(), "ETag", "Cache-Control"),
                    Ok(201, "Aangemaakt.", "KnelpuntDetail", v.Knelpunt(), "ETag", "Location", "Cache-Control"),
                    .. revisie,
                ],
                "KnelpuntInvoer", Voorbeelden.KnelpuntInvoer()),
            ["getPartij"] = new("Partijen", "Eén partij", "Een organisatie met de oplossingsrichtingen waarvoor zij verantwoordelijk is of waarbij zij betrokken is.",
                [partijId, .. Operaties.Moment], [Ok(200, "De partij.", "PartijDetail", v.Partij()), .. lezen]),
            ["putPartij"] = new("Partijen", "Partij aanmaken of herzien (beheer)",
                "Legt nieuwe gegevens van een organisatie vast als revisie. Alleen organisaties, nooit personen.",
                [partijId, .. voorwaarden],
                [
                    Ok(200, "Herzien.", "PartijDetail", v.Partij(), "ETag", "Cache-Control"),
                    Ok(201, "Aangemaakt.", "PartijDetail", v.Partij(), "ETag", "Location", "Cache-Control"),
                    .. revisie,
                ],
                "PartijInvoer", Voorbeelden.PartijInvoer()),
            ["getWijzigingen"] = new("Wijzigingen", "Wijzigingenfeed",
                "Elke statusregel en revisie in volgorde van vastleggen. Begin zonder na; ga verder met ?na={cursor} (of volg Link: rel=\"next\"). Het logboek heeft geen gaten: wie pagina voor pagina leest, krijgt elke regel precies één keer.",
                [
                    Query("na", "Cursor uit een eerder antwoord; weglaten om vooraan te beginnen.", Tekst("^[A-Za-z0-9_-]+$", 40), JsonValue.Create(Core.Queries.HistorieQueries.MaakCursor(0))),
                    Query("pageSize", "Aantal regels per pagina.", Geheel(1, Core.Queries.HistorieQueries.MaxPageSize, Core.Queries.HistorieQueries.StandaardPageSize), JsonValue.Create(2)),
                ],
                [Ok(200, "Eén pagina van de feed.", "Wijzigingen", v.Wijzigingen(), "Link"), Fout(400, "Ongeldige cursor of pageSize."), .. Operaties.Altijd()]),
            ["deleteRapportagecyclus"] = new("Rapportagecycli", "Geplande cyclus annuleren (beheer)",
                "Annuleert een cyclus die nog gepland is (met If-Match en de ETag van de cyclus). Een vastgestelde cyclus blijft altijd bestaan: 409.",
                [Operaties.CyclusId, Operaties.Header("If-Match", "Verplicht: de ETag van de cyclus.", "\"814c544dc1bd5ae142ad0b92c067f356\"")],
                [
                    new(204, "Geannuleerd.", null, "", []),
                    .. beheer, Fout(404, "Onbekende cyclus."), Fout(412, "If-Match komt niet overeen."), Fout(428, "If-Match ontbreekt."),
                ]),
        };
    }
}
