namespace VoortgangApi.Functions.OpenApi;

/// <summary>Settings of the published contract. The contact is organisational: never a person.</summary>
public sealed class OpenApiOptions
{
    public const string Sectie = "OpenApi";

    /// <summary>The server URL in the document; empty means https://{WEBSITE_HOSTNAME or request host}/api/v1.</summary>
    public string? ServerUrl { get; set; }

    public string ContactNaam { get; set; } = "Ministerie van Justitie en Veiligheid, programma Aanpak sekswerkers";
    public string ContactEmail { get; set; } = "opendata@voortgang.example";
    public string ContactUrl { get; set; } = "https://www.rijksoverheid.nl/ministeries/ministerie-van-justitie-en-veiligheid";
}
