using System.Text.Json;
using System.Text.Json.Nodes;
using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Queries;
using VoortgangApi.Core.Seed;
using VoortgangApi.Functions.Http;

namespace VoortgangApi.Functions.OpenApi;

/// <summary>
/// Response examples made from the seed with the same types and serializer as the real responses, so every
/// example is real data and valid against its schema (a test checks that).
/// </summary>
public sealed partial class Voorbeelden(SeedSet seed, string basisUrl)
{
    private const string Voorbeeldmoment = "2024-11-18T12:00:00.000Z";

    public JsonNode Themas() => Json(new ThemaLijst([.. seed.Huidig.Themas.Select(t => ThemaSamenvatting.Van(t, seed.Huidig))]));

    public JsonNode Thema() => Json(ThemaDetail.Van(seed.Huidig.Themas.Single(t => t.Id == "zorg"), seed.Huidig));

    public JsonNode Oplossingsrichting() => Json(seed.Huidig.Oplossingsrichtingen.Single(o => o.Id == "ZD-03"));

    public JsonNode Partijen() => Json(new PartijLijst([.. seed.Huidig.Partijen.Take(3)]));

    public JsonNode OplossingsrichtingenPagina()
    {
        var gemeenten = seed.Huidig.Oplossingsrichtingen.Where(o => o.ThemaId == "gemeenten").ToList();
        string Url(int page) => $"{basisUrl}/oplossingsrichtingen?page={page}&pageSize=2&thema=gemeenten";
        return Json(new Dictionary<string, object>
        {
            ["_links"] = new Dictionary<string, Link>
            {
                ["self"] = new(Url(1)), ["first"] = new(Url(1)), ["last"] = new(Url(3)), ["next"] = new(Url(2)),
            },
            ["totaal"] = gemeenten.Count,
            ["page"] = 1,
            ["pageSize"] = 2,
            ["aantalPaginas"] = 3,
            ["oplossingsrichtingen"] = gemeenten.Take(2).ToList(),
        });
    }

    public JsonNode Rapportagecyclus() => Json(Cycli()[^1]);

    /// <summary>The standard programme as GET /programmas/{programmaId} shows it, from the seed.</summary>
    public JsonNode Programma() => Json(ProgrammaDetail());

    public JsonNode ProgrammasPagina()
    {
        var d = ProgrammaDetail();
        string Url(int page) => $"{basisUrl}/programmas?page={page}&pageSize=20";
        return Json(new Dictionary<string, object>
        {
            ["_links"] = new Dictionary<string, Link> { ["self"] = new(Url(1)), ["first"] = new(Url(1)), ["last"] = new(Url(1)) },
            ["totaal"] = 1, ["page"] = 1, ["pageSize"] = 20, ["aantalPaginas"] = 1,
            ["programmas"] = new[] { new Core.Programmas.ProgrammaSamenvatting(d.Id, d.Titel, d.Ministeries, d.LaatsteBrief, d.AantalOplossingsrichtingen, d.AantalPerStatus, d.Links) },
        });
    }

    private Core.Programmas.ProgrammaDetail ProgrammaDetail()
    {
        var o = new Programmas.ProgrammaOptions();
        var laatste = seed.Cycli[^1];
        var basis = $"/api/v1/programmas/{o.StandaardId}";
        return new(o.StandaardId, o.StandaardTitel, o.StandaardOmschrijving, o.StandaardMinisteries,
            new CyclusKort(laatste.Id, laatste.Titel, laatste.Peildatum, laatste.Kamerbrief), seed.Huidig.Oplossingsrichtingen.Count,
            Statussen.Alle.ToDictionary(s => s, s => seed.Huidig.Oplossingsrichtingen.Count(x => x.Status.Status == s)),
            [.. seed.Huidig.Themas.Select(t => ThemaSamenvatting.Van(t, seed.Huidig))],
            [.. seed.Cycli.Select(c => new Core.Programmas.CyclusInProgramma(c.Id, c.Titel, c.Peildatum, Toestanden.Vastgesteld))],
            new Dictionary<string, Core.Programmas.Koppeling> { ["self"] = new(basis), ["themas"] = new($"{basis}/themas"), ["rapportagecycli"] = new($"{basis}/rapportagecycli") });
    }

    public JsonNode Overzicht()
    {
        var laatste = seed.Cycli[^1];
        var v = Verschillen.Bereken("huidig", seed.Huidig, laatste.Id, laatste.Stand);
        return Json(new Core.Queries.Overzicht(
            new CyclusKort(laatste.Id, laatste.Titel, laatste.Peildatum, laatste.Kamerbrief),
            [.. seed.Huidig.Themas.Select(t =>
            {
                var s = ThemaSamenvatting.Van(t, seed.Huidig);
                return new ThemaOverzicht(t.Id, t.Naam, t.Volgorde, s.AantalOplossingsrichtingen, s.AantalPerStatus, new VerschilAantallen(0, 0, 0, 0));
            })],
            v.Statusovergangen,
            new OpenDataLinks("http://127.0.0.1:10000/devstoreaccount1/open-data/v1/catalogus.jsonld",
                "http://127.0.0.1:10000/devstoreaccount1/open-data/v1/latest.json", "http://127.0.0.1:10000/devstoreaccount1/open-data/v1/feed.atom"),
            OverzichtQueries.PerZekerheid(seed.Huidig)));
    }

    public JsonNode Rapportagecycli() => Json(new CyclusLijst(Cycli()));

    public JsonNode Concept()
    {
        var vorige = seed.Cycli[^1];
        // A fictional cycle: no such letter exists; the id says so wherever the example is shown.
        var v = Verschillen.Bereken("fictief-voorbeeld", seed.Huidig, vorige.Id, vorige.Stand);
        return Json(new Core.Cycli.Concept("fictief-voorbeeld", new DateOnly(2025, 5, 1), true, new DateTimeOffset(2025, 5, 2, 9, 30, 0, TimeSpan.Zero), 118,
            Core.Cycli.Canoniek.Hash(seed.Huidig), Core.Cycli.Canoniek.Tel(seed.Huidig), vorige.Id,
            v with { Statusovergangen = [.. v.Statusovergangen.Take(2)], Gewijzigd = [.. v.Gewijzigd.Take(1)] },
            "/api/v1/oplossingsrichtingen?peildatum=2025-05-01"));
    }

    public JsonNode Verschil()
    {
        var v = Verschillen.Bereken("najaar-2024", seed.Cycli[1].Stand, "aanpak-2023", seed.Cycli[0].Stand);
        return Json(v with { Statusovergangen = [.. v.Statusovergangen.Where(s => s.Id.StartsWith("ZD", StringComparison.Ordinal))], Gewijzigd = [.. v.Gewijzigd.Take(1)] });
    }

    public static JsonNode Publicatie() => Json(new OpenData.PublicatieUitkomst(
        "najaar-2024", "http://127.0.0.1:10000/devstoreaccount1/open-data/v1/cycli/najaar-2024/", 9, 9));

    public static JsonNode Plan() => JsonNode.Parse("""
        {"titel":"Fictief voorbeeld: een geplande voortgangsbrief (bestaat niet)","peildatum":"2025-11-15","kamerbrief":{"datum":"2025-11-20"}}
        """)!;

    public static JsonNode Probleem(int status, string titel, string detail, string instance, IReadOnlyList<InvalidParam>? fouten = null) =>
        Json(new ProblemBody("about:blank", titel, status, detail, instance, fouten));

    // The seed cycles as they read once vastgesteld; the moment is illustrative, the hash and counts are real.
    private List<Rapportagecyclus> Cycli() =>
        [.. seed.Cycli.Select(c => new Rapportagecyclus(c.Id, c.Titel, c.Peildatum, c.Kamerbrief, Toestanden.Vastgesteld,
            new MomentopnameInfo(DateTimeOffset.Parse(Voorbeeldmoment, System.Globalization.CultureInfo.InvariantCulture), Canoniek.Hash(c.Stand), Canoniek.Tel(c.Stand))))];

    private static JsonNode Json(object waarde) => JsonSerializer.SerializeToNode(waarde, waarde.GetType(), VoortgangJson.Options)!;
}
