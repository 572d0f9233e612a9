using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoortgangApi.Core;
using VoortgangApi.Core.OpenData;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.OpenData;

/// <summary>
/// Anyone can recompute a release's content hash from its historie.csv: this test does so with code of its own (a plain
/// CSV reader and a sort-based fold), not the app's, and splices the statuses it finds into the published texts.
/// </summary>
public class HistorieCsvTests(TestApi api) : IClassFixture<TestApi>
{
    [Fact]
    public async Task TheContentHashOfEveryReleaseIsRecomputedFromItsHistorieCsv()
    {
        await NieuweUitgaveMetCorrectieAsync();

        foreach (var cyclus in new[] { "aanpak-2023", "najaar-2024", "herbereken-2026" })
        {
            var store = api.Service<IOpenDataStore>();
            var historie = Csv(Encoding.UTF8.GetString((await store.LeesAsync(Layout.Pad(cyclus, "historie.csv"), default))!));
            var bestand = JsonNode.Parse((await store.LeesAsync(Layout.Pad(cyclus, "voortgang.json"), default))!)!.AsObject();

            var status = Vouw(historie);
            foreach (var o in bestand["oplossingsrichtingen"]!.AsArray())
            {
                if (status.TryGetValue((string)o!["id"]!, out var regel))
                {
                    o["status"] = regel;
                }
            }

            var canoniek = new JsonObject
            {
                ["themas"] = bestand["themas"]!.DeepClone(),
                ["knelpunten"] = bestand["knelpunten"]!.DeepClone(),
                ["oplossingsrichtingen"] = bestand["oplossingsrichtingen"]!.DeepClone(),
                ["partijen"] = bestand["partijen"]!.DeepClone(),
            };
            var bytes = Encoding.UTF8.GetBytes(canoniek.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            Assert.Equal((string)bestand["cyclus"]!["momentopname"]!["inhoudHash"]!, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    // A cycle whose history holds a mistake, its correction with an earlier peildatum (so only the correction rule hides the
    // mistake), and a status dated after the peildatum (left out of the release).
    private async Task NieuweUitgaveMetCorrectieAsync()
    {
        async Task<string> Post(string body)
        {
            using var r = await api.Client.SendAsync(api.Beheer(HttpMethod.Post, "/api/v1/oplossingsrichtingen/ZO-01/statussen", body));
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            return JsonNode.Parse(await r.Content.ReadAsStringAsync())!["id"]!.ToString();
        }

        var fout = await Post("""{"status":"gestopt","peildatum":"2025-03-01","zekerheid":"afgeleid","toelichting":"Afgeleid in de test.","bron":{"titel":"Vergissing","soort":"derden","datum":"2025-03-01"}}""");
        await Post($$$"""{"status":"doorlopend","peildatum":"2025-02-15","zekerheid":"bevestigd","bron":{"titel":"Jaarverslag","url":"https://example.org/jv","soort":"derden","datum":"2025-02-01","kamerstuk":"34 193, nr. 20"},"toelichting":"Regel één;\nregel \"twee\"","vervangt":"{{{fout}}}"}""");
        var vandaag = TimeProvider.System.Vandaag().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Post($$$"""{"status":"gerealiseerd","peildatum":"{{{vandaag}}}","zekerheid":"afgeleid","toelichting":"Afgeleid in de test.","bron":{"titel":"Na de peildatum","soort":"derden","datum":"{{{vandaag}}}"}}""");
        foreach (var (methode, pad, body) in new[]
        {
            (HttpMethod.Put, "/api/v1/rapportagecycli/herbereken-2026", """{"titel":"Herberekening","peildatum":"2025-06-01","kamerbrief":{"datum":"2025-06-15"}}"""),
            (HttpMethod.Post, "/api/v1/rapportagecycli/herbereken-2026/momentopname", null),
            (HttpMethod.Post, "/api/v1/rapportagecycli/herbereken-2026/publicatie", null),
        })
        {
            using var r = await api.Client.SendAsync(api.Beheer(methode, pad, body));
            Assert.True(r.IsSuccessStatusCode, $"{pad}: {(int)r.StatusCode}");
        }
    }

    // Per item: the entries no later entry replaces; the greatest peildatum, then the latest recorded.
    private static Dictionary<string, JsonObject> Vouw(List<Dictionary<string, string>> regels)
    {
        var vervangen = regels.Select(r => r["vervangt"]).Where(v => v.Length > 0).ToHashSet();
        return regels.Where(r => !vervangen.Contains(r["id"]))
            .GroupBy(r => r["oplossingsrichtingId"])
            .ToDictionary(g => g.Key, g =>
            {
                var r = g.OrderBy(x => x["peildatum"], StringComparer.Ordinal).ThenBy(x => x["vastgelegdOp"], StringComparer.Ordinal)
                    .ThenBy(x => long.Parse(x["id"][3..], CultureInfo.InvariantCulture)).Last();
                var bron = new JsonObject { ["titel"] = r["bronTitel"] };
                foreach (var (kolom, veld) in new[] { ("bronUrl", "url"), ("bronKamerstuk", "kamerstuk"), ("bronDatum", "datum"), ("bronSoort", "soort"), ("bronBekendVanaf", "bekendVanaf"), ("bronTijdsbepaling", "tijdsbepaling") })
                {
                    if (r[kolom].Length > 0)
                    {
                        bron[veld] = r[kolom];
                    }
                }

                if (r["bronPassage"].Length > 0)
                {
                    var passage = new JsonObject { ["tekst"] = r["bronPassage"], ["gecontroleerdTegenKopie"] = r["bronPassageGecontroleerd"] == "true" };
                    if (r["bronPassageUrl"].Length > 0)
                    {
                        passage["url"] = r["bronPassageUrl"];
                    }

                    bron["passage"] = passage;
                }

                var status = new JsonObject { ["status"] = r["status"], ["peildatum"] = r["peildatum"], ["zekerheid"] = r["zekerheid"], ["bron"] = bron };
                if (r["toelichting"].Length > 0)
                {
                    status["toelichting"] = r["toelichting"];
                }

                status["id"] = r["id"];
                return status;
            });
    }

    // RFC 4180 by hand: quoted fields, doubled quotes, line breaks inside quotes; a byte-order mark is skipped.
    private static List<Dictionary<string, string>> Csv(string tekst)
    {
        var rijen = new List<List<string>>();
        var rij = new List<string>();
        var veld = new StringBuilder();
        var inQuotes = false;
        for (var i = tekst.Length > 0 && tekst[0] == '\uFEFF' ? 1 : 0; i < tekst.Length; i++)
        {
            var c = tekst[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < tekst.Length && tekst[i + 1] == '"') { veld.Append('"'); i++; }
                else if (c == '"') { inQuotes = false; }
                else { veld.Append(c); }
            }
            else if (c == '"') { inQuotes = true; }
            else if (c == ',') { rij.Add(veld.ToString()); veld.Clear(); }
            else if (c == '\n') { rij.Add(veld.ToString()); veld.Clear(); rijen.Add(rij); rij = []; }
            else if (c != '\r') { veld.Append(c); }
        }

        var kop = rijen[0];
        return [.. rijen.Skip(1).Select(r => kop.Select((k, i) => (k, r[i])).ToDictionary(x => x.k, x => x.Item2))];
    }
}
