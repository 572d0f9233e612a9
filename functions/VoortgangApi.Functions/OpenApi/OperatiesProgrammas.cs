using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using VoortgangApi.Functions.Programmas;
using static VoortgangApi.Functions.OpenApi.Doc;

namespace VoortgangApi.Functions.OpenApi;

/// <summary>
/// The programmes as a resource, and the programme-scoped twin of every operation: its documentation is the
/// operation's own, with the programme in the path and without the standard programme's fixed list of themes.
/// </summary>
internal static class OperatiesProgrammas
{
    internal static ParameterDoc ProgrammaId => Pad("programmaId", "Id van het programma (zie /programmas).", Tekst("^[a-z0-9]+(-[a-z0-9]+)*$", 60), "aanpak-sekswerkers");

    private static readonly JsonNode ToegangVoorbeeld = JsonNode.Parse("""
        {"rollen":{"Voortgang.Vastleggen":["00000000-0000-4000-8000-000000000001"],"Cycli.Beheren":["00000000-0000-4000-8000-000000000002"]}}
        """)!;

    public static Dictionary<string, OperatieDoc> Alle(Voorbeelden v, AntwoordDoc[] lezen, AntwoordDoc[] beheer) => new(StringComparer.Ordinal)
    {
        ["getProgrammas"] = new("Programma's", "Alle programma's",
            "De voortgangsprogramma's van het ministerie, elk met titel, ministeries, de laatste Kamerbrief en de actuele aantallen per status; per pagina.",
            [Query("page", "Paginanummer, vanaf 1.", Geheel(1, 100_000, 1), JsonValue.Create(1)), Query("pageSize", "Aantal per pagina.", Geheel(1, 100, 20), JsonValue.Create(20))],
            [Ok(200, "Eén pagina programma's.", "ProgrammasPagina", v.ProgrammasPagina(), "Link"), Fout(400, "Ongeldige queryparameters."), .. Operaties.Altijd()]),
        ["getProgramma"] = new("Programma's", "Eén programma",
            "Titel, omschrijving, ministeries, de eigen thema's (met aantallen per status), de rapportagecycli en links naar alle bronnen van het programma.",
            [ProgrammaId], [Ok(200, "Het programma.", "Programma", v.Programma()), .. lezen]),
        ["putProgramma"] = new("Programma's", "Programma aanmaken of wijzigen (beheer)",
            "Maakt een programma aan (zonder If-Match, of met If-None-Match: *) of wijzigt het (If-Match met de ETag van GET). Een nieuw programma heeft nog geen " +
            "thema's en geen ambtenaren: geef die daarna met PUT …/themas/{themaId} en PUT …/toegang. Rol Programmas.Beheren; elke wijziging wordt intern vastgelegd met wie haar deed.",
            [ProgrammaId, Operaties.Header("If-Match", "Verplicht bij wijzigen: de ETag van de huidige versie.", "\"814c544dc1bd5ae142ad0b92c067f356\""),
                Operaties.Header("If-None-Match", "* om alleen aan te maken als het programma nog niet bestaat.", "*")],
            [
                Ok(200, "Programma gewijzigd.", "Programma", v.Programma(), "ETag", "Cache-Control"),
                Ok(201, "Programma aangemaakt.", "Programma", v.Programma(), "ETag", "Location", "Cache-Control"),
                .. beheer, Fout(412, "If-Match of If-None-Match klopt niet."), Fout(413, "Body groter dan 64 KiB."),
                Fout(415, "Body is geen application/json."), Fout(428, "If-Match ontbreekt bij het wijzigen van een bestaand programma."),
            ],
            "ProgrammaInvoer", JsonNode.Parse("""{"titel":"Voorbeeldprogramma (fictief)","omschrijving":"Een verzonnen programma om de API te proberen.","ministeries":["Ministerie van Justitie en Veiligheid"]}""")),
        ["getProgrammaToegang"] = new("Programma's", "Ambtenaren van een programma (beheer)",
            "Per app-rol (Voortgang.Vastleggen, Cycli.Beheren) de Entra-object-id's van de gebruikers en groepen die die rol in dit programma mogen gebruiken. " +
            "Intern: object-id's zijn persoonsgegevens, dus alleen voor Programmas.Beheren en nooit gecachet.",
            [ProgrammaId],
            [Ok(200, "De toegang.", "Programmatoegang", ToegangVoorbeeld, "Cache-Control"), Fout(400, "Ongeldige programmaId."), Fout(404, "Onbekend programma."), .. Operaties.Altijd()]),
        ["putProgrammaToegang"] = new("Programma's", "Ambtenaren van een programma vastleggen (beheer)",
            "Vervangt de lijst: wie een rol heeft in Entra ID maar hier niet staat, krijgt in dit programma 403. If-Match met de ETag van GET …/toegang. " +
            "Zo komt een programma erbij zonder de Entra-registratie te wijzigen of opnieuw uit te rollen.",
            [ProgrammaId, Operaties.Header("If-Match", "De ETag van GET …/toegang.", "\"814c544dc1bd5ae142ad0b92c067f356\"")],
            [
                Ok(200, "De nieuwe toegang.", "Programmatoegang", ToegangVoorbeeld, "ETag", "Cache-Control"),
                .. beheer, Fout(404, "Onbekend programma."), Fout(412, "If-Match klopt niet."), Fout(413, "Body groter dan 64 KiB."),
                Fout(415, "Body is geen application/json."), Fout(428, "If-Match ontbreekt."),
            ],
            "Programmatoegang", ToegangVoorbeeld),
        ["putProgrammaThema"] = new("Thema's", "Thema van een programma aanmaken of herzien (beheer)",
            "Een programma brengt zijn eigen thema's mee. Aanmaken zonder If-Match; herzien met If-Match (de ETag van GET). Een herziening is een nieuwe tekst in het logboek, " +
            "geldig vanaf geldigVanaf; eerdere teksten blijven in de historie.",
            [ProgrammaId, Pad("themaId", "Slug van het thema.", Tekst("^[a-z]+(-[a-z]+)*$", 60), "zorg"),
                Operaties.Header("If-Match", "Verplicht bij herzien: de ETag van de huidige versie.", "\"814c544dc1bd5ae142ad0b92c067f356\"")],
            [
                Ok(200, "Thema herzien.", "ThemaDetail", v.Thema(), "ETag", "Cache-Control"),
                Ok(201, "Thema aangemaakt.", "ThemaDetail", v.Thema(), "ETag", "Location", "Cache-Control"),
                .. beheer, Fout(404, "Onbekend programma."), Fout(412, "If-Match klopt niet."), Fout(413, "Body groter dan 64 KiB."),
                Fout(415, "Body is geen application/json."), Fout(428, "If-Match ontbreekt bij het herzien van een bestaand thema."),
            ],
            "ThemaInvoer", JsonNode.Parse("""{"naam":"Voorbeeldthema (fictief)","omschrijving":"Een verzonnen thema.","volgorde":1}""")),
    };

    /// <summary>
    /// The documentation of each programme-scoped function that has none of its own: that of the function on the same
    /// path without /programmas/{programmaId} and the same method, with the programme's id in front.
    /// </summary>
    public static IEnumerable<(string Naam, OperatieDoc Doc)> Tweelingen(IReadOnlyList<HttpFunctie> functies, IReadOnlyDictionary<string, OperatieDoc> docs)
    {
        foreach (var f in functies.Where(f => f.Route.StartsWith(Programmaroute.Pad, StringComparison.Ordinal) && !docs.ContainsKey(f.Naam)).DistinctBy(f => f.Naam))
        {
            var route = "v1/" + f.Route[Programmaroute.Pad.Length..];
            var tweeling = functies.FirstOrDefault(g => g.Route == route && g.Methode == f.Methode);
            if (tweeling is not null && docs.TryGetValue(tweeling.Naam, out var doc))
            {
                yield return (f.Naam, doc with
                {
                    Samenvatting = doc.Samenvatting + " (per programma)",
                    Beschrijving = doc.Beschrijving + $" Binnen één programma; {tweeling.Pad} is hetzelfde voor het standaardprogramma.",
                    Parameters = [ProgrammaId, .. doc.Parameters.Select(ZonderVasteThemas)],
                });
            }
        }
    }

    // The standard programme's five themes are an enum on its paths; another programme has its own.
    private static ParameterDoc ZonderVasteThemas(ParameterDoc p) => p.Naam switch
    {
        "themaId" => p with { Schema = Tekst("^[a-z]+(-[a-z]+)*$", 60), Beschrijving = "Slug van een thema van dit programma." },
        "thema" when p.Lijst => p with
        {
            Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Tekst("^[a-z]+(-[a-z]+)*$", 60), MaxItems = 50, UniqueItems = true },
            Beschrijving = "Alleen deze thema's van dit programma (slugs, met komma's).",
        },
        _ => p,
    };
}
