using VoortgangApi.Core.OpenData;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>The open-data settings every test that renders or links open data uses (Azurite's public container).</summary>
internal static class Testinstellingen
{
    public static readonly OpenDataInstellingen OpenData = new(
        "http://127.0.0.1:10000/devstoreaccount1/open-data", "https://voortgang.test/api/v1",
        "Ministerie van Justitie en Veiligheid, programma Aanpak sekswerkers", "opendata@voortgang.example", "https://www.rijksoverheid.nl");
}
