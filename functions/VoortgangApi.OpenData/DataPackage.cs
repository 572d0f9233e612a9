using System.Text.Json;
using System.Text.Json.Nodes;
using VoortgangApi.Core.Model;

namespace VoortgangApi.OpenData;

/// <summary>A Frictionless Data Package v2 descriptor: every file a resource with bytes and sha256, CSVs with a Table Schema.</summary>
public static class DataPackage
{
    public const string FormaatVersie = "1.0.0";
    private const string Cc0 = "https://creativecommons.org/publicdomain/zero/1.0/";

    public static byte[] Maak(Rapportagecyclus cyclus, IReadOnlyList<Bestand> bestanden, OpenDataInstellingen instellingen, IReadOnlyList<Tabel> tabellen)
    {
        var resources = new JsonArray();
        foreach (var b in bestanden)
        {
            var tabel = tabellen.FirstOrDefault(t => t.Naam + ".csv" == b.Naam);
            var resource = new JsonObject
            {
                ["name"] = Path.GetFileNameWithoutExtension(b.Naam),
                ["title"] = b.Titel,
                ["path"] = b.Naam,
                ["format"] = Path.GetExtension(b.Naam).TrimStart('.'),
                ["mediatype"] = b.ContentType.Split(';')[0],
                ["bytes"] = b.Inhoud.Length,
                ["hash"] = "sha256:" + b.Sha256,
            };
            if (b.ContentType.Contains("charset", StringComparison.Ordinal))
            {
                resource["encoding"] = "utf-8";
            }

            if (tabel is not null)
            {
                resource["type"] = "table";
                resource["dialect"] = new JsonObject { ["header"] = true, ["delimiter"] = ",", ["lineTerminator"] = "\r\n", ["quoteChar"] = "\"" };
                resource["schema"] = Schema(tabel);
            }

            resources.Add(resource);
        }

        var package = new JsonObject
        {
            ["$schema"] = "https://datapackage.org/profiles/2.0/datapackage.json",
            ["name"] = $"{instellingen.Namen.Naam}-{cyclus.Id}",
            ["id"] = instellingen.Url(Layout.Map(cyclus.Id)),
            ["title"] = $"Voortgang {instellingen.Namen.Kort}: {cyclus.Titel}",
            ["description"] = $"Momentopname van de voortgang op peildatum {cyclus.Peildatum:yyyy-MM-dd}, zoals gerapporteerd in Kamerstuk {cyclus.Kamerbrief.Kamerstuk ?? "(nog zonder nummer)"}.",
            ["version"] = FormaatVersie,
            ["created"] = cyclus.Momentopname!.GenomenOp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["keywords"] = new JsonArray([.. instellingen.Namen.Trefwoorden.Select(w => (JsonNode)w), "voortgang", "Kamerbrief", cyclus.Id]),
            ["licenses"] = new JsonArray(new JsonObject { ["name"] = "CC0-1.0", ["path"] = Cc0, ["title"] = "Creative Commons Zero v1.0 Universal" }),
            ["sources"] = new JsonArray(Bron(cyclus)),
            ["contributors"] = new JsonArray(new JsonObject { ["title"] = instellingen.ContactNaam, ["roles"] = new JsonArray("publisher") }),
            ["resources"] = resources,
        };
        return JsonSerializer.SerializeToUtf8Bytes(package, VoortgangJson.Bestand);
    }

    private static JsonObject Bron(Rapportagecyclus c)
    {
        var bron = new JsonObject { ["title"] = $"Kamerbrief {c.Kamerbrief.Kamerstuk ?? c.Titel} ({c.Kamerbrief.Datum:yyyy-MM-dd})" };
        if (c.Kamerbrief.Url is not null)
        {
            bron["path"] = c.Kamerbrief.Url;
        }

        return bron;
    }

    private static JsonObject Schema(Tabel tabel)
    {
        var velden = new JsonArray();
        foreach (var v in tabel.Velden)
        {
            var veld = new JsonObject { ["name"] = v.Naam, ["type"] = v.Type, ["description"] = v.Beschrijving };
            if (v.Type == "datetime")
            {
                // Moments carry milliseconds (2024-11-18T12:00:00.123Z); Table Schema's default datetime form has none.
                veld["format"] = "any";
            }

            var constraints = new JsonObject();
            if (v.Verplicht)
            {
                constraints["required"] = true;
            }

            if (v.Keuzes is not null)
            {
                constraints["enum"] = new JsonArray([.. v.Keuzes.Select(k => (JsonNode)k)]);
            }

            if (constraints.Count > 0)
            {
                veld["constraints"] = constraints;
            }

            velden.Add(veld);
        }

        var schema = new JsonObject { ["fields"] = velden, ["primaryKey"] = new JsonArray("id"), ["missingValues"] = new JsonArray("") };
        if (tabel.Verwijzingen.Count > 0)
        {
            schema["foreignKeys"] = new JsonArray([.. tabel.Verwijzingen.Select(v => (JsonNode)new JsonObject
            {
                ["fields"] = new JsonArray(v.Veld),
                ["reference"] = new JsonObject { ["resource"] = v.Tabel, ["fields"] = new JsonArray("id") },
            })]);
        }

        return schema;
    }
}
