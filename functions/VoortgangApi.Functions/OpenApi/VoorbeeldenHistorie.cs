using System.Globalization;
using System.Text.Json.Nodes;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Queries;
using VoortgangApi.Functions.Http;

namespace VoortgangApi.Functions.OpenApi;

/// <summary>Examples of the progress log, numbered as an import of the seed into an empty log numbers them.</summary>
public sealed partial class Voorbeelden
{
    private static readonly DateTimeOffset Importmoment = DateTimeOffset.Parse("2026-11-28T10:00:00.000Z", CultureInfo.InvariantCulture);

    private List<Logregel> Log => [.. seed.Regels.Select((r, i) => r.Nummer(i + 1, Importmoment))];

    private Statusregel Zd03Status => Log.Select(r => r.Status).OfType<Statusregel>().Last(s => s.OplossingsrichtingId == "ZD-03");

    /// <summary>The id of ZD-03's latest seed status entry: real in every freshly seeded store.</summary>
    public string StatusregelId => Zd03Status.Id;

    public JsonNode Statusregel() => Json(Zd03Status);

    public JsonNode Historie()
    {
        var log = Log;
        var statussen = log.Select(r => r.Status).OfType<Statusregel>().Where(s => s.OplossingsrichtingId == "ZD-03")
            .Select(s => new StatusregelInHistorie(s.Id, s.OplossingsrichtingId, s.Status, s.Peildatum, s.Zekerheid, s.Bron, s.Toelichting, null, null, s.VastgelegdOp));
        var revisies = log.Select(r => r.Revisie).OfType<Revisie>().Where(r => r.ItemId == "ZD-03");
        return Json(new ItemHistorie("ZD-03", [.. statussen], [.. revisies]));
    }

    public JsonNode Knelpunten() =>
        Json(new Functions.KnelpuntLijst([.. seed.Huidig.Knelpunten.Where(k => k.ThemaId == "politie").Select(k => Items.Knelpunt(k, seed.Huidig))]));

    public JsonNode Knelpunt() => Json(Items.Knelpunt(seed.Huidig.Knelpunten.Single(k => k.Id == "P-ZD-1"), seed.Huidig));

    public JsonNode Partij() => Json(Items.Partij(seed.Huidig.Partijen.Single(p => p.Id == "vng"), seed.Huidig));

    public JsonNode Wijzigingen()
    {
        var cursor = HistorieQueries.MaakCursor(2);
        return Json(new Dictionary<string, object>
        {
            ["_links"] = new Dictionary<string, Link>
            {
                ["self"] = new($"{basisUrl}/wijzigingen?pageSize=2"),
                ["next"] = new($"{basisUrl}/wijzigingen?na={cursor}&pageSize=2"),
            },
            ["cursor"] = cursor,
            ["wijzigingen"] = Log.Take(2).ToList(),
        });
    }

    public static JsonNode StatusInvoer() => JsonNode.Parse("""
        {"status":"in_uitvoering","peildatum":"2025-06-01","zekerheid":"afgeleid","toelichting":"Voorbeeld: een fictieve toelichting die alleen de vorm toont.",
         "bron":{"titel":"Voorbeeldbron (fictief)","soort":"derden","datum":"2025-06-01"}}
        """)!;

    public static JsonNode OplossingsrichtingInvoer() => JsonNode.Parse("""
        {"themaId":"zakelijke-dienstverlening","titel":"Voorbeeld: een fictieve oplossingsrichting","omschrijving":"Voorbeeld: een verzonnen omschrijving die alleen de vorm van een herziening toont.",
         "verantwoordelijkePartijen":[],"betrokkenPartijen":["banken"],"knelpunten":["P-ZD-3"],"planning":"Voorbeeld: geen planning bekend.","buitenAanpak":true,"bronnen":[],"geldigVanaf":"2025-06-01"}
        """)!;

    public static JsonNode KnelpuntInvoer() => JsonNode.Parse("""
        {"themaId":"zakelijke-dienstverlening","soort":"ervaren","omschrijving":"Sekswerkers krijgen moeilijk een zakelijke rekening.","bronnen":[]}
        """)!;

    public static JsonNode PartijInvoer() => JsonNode.Parse("""
        {"naam":"Vereniging van Nederlandse Gemeenten","soort":"koepelorganisatie","website":"https://vng.nl"}
        """)!;
}
