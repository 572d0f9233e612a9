using System.Text;
using System.Text.Json;
using VoortgangApi.Core.Model;

namespace VoortgangApi.OpenData;

/// <summary>The contents of voortgang.json (schemas/voortgang.schema.json).</summary>
public sealed record VoortgangBestand(
    string SchemaVersie, Rapportagecyclus Cyclus,
    IReadOnlyList<Thema> Themas, IReadOnlyList<Knelpunt> Knelpunten, IReadOnlyList<Oplossingsrichting> Oplossingsrichtingen, IReadOnlyList<Partij> Partijen);

/// <summary>
/// All files of one cycle's release, in write order: the data first, then datapackage.json and index.html (which
/// describe them), and SHA256SUMS last — its presence marks the folder complete. The output depends only on the
/// snapshot, so a retry rebuilds exactly the same bytes.
/// </summary>
public static class Cycluspakket
{
    public static IReadOnlyList<Bestand> Bouw(Rapportagecyclus cyclus, VoortgangData data, OpenDataInstellingen instellingen, IReadOnlyList<Core.Historie.Statusregel>? historie = null)
    {
        var d = VoortgangOrde.Sorteer(data);
        var bestanden = new List<Bestand>
        {
            new("voortgang.json", Json(new VoortgangBestand(DataPackage.FormaatVersie, cyclus, d.Themas, d.Knelpunten, d.Oplossingsrichtingen, d.Partijen)),
                "application/json; charset=utf-8", "Volledige momentopname (JSON)"),
        };
        var uitgave = new Uitgave(d, historie);
        var tabellen = Tabellen.Van(uitgave);
        bestanden.AddRange(tabellen.Select(t => new Bestand(t.Naam + ".csv", Csv.Schrijf(t, uitgave), "text/csv; charset=utf-8", $"{t.Titel} (CSV)")));
        bestanden.Add(new("voortgang.xlsx", Werkmap.Maak(cyclus, uitgave, instellingen), Bestandssoort.Xlsx, "Alle tabellen in één werkmap (Excel)"));
        bestanden.Add(new("datapackage.json", DataPackage.Maak(cyclus, bestanden, instellingen, tabellen), "application/json; charset=utf-8", "Frictionless Data Package"));
        bestanden.Add(new("index.html", Landingspagina.Maak(cyclus, d, bestanden, instellingen), "text/html; charset=utf-8", "Beschrijving van deze uitgave"));
        bestanden.Add(new(Layout.Controlelijst, Controlelijst(bestanden), "text/plain; charset=utf-8", "SHA-256-controlegetallen"));
        return bestanden;
    }

    /// <summary>sha256sum format: hash, two spaces, file name, LF.</summary>
    private static byte[] Controlelijst(IEnumerable<Bestand> bestanden) =>
        Encoding.ASCII.GetBytes(string.Concat(bestanden.Select(b => $"{b.Sha256}  {b.Naam}\n")));

    private static byte[] Json<T>(T waarde) => JsonSerializer.SerializeToUtf8Bytes(waarde, VoortgangJson.Bestand);
}
