using System.Text.Json.Nodes;
using static VoortgangApi.Functions.OpenApi.Doc;

namespace VoortgangApi.Functions.OpenApi;

/// <summary>The documentation of following changes: the Atom feeds per programme, theme and solution direction.</summary>
internal static class OperatiesVolgen
{
    public const string Atom = "application/atom+xml";

    private static ParameterDoc AbonnementId => Pad("abonnementId", "Id van het abonnement.", Tekst("^abo_[0-9a-f]{24}$", 40), "abo_5f0c1e2d3b4a59687766a1b2");

    // Fictional: no such subscription or secret exists.
    private static JsonNode Voorbeeld() => JsonNode.Parse("""
        {"abonnement":{"id":"abo_5f0c1e2d3b4a59687766a1b2","programma":"aanpak-sekswerkers","callback":"https://redactie.voorbeeld.nl/voortgang/haak",
         "themas":[],"items":["ZD-03"],"soorten":[],"toestand":"actief","reden":null,"aangemaaktOp":"2026-12-06T10:15:00Z"},
         "geheim":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}
        """)!;

    public static Dictionary<string, OperatieDoc> Alle()
    {
        var inhoud = $"Eén entry per vastgelegde regel (nieuwe status, herziene tekst, correctie) en per vastgestelde Kamerbrief, de nieuwste {Core.Volgen.Feedqueries.Aantal}: " +
            "met een vaste id (dezelfde in elke feed waarin de regel staat), updated, de titel van het item, de status met zekerheid en bron, en links naar de regel en de historie. " +
            "Sterke ETag (304 op If-None-Match); gecachet als andere actuele gegevens en na elke vastlegging ververst.";
        AntwoordDoc[] fouten = [Fout(400, "Onbekende queryparameter."), .. Operaties.Altijd()];
        return new(StringComparer.Ordinal)
        {
            ["getFeed"] = new("Wijzigingen", "Atom-feed van het programma", "Alle wijzigingen van het programma als Atom-feed (RFC 4287), voor een feedlezer. " + inhoud,
                [], [new(200, "De feed.", null, Atom, ["ETag", "Cache-Control", "Link"]), Fout(404, "Onbekend programma."), .. fouten]),
            ["getThemaFeed"] = new("Wijzigingen", "Atom-feed van een thema",
                "De wijzigingen van één thema: zijn teksten, zijn knelpunten en zijn oplossingsrichtingen. " + inhoud,
                [Pad("themaId", "Slug van het thema.", Tekst("^[a-z0-9]+(-[a-z0-9]+)*$", 60), "zorg")],
                [new(200, "De feed.", null, Atom, ["ETag", "Cache-Control", "Link"]), Fout(404, "Onbekend thema."), .. fouten]),
            ["getOplossingsrichtingFeed"] = new("Wijzigingen", "Atom-feed van een oplossingsrichting",
                "De wijzigingen van één oplossingsrichting: statussen, correcties en herziene teksten. " + inhoud,
                [Operaties.OplossingsrichtingId],
                [new(200, "De feed.", null, Atom, ["ETag", "Cache-Control", "Link"]), Fout(404, "Onbekende oplossingsrichting."), .. fouten]),
            ["postAbonnement"] = new("Wijzigingen", "Webhookabonnement nemen",
                "Vraagt berichten (webhooks volgens Standard Webhooks) bij elke nieuwe regel van het programma, of alleen van bepaalde thema's, oplossingsrichtingen of soorten. " +
                "Eerst bevestigt de callback (verificatie van de intentie, als bij WebSub): de API stuurt GET {callback}?hub.mode=subscribe&hub.topic=…&hub.challenge=…, " +
                "en de callback antwoordt binnen 10 s met 2xx en precies de challenge als body. Pas dan bestaat het abonnement; het antwoord geeft eenmalig het geheim (whsec_…). " +
                "Elke bezorging is een POST met webhook-id, webhook-timestamp en webhook-signature (v1, HMAC-SHA256 over id.timestamp.body met het geheim) en een dunne body " +
                "(type, timestamp, data met ids en URL's). Mislukt een bezorging (geen 2xx binnen 10 s), dan volgt een nieuwe poging na 5 s, 5 min, 30 min, 2 uur, 5 uur, 10 uur en 10 uur, " +
                "met dezelfde webhook-id; daarna wordt het abonnement gepauzeerd. Een bezorging kan herhaald worden (altijd met dezelfde webhook-id). " +
                "Alleen https naar publieke adressen: een callback die (na DNS) naar loopback, een privé-, link-local- of metadata-adres wijst, wordt geweigerd. " +
                "Er wordt niets over de abonnee bewaard behalve de callback-URL.",
                [],
                [
                    new(201, "Abonnement genomen; het geheim staat alleen in dit antwoord.", "NieuwAbonnement", Json, ["Location", "Cache-Control"], Voorbeeld()),
                    Fout(400, "Ongeldige invoer, een verboden adres (verbodenAdres) of een callback die niet bevestigde (nietBevestigd); invalidParams noemt het."),
                    Fout(404, "Onbekend programma."), Fout(413, "Body groter dan 64 KiB."), Fout(415, "Body is geen application/json."),
                    Fout(429, "Te veel aanmeldingen vanaf dit adres, of te veel abonnementen op deze host of in totaal; Retry-After zegt wanneer opnieuw."),
                    Fout(500, "Onverwachte fout; geen details, om niets te lekken."), Fout(503, "Opslag tijdelijk onbereikbaar; probeer het later opnieuw."),
                ],
                "AbonnementInvoer", JsonNode.Parse("""{"callback":"https://redactie.voorbeeld.nl/voortgang/haak","items":["ZD-03"]}""")),
            ["getAbonnement"] = new("Wijzigingen", "Een webhookabonnement lezen",
                "Het abonnement zoals de abonnee het kreeg, met zijn toestand (actief of gepauzeerd, met de reden). Alleen met het geheim in de header Webhook-Secret; nooit gecachet.",
                [AbonnementId],
                [
                    new(200, "Het abonnement.", "Abonnement", Json, ["Cache-Control"], Voorbeeld()["abonnement"]!.DeepClone()),
                    Fout(400, "Webhook-Secret ontbreekt, of een onbekende queryparameter."), Fout(404, "Geen abonnement met dit id en dit geheim."), .. Operaties.Altijd(),
                ],
                MetWebhookGeheim: true),
            ["deleteAbonnement"] = new("Wijzigingen", "Een webhookabonnement opzeggen",
                "Zegt het abonnement op; daarna wordt niets meer bezorgd (ook geen herhaling). Alleen met het geheim in de header Webhook-Secret.",
                [AbonnementId],
                [new(204, "Opgezegd.", null, "", []), Fout(400, "Webhook-Secret ontbreekt."), Fout(404, "Geen abonnement met dit id en dit geheim."), .. Operaties.Altijd()],
                MetWebhookGeheim: true),
        };
    }
}
