using System.Text.Json.Nodes;
using VoortgangApi.Core.Invulblad;
using static VoortgangApi.Functions.OpenApi.Doc;

namespace VoortgangApi.Functions.OpenApi;

/// <summary>The documentation of the ministry's workflow: the invulblad round trip and the beheer page.</summary>
internal static class OperatiesBeheer
{
    public static Dictionary<string, OperatieDoc> Alle(AntwoordDoc[] beheer) => new(StringComparer.Ordinal)
    {
        ["getInvulblad"] = new("Beheer", "Invulblad downloaden (beheer)",
            "Een Excel-werkmap (.xlsx; Content-Disposition noemt het bestand invulblad-JJJJ-MM-DD.xlsx) met één rij per oplossingsrichting: id, thema, titel en de huidige status met peildatum, zekerheid en bron (vergrendeld), " +
            "en lege gele kolommen voor een nieuwe status (status, peildatum, zekerheid, bron: titel, soort, datum, url, kamerstuk; toelichting), " +
            "met keuzelijsten voor status, zekerheid en bronsoort en een blad Uitleg met de kolommen en de regels. Wordt nooit gecachet.",
            [], [new(200, "Het invulblad.", null, Xlsx, ["Content-Disposition", "Cache-Control"]), Fout(400, "Onbekende queryparameter."), .. Operaties.Altijd()]),
        ["postInvulblad"] = new("Beheer", "Invulblad uploaden: proef of toepassen (beheer)",
            "Het ingevulde invulblad als body (Content-Type " + Xlsx + "). Met proef=true wordt niets vastgelegd: het verslag noemt per rij wat er vastgelegd zou worden, " +
            "wat ongewijzigd blijft (niets ingevuld, of gelijk aan de huidige status) en elke fout met blad, rij en kolom, volgens dezelfde regels als POST …/statussen. " +
            "Zonder proef worden alle ingevulde rijen in één keer vastgelegd, of geen enkele (400 met elke fout in invalidParams, als Invulblad!I5). " +
            "Dezelfde inhoud nogmaals uploaden legt niets nieuws vast en geeft het verslag van de eerste keer (herhaald: true, Idempotent-Replayed). " +
            $"Het hele bestand wordt geweigerd als het geen .xlsx is, macro's bevat, een formule heeft waar een waarde hoort, een gewijzigde kopregel heeft, " +
            $"of een id dat de API niet kent of dat twee keer voorkomt. Grenzen: {Invulbladregels.MaxBytes / (1024 * 1024)} MiB, {XlsxLezer.MaxUitgepakt / (1024 * 1024)} MiB uitgepakt, " +
            $"{XlsxLezer.MaxOnderdelen} onderdelen, {XlsxLezer.MaxRijen} rijen, {Invulbladregels.MaxIngevuld} ingevulde rijen.",
            [Query("proef", "true: alleen controleren, niets vastleggen.", Tekst(null, 5, "true", "false"), JsonValue.Create("true"))],
            [
                Ok(200, "Het verslag van een proef, of van een eerdere upload met dezelfde inhoud (herhaald), of: niets te doen.", "Invulbladverslag", Voorbeeld(true), "Cache-Control", "Idempotent-Replayed"),
                Ok(201, "Vastgelegd: het verslag noemt per rij de statusregel.", "Invulbladverslag", Voorbeeld(false), "Cache-Control"),
                Fout(400, "Een ongeldig bestand, of (zonder proef) een rij met een fout; invalidParams noemt elke cel."),
                Fout(413, "Het bestand is te groot, uitgepakt te groot, of heeft te veel rijen."),
                Fout(415, "De body is geen " + Xlsx + "."),
                .. beheer.Where(a => a.Status != 400),
            ],
            BodyMediatype: Xlsx),
        ["getBeheer"] = new("Beheer", "Beheerpagina",
            "De pagina voor ambtenaren (HTML, NL Design System): aanmelden met OpenID Connect (code + PKCE), statussen bekijken en vastleggen, " +
            "het invulblad downloaden, als proef uploaden en toepassen, een cyclus plannen, haar concept en de verschillen met de vorige brief bekijken, vaststellen en publiceren. " +
            "De pagina zelf is openbaar; wat ze doet, vraagt een token met de juiste rol.",
            [], [new(200, "De beheerpagina.", null, "text/html", []), .. Operaties.Altijd()]),
        ["getBeheerBestand"] = new("Beheer", "Bestand van de beheerpagina", "Het script, de aanmeldbibliotheek en de stijlen van de beheerpagina.",
            [Pad("bestand", "Naam van het bestand.", Tekst(null, null, [.. Beheerpagina.Bestanden.Typen.Keys]), "beheer.js")],
            [new(200, "Het bestand.", null, "application/javascript", []), Fout(400, "Geen geldige bestandsnaam."), Fout(404, "Onbekend bestand."), .. Operaties.Altijd()]),
    };

    // A dry run with one row to record and one unchanged, and the same rows applied; visibly fictional, in the shape of the real answer.
    private static JsonObject Voorbeeld(bool proef)
    {
        var status = Voorbeelden.StatusInvoer();
        return new JsonObject
        {
            ["proef"] = proef, ["geldig"] = true, ["herhaald"] = false, ["sha256"] = "9f2c1a7e4b3d5f60718293a4b5c6d7e8f90123456789abcdef0123456789abcd",
            ["vastleggen"] = 1, ["ongewijzigd"] = 1, ["fouten"] = 0,
            ["rijen"] = new JsonArray(
                proef
                    ? new JsonObject { ["rij"] = 2, ["id"] = "CM-01", ["uitkomst"] = "vastleggen", ["reden"] = "wordt vastgelegd als nieuwe status", ["status"] = status, ["fouten"] = new JsonArray() }
                    : new JsonObject { ["rij"] = 2, ["id"] = "CM-01", ["uitkomst"] = "vastgelegd", ["reden"] = "vastgelegd als st-120", ["status"] = status, ["statusregelId"] = "st-120", ["fouten"] = new JsonArray() },
                new JsonObject { ["rij"] = 3, ["id"] = "CM-02", ["uitkomst"] = "ongewijzigd", ["reden"] = "niets ingevuld", ["fouten"] = new JsonArray() }),
        };
    }
}
