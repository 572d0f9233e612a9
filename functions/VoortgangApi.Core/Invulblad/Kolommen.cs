namespace VoortgangApi.Core.Invulblad;

/// <summary>One column of the invulblad: its letter, its header, whether the official fills it, and the JSON path of the write API it feeds.</summary>
public sealed record Kolom(string Letter, string Kop, bool Invullen, string? Pad, double Breedte, string Uitleg);

/// <summary>
/// The invulblad's layout, in one place: the writer draws it, the reader checks the header against it, and an error's
/// JSON path (from the write API's rules) is reported as the column it came from.
/// </summary>
public static class Kolommen
{
    public const string Blad = "Invulblad";
    public const string UitlegBlad = "Uitleg";

    public static readonly IReadOnlyList<Kolom> Alle =
    [
        new("A", "id", false, null, 10, "Het id van de oplossingsrichting. Niet wijzigen: hieraan herkent de API de rij."),
        new("B", "thema", false, null, 24, "Het thema (ter informatie)."),
        new("C", "titel", false, null, 48, "De titel (ter informatie)."),
        new("D", "huidige status", false, null, 16, "De status zoals de API hem nu kent."),
        new("E", "huidige peildatum", false, null, 14, "Vanaf wanneer die status geldt."),
        new("F", "huidige zekerheid", false, null, 14, "bevestigd, afgeleid of onbekend."),
        new("G", "huidige bron", false, null, 40, "De bron van de huidige status."),
        new("H", "nieuwe status", true, "$.status", 16, "De nieuwe status; kies uit de lijst. Laat de rij leeg als er niets verandert."),
        new("I", "peildatum", true, "$.peildatum", 14, "Vanaf wanneer de nieuwe status geldt (datum, niet in de toekomst)."),
        new("J", "zekerheid", true, "$.zekerheid", 14, "bevestigd alleen met een bron met een datum; anders afgeleid (met toelichting) of onbekend. De bron is nooit van na de peildatum."),
        new("K", "bron titel", true, "$.bron.titel", 40, "Titel van de openbare bron (Kamerbrief, nota, publicatie)."),
        new("L", "bron soort", true, "$.bron.soort", 14, "kamerbrief, nota, overheid of derden; kies uit de lijst."),
        new("M", "bron datum", true, "$.bron.datum", 14, "Datum van de bron."),
        new("N", "bron url", true, "$.bron.url", 40, "Vindplaats van de bron (begint met https://)."),
        new("O", "bron kamerstuk", true, "$.bron.kamerstuk", 16, "Kamerstuknummer, bijvoorbeeld 34 193, nr. 19."),
        new("P", "toelichting", true, "$.toelichting", 48, "Waarom deze status; verplicht bij afgeleid."),
    ];

    public static IEnumerable<Kolom> InTeVullen => Alle.Where(k => k.Invullen);

    /// <summary>The column a JSON path of the write API points at; a path to the whole body or bron points at its first column.</summary>
    public static Kolom VoorPad(string pad) =>
        Alle.FirstOrDefault(k => k.Pad == pad)
        ?? (pad.StartsWith("$.bron", StringComparison.Ordinal) ? Alle.Single(k => k.Pad == "$.bron.titel") : Alle.Single(k => k.Pad == "$.status"));
}
