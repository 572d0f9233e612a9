using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VoortgangApi.Core.Volgen;

/// <summary>
/// One delivery on the queue: to which subscription, the <c>webhook-id</c> (the same on every try and on a repeat after
/// a crash), the body (fixed when queued, so every try sends the same bytes), which try this is and when the first was due.
/// </summary>
public sealed record Aflevering(string ProgrammaId, string AbonnementId, string WebhookId, string Body, int Poging, DateTimeOffset EersteOp)
{
    public string Json() => JsonSerializer.Serialize(this, VoortgangJson.Options);

    /// <summary>The message back from the queue; null when it is not one of ours (the function then gives it up).</summary>
    public static Aflevering? Lees(string json)
    {
        try
        {
            var a = JsonSerializer.Deserialize<Aflevering>(json, VoortgangJson.Options);
            return a is { ProgrammaId.Length: > 0, AbonnementId.Length: > 0, WebhookId.Length: > 0, Body.Length: > 0, Poging: >= 1 } ? a : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A stable id per (programme, event, subscription): a repeat of the same delivery has the same id, so a receiver can drop it.</summary>
    public static string MaakId(string programmaId, string gebeurtenis, string abonnementId) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{programmaId}\n{gebeurtenis}\n{abonnementId}")))[..32];
}

/// <summary>
/// Standard Webhooks signatures: <c>webhook-signature: v1,{base64 HMAC-SHA256 over "{id}.{timestamp}.{body}"}</c>
/// with the secret's bytes (the base64 after <c>whsec_</c>), and <c>webhook-timestamp</c> in Unix seconds.
/// </summary>
public static class Handtekening
{
    public const string Voorvoegsel = "whsec_";

    /// <summary>A new secret: 32 random bytes, base64, with the whsec_ prefix.</summary>
    public static string NieuwGeheim() => Voorvoegsel + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Teken(string geheim, string id, long tijdstempel, string body)
    {
        var sleutel = Convert.FromBase64String(geheim.StartsWith(Voorvoegsel, StringComparison.Ordinal) ? geheim[Voorvoegsel.Length..] : geheim);
        var mac = HMACSHA256.HashData(sleutel, Encoding.UTF8.GetBytes($"{id}.{tijdstempel}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }

    /// <summary>The three headers of one try.</summary>
    public static IReadOnlyDictionary<string, string> Headers(string geheim, string id, DateTimeOffset nu, string body)
    {
        var tijdstempel = nu.ToUnixTimeSeconds();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = tijdstempel.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = Teken(geheim, id, tijdstempel, body),
        };
    }

    /// <summary>Whether two secrets are the same, in constant time (unsubscribing compares the one sent with the one kept).</summary>
    public static bool Gelijk(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
