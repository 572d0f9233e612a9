using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoortgangApi.Core.Model;

namespace VoortgangApi.OpenData;

/// <summary>One field of a frozen letter that the log now says differently at the same peildatum.</summary>
public sealed record Correctie(string Soort, string Id, string Veld, string? InDeBrief, string? Nu);

/// <summary>
/// The correction note of a frozen letter's release. The release itself never changes (its files are create-only and
/// listed in SHA256SUMS); what was corrected later at the letter's peildatum is compared field by field with the frozen
/// snapshot and published beside it as <c>correcties.json</c> and <c>correcties.html</c>, the one pair in the folder that
/// is rewritten when the log changes, and outside SHA256SUMS.
/// </summary>
public static class Correcties
{
    public const string Json = "correcties.json";
    public const string Html = "correcties.html";

    /// <summary>The releases that have a correction note, with the note's address: one small index beside the catalogue.</summary>
    public const string Index = "v1/correcties.json";

    public static byte[] AlsIndex(IEnumerable<string> cycli, OpenDataInstellingen i) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            cycli = cycli.Order(StringComparer.Ordinal).Select(id => new { cyclus = id, correcties = i.Url(Layout.Pad(id, Html)), json = i.Url(Layout.Pad(id, Json)) }),
        }, VoortgangJson.Bestand);

    public static HashSet<string> LeesIndex(byte[] inhoud)
    {
        using var doc = JsonDocument.Parse(inhoud);
        return [.. doc.RootElement.GetProperty("cycli").EnumerateArray().Select(c => c.GetProperty("cyclus").GetString()!)];
    }

    public static IReadOnlyList<Correctie> Bereken(VoortgangData brief, VoortgangData nu)
    {
        var lijst = new List<Correctie>();
        Vergelijk("thema", brief.Themas, nu.Themas, t => t.Id, lijst);
        Vergelijk("knelpunt", brief.Knelpunten, nu.Knelpunten, k => k.Id, lijst);
        // The parties named with an item are a convenience copy of the ids; the ids themselves are compared.
        Vergelijk("oplossingsrichting", brief.Oplossingsrichtingen.Select(o => o with { Partijen = null }).ToList(),
            nu.Oplossingsrichtingen.Select(o => o with { Partijen = null }).ToList(), o => o.Id, lijst);
        Vergelijk("partij", brief.Partijen, nu.Partijen, p => p.Id, lijst);
        return lijst;
    }

    public static byte[] AlsJson(Rapportagecyclus c, IReadOnlyList<Correctie> correcties, string apiUrl) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            cyclus = c.Id,
            peildatum = c.Peildatum,
            vastgesteldOp = c.Momentopname!.GenomenOp,
            toelichting = "Velden van deze uitgave die de vastgelegde historie later anders zegt op dezelfde peildatum. De uitgave zelf blijft zoals zij is vastgesteld.",
            actueleStandOpPeildatum = Actueel(c, apiUrl),
            correcties,
        }, VoortgangJson.Bestand);

    public static byte[] AlsHtml(Rapportagecyclus c, IReadOnlyList<Correctie> correcties, string apiUrl)
    {
        var html = new StringBuilder();
        html.Append(Landingspagina.Kop($"Correcties na vaststelling: {c.Titel}"));
        html.Append(CultureInfo.InvariantCulture, $$"""
            <h1>Correcties na vaststelling</h1>
            <p>De <a href="index.html">uitgave van {{E(c.Titel)}}</a> (peildatum <time datetime="{{c.Peildatum:yyyy-MM-dd}}">{{c.Peildatum:yyyy-MM-dd}}</time>,
            vastgesteld <time datetime="{{c.Momentopname!.GenomenOp.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}">{{c.Momentopname.GenomenOp.UtcDateTime:yyyy-MM-dd}}</time>)
            blijft zoals zij is vastgesteld. Wat de vastgelegde historie later anders zegt over dezelfde peildatum, staat hieronder:
            {{correcties.Count}} {{(correcties.Count == 1 ? "veld" : "velden")}}. De <a href="{{E(Actueel(c, apiUrl))}}">actuele stand op de peildatum</a> staat in de API.</p>

            """);
        if (correcties.Count > 0)
        {
            html.Append("<table>\n<caption>Gecorrigeerde velden: in de brief en nu</caption>\n<thead><tr><th scope=\"col\">soort</th><th scope=\"col\">id</th><th scope=\"col\">veld</th><th scope=\"col\">in de brief</th><th scope=\"col\">nu</th></tr></thead>\n<tbody>\n");
            foreach (var k in correcties)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(k.Soort)}</td><td>{E(k.Id)}</td><td>{E(k.Veld)}</td><td><code>{E(k.InDeBrief ?? "—")}</code></td><td><code>{E(k.Nu ?? "—")}</code></td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        return Encoding.UTF8.GetBytes(html.Append("</main>\n</body>\n</html>\n").ToString());
    }

    private static string Actueel(Rapportagecyclus c, string apiUrl) =>
        $"{apiUrl.TrimEnd('/')}/oplossingsrichtingen?peildatum={c.Peildatum:yyyy-MM-dd}";

    // Per id, each top-level field (a status one level deeper) whose JSON differs; an item only on one side is one row.
    private static void Vergelijk<T>(string soort, IReadOnlyList<T> brief, IReadOnlyList<T> nu, Func<T, string> id, List<Correctie> lijst)
    {
        var oud = brief.ToDictionary(id, Velden, StringComparer.Ordinal);
        var nieuw = nu.ToDictionary(id, Velden, StringComparer.Ordinal);
        foreach (var sleutel in oud.Keys.Union(nieuw.Keys).Order(StringComparer.Ordinal))
        {
            if (!nieuw.TryGetValue(sleutel, out var n))
            {
                lijst.Add(new(soort, sleutel, "*", "in de brief", "nu niet op deze peildatum"));
            }
            else if (!oud.TryGetValue(sleutel, out var o))
            {
                lijst.Add(new(soort, sleutel, "*", "niet in de brief", "nu wel op deze peildatum"));
            }
            else
            {
                lijst.AddRange(o.Keys.Union(n.Keys).Order(StringComparer.Ordinal)
                    .Where(v => o.GetValueOrDefault(v) != n.GetValueOrDefault(v))
                    .Select(v => new Correctie(soort, sleutel, v, o.GetValueOrDefault(v), n.GetValueOrDefault(v))));
            }
        }
    }

    private static Dictionary<string, string> Velden<T>(T item)
    {
        var velden = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (naam, waarde) in JsonSerializer.SerializeToNode(item, VoortgangJson.Options)!.AsObject())
        {
            if (naam == "status" && waarde is JsonObject status)
            {
                foreach (var (sub, w) in status)
                {
                    velden[$"status.{sub}"] = w?.ToJsonString(VoortgangJson.Options) ?? "null";
                }
            }
            else
            {
                velden[naam] = waarde?.ToJsonString(VoortgangJson.Options) ?? "null";
            }
        }

        return velden;
    }

    private static string E(string tekst) => WebUtility.HtmlEncode(tekst);
}
