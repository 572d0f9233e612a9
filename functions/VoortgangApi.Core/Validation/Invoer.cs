using System.Text.Json;

namespace VoortgangApi.Core.Validation;

/// <summary>
/// A checked request body: the value, the normalised JSON it was read from without the server's own fields (for
/// idempotency hashes), and the <c>id</c> it carried, if any (a body taken from a GET carries its id back).
/// </summary>
public sealed record Gelezen<T>(T Waarde, string Json, string? Id = null);

/// <summary>One path for every write body: characters and keys (<see cref="JsonInvoer"/>), then the JSON Schema, then the type.</summary>
public static class Invoer
{
    /// <summary>Fields whose text may span lines; everything else is one line.</summary>
    public static readonly IReadOnlySet<string> MeerdereRegels = new HashSet<string>(["omschrijving", "toelichting"], StringComparer.Ordinal);

    public static async Task<Resultaat<Gelezen<T>>> LeesAsync<T>(SchemaCatalogus schemas, string schema, string body)
    {
        var (json, fouten) = JsonInvoer.Normaliseer(body, MeerdereRegels);
        if (fouten.Count > 0)
        {
            // Still list what the schema finds in the same body, so one 400 names every problem it can.
            var ookSchema = fouten.Any(f => f.Code == "geenJson") ? [] : await schemas.ValideerAsync(schema, body);
            return Probleem.Ongeldig([.. fouten, .. ookSchema.Where(f => !fouten.Any(g => g.Naam == f.Naam))]);
        }

        var schemaFouten = await schemas.ValideerAsync(schema, json!);
        if (schemaFouten.Count > 0)
        {
            return Probleem.Ongeldig(schemaFouten);
        }

        // Fields the schema marks readOnly are the server's (id, status, the derived lists): a PUT of what a GET returned
        // carries them back; they are accepted, set aside and ignored. Every other unknown field stays an error.
        var alleenLezen = await schemas.AlleenLezenAsync(schema);
        string? id = null;
        if (alleenLezen.Count > 0 && System.Text.Json.Nodes.JsonNode.Parse(json!) is System.Text.Json.Nodes.JsonObject node
            && alleenLezen.Any(node.ContainsKey))
        {
            id = node["id"]?.GetValueKind() == JsonValueKind.String ? (string?)node["id"] : null;
            foreach (var veld in alleenLezen)
            {
                node.Remove(veld);
            }

            json = node.ToJsonString(VoortgangJson.Options);
        }

        return new Gelezen<T>(JsonSerializer.Deserialize<T>(json!, VoortgangJson.Options)!, json!, id);
    }
}

/// <summary>Date rules shared by every write: no date before 2000 (no real source is older) and none in the future.</summary>
public static class Datums
{
    public static readonly DateOnly Vroegst = new(2000, 1, 1);

    public static void Controleer(DateOnly datum, DateOnly vandaag, string pad, List<OngeldigeInvoer> fouten, bool toekomstToegestaan = false)
    {
        if (datum < Vroegst)
        {
            fouten.Add(new(pad, "teVroeg", $"de datum ligt vóór {Vroegst:yyyy-MM-dd}."));
        }
        else if (!toekomstToegestaan && datum > vandaag)
        {
            fouten.Add(new(pad, "inDeToekomst", $"de datum ligt na vandaag ({vandaag:yyyy-MM-dd}); leg alleen vast wat al geldt."));
        }
    }
}
