using System.Globalization;
using VoortgangApi.Core.Model;

namespace VoortgangApi.OpenData;

/// <summary>A column: its name is both the CSV header and the Table Schema field name.</summary>
public sealed record Veld(string Naam, string Type, string Beschrijving, bool Verplicht = true, IReadOnlyList<string>? Keuzes = null);

/// <summary>A foreign key from <paramref name="Veld"/> to the primary key of <paramref name="Tabel"/>.</summary>
public sealed record Verwijzing(string Veld, string Tabel);

/// <summary>What a release is made of: the snapshot, and the status entries it was folded from (null for snapshots older than the log).</summary>
public sealed record Uitgave(VoortgangData Data, IReadOnlyList<Core.Historie.Statusregel>? Historie);

/// <summary>One CSV table of a publication, with its Table Schema and how to fill it from a release.</summary>
public sealed record Tabel(
    string Naam, string Titel, IReadOnlyList<Veld> Velden, IReadOnlyList<Verwijzing> Verwijzingen,
    Func<Uitgave, IEnumerable<string?[]>> Rijen);

/// <summary>The tables of a release. Lists (parties, sources) are joined with ";" so a spreadsheet keeps one row per item.</summary>
public static class Tabellen
{
    private static readonly string[] ThemaIds = ["zakelijke-dienstverlening", "zorg", "politie", "gemeenten", "communicatie-en-media"];

    public static IReadOnlyList<Tabel> Alle { get; } =
    [
        new("themas", "Thema's",
            [new("id", "string", "Slug van het thema."), new("naam", "string", "Naam."), new("omschrijving", "string", "Omschrijving."),
             new("volgorde", "integer", "Volgorde in de Kamerbrief.")],
            [],
            u => u.Data.Themas.Select(t => new[] { t.Id, t.Naam, t.Omschrijving, Getal(t.Volgorde) })),
        new("knelpunten", "Knelpunten",
            [new("id", "string", "Stabiele id, bijvoorbeeld P-ZD-1."), new("themaId", "string", "Thema (themas.id).", Keuzes: ThemaIds),
             new("soort", "string", "ervaren of achtergrond.", Keuzes: ["ervaren", "achtergrond"]), new("omschrijving", "string", "Het ervaren probleem."),
             new("bronnen", "string", "URL's van de bronnen, gescheiden door ';'.", Verplicht: false)],
            [new("themaId", "themas")],
            u => u.Data.Knelpunten.Select(k => new[] { k.Id, k.ThemaId, k.Soort, k.Omschrijving, Urls(k.Bronnen) })),
        new("oplossingsrichtingen", "Oplossingsrichtingen",
            [new("id", "string", "Stabiele id over cycli heen, bijvoorbeeld ZD-02."),
             new("themaId", "string", "Thema (themas.id); leeg voor wat de hele Aanpak betreft.", Verplicht: false, Keuzes: ThemaIds),
             new("titel", "string", "Titel."), new("omschrijving", "string", "Omschrijving."),
             new("status", "string", "Status op de peildatum.", Keuzes: Statussen.Alle), new("peildatum", "date", "Datum waarop de status gold."),
             new("zekerheid", "string", "Hoe zeker de status is.", Keuzes: Zekerheden.Alle),
             new("statusBron", "string", "Titel van de bron van de status (leeg als er nog geen status is vastgelegd).", Verplicht: false), new("statusBronUrl", "string", "URL van die bron.", Verplicht: false),
             new("statusBronSoort", "string", "Soort bron: kamerbrief, nota (van het ministerie), overheid of derden.", Verplicht: false, Keuzes: Bronsoorten.Alle),
             new("statusBronDatum", "date", "Datum van die bron.", Verplicht: false),
             new("statusToelichting", "string", "Toelichting op de status.", Verplicht: false),
             new("verantwoordelijkePartijen", "string", "Ids van verantwoordelijke partijen (partijen.id), gescheiden door ';'.", Verplicht: false),
             new("betrokkenPartijen", "string", "Ids van betrokken partijen (partijen.id), gescheiden door ';'.", Verplicht: false),
             new("planning", "string", "Planning."), new("buitenAanpak", "boolean", "true: initiatief buiten de Aanpak dat bijdraagt."),
             new("bronnen", "string", "URL's van de bronnen, gescheiden door ';'.", Verplicht: false),
             new("vorigeStatus", "string", "De status die vóór deze gold, volgens de vastgelegde historie (leeg als er geen eerdere was of de historie ontbreekt).", Verplicht: false, Keuzes: Statussen.Alle),
             new("statuswijziging", "string", "Of de status veranderde ten opzichte van vorigeStatus en hoe zeker die verandering is: eerste (de eerste status van het item), ongewijzigd, of de zekerheid van de nieuwe status (bevestigd; afgeleid = niet letterlijk door de bron bevestigd; onbekend).", Verplicht: false, Keuzes: ["eerste", "ongewijzigd", .. Zekerheden.Alle]),
             new("statusBronPassage", "string", "De passage van de bron die de status zegt, letterlijk (ten hoogste tien woorden).", Verplicht: false),
             new("statusBronPassageUrl", "string", "Link die de bron op die passage opent (URL-tekstfragment).", Verplicht: false)],
            [new("themaId", "themas")],
            u =>
            {
                var vorige = Statuswijzigingen.Van(u.Historie);
                return u.Data.Oplossingsrichtingen.Select(o =>
                {
                    var (van, wijziging) = vorige(o);
                    return new[]
                    {
                        o.Id, o.ThemaId, o.Titel, o.Omschrijving, o.Status.Status, Datum(o.Status.Peildatum),
                        o.Status.Zekerheid, o.Status.Bron?.Titel, o.Status.Bron?.Url, o.Status.Bron?.Soort, o.Status.Bron?.Datum is { } d ? Datum(d) : null,
                        o.Status.Toelichting,
                        string.Join(';', o.VerantwoordelijkePartijen), string.Join(';', o.BetrokkenPartijen), o.Planning,
                        o.BuitenAanpak ? "true" : "false", Urls(o.Bronnen), van, wijziging, o.Status.Bron?.Passage?.Tekst, o.Status.Bron?.Passage?.Url,
                    };
                });
            }),
        new("partijen", "Partijen",
            [new("id", "string", "Id van de organisatie."), new("naam", "string", "Naam."), new("soort", "string", "Soort organisatie."),
             new("website", "string", "Website.", Verplicht: false)],
            [],
            u => u.Data.Partijen.Select(p => new[] { p.Id, p.Naam, p.Soort, p.Website })),
        new("historie", "Historie van de statussen",
            [new("id", "string", "Id van de statusregel, bijvoorbeeld st-42."), new("oplossingsrichtingId", "string", "De oplossingsrichting (oplossingsrichtingen.id)."),
             new("status", "string", "De status vanaf de peildatum.", Keuzes: Statussen.Alle), new("peildatum", "date", "Vanaf wanneer de status geldt."),
             new("zekerheid", "string", "Hoe zeker de status is.", Keuzes: Zekerheden.Alle),
             new("bronTitel", "string", "Titel van de bron."), new("bronUrl", "string", "URL van de bron.", Verplicht: false),
             new("bronKamerstuk", "string", "Kamerstuknummer van de bron.", Verplicht: false),
             new("bronSoort", "string", "Soort bron.", Verplicht: false, Keuzes: Bronsoorten.Alle), new("bronDatum", "date", "Datum van de bron.", Verplicht: false),
             new("toelichting", "string", "Toelichting.", Verplicht: false),
             new("vervangt", "string", "De statusregel die deze corrigeert (historie.id).", Verplicht: false),
             new("vastgelegdOp", "datetime", "Wanneer de API de regel vastlegde (UTC)."),
             new("bronBekendVanaf", "date", "Voor een bron zonder eigen datum: vanaf wanneer zij bekend kan zijn.", Verplicht: false),
             new("bronTijdsbepaling", "string", "Waarop bronBekendVanaf rust, of waarom de bron niet te dateren is.", Verplicht: false),
             new("bronPassage", "string", "De passage van de bron die de status zegt, letterlijk (ten hoogste tien woorden).", Verplicht: false),
             new("bronPassageGecontroleerd", "boolean", "true: de passage is gecontroleerd tegen een bewaarde kopie van de bron (de nota).", Verplicht: false),
             new("bronPassageUrl", "string", "Link die de bron op die passage opent (URL-tekstfragment).", Verplicht: false)],
            [],
            u => (u.Historie ?? []).Select(s => new[]
            {
                s.Id, s.OplossingsrichtingId, s.Status, Datum(s.Peildatum), s.Zekerheid, s.Bron.Titel, s.Bron.Url, s.Bron.Kamerstuk, s.Bron.Soort,
                s.Bron.Datum is { } d ? Datum(d) : null, s.Toelichting, s.Vervangt,
                s.VastgelegdOp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                s.Bron.BekendVanaf is { } v ? Datum(v) : null, s.Bron.Tijdsbepaling, s.Bron.Passage?.Tekst,
                s.Bron.Passage is { } p ? (p.GecontroleerdTegenKopie ? "true" : "false") : null, s.Bron.Passage?.Url,
            })),
    ];

    /// <summary>The tables of a release: historie only where the snapshot was folded from the log; themaId allows the release's own themes.</summary>
    public static IReadOnlyList<Tabel> Van(Uitgave u)
    {
        var themas = ThemaKeuzes(u.Data);
        return [.. Alle.Where(t => t.Naam != "historie" || u.Historie is not null)
            .Select(t => t with { Velden = [.. t.Velden.Select(v => v.Naam == "themaId" ? v with { Keuzes = themas } : v)] })];
    }

    // The standard programme's five themes, in the letter's order, for every release whose themes are among them (its
    // releases keep their bytes); another programme's release allows its own themes.
    private static string[] ThemaKeuzes(VoortgangData data) =>
        data.Themas.All(t => ThemaIds.Contains(t.Id)) ? ThemaIds : [.. data.Themas.Select(t => t.Id)];

    private static string Datum(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Getal(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Urls(IEnumerable<Bron> bronnen) => string.Join(';', bronnen.Select(b => b.Url).OfType<string>());
}
