namespace VoortgangApi.Functions.Programmas;

/// <summary>
/// The standard programme: the one the paths without /programmas/{programmaId} serve, and whose data keeps the storage
/// keys and open-data paths of the time before programmes. Its description until an official edits it through the API.
/// </summary>
public sealed class ProgrammaOptions
{
    public const string Sectie = "Programmas";

    public string StandaardId { get; set; } = "aanpak-sekswerkers";

    public string StandaardTitel { get; set; } = "Aanpak versterking sociale en juridische positie sekswerkers";

    public string StandaardOmschrijving { get; set; } =
        "De aanpak om de sociale en juridische positie van sekswerkers te versterken, in vijf thema's: zakelijke dienstverlening, zorg, " +
        "politie, gemeenten, en communicatie en media. Aan de Tweede Kamer gestuurd op 10 november 2023; de voortgang wordt per Kamerbrief gerapporteerd.";

    public string[] StandaardMinisteries { get; set; } = ["Ministerie van Justitie en Veiligheid", "Ministerie van Sociale Zaken en Werkgelegenheid"];
}
