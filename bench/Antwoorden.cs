using System.Text.Json;

namespace VoortgangApi.Bench;

/// <summary>One answer the baselines serve: the bytes the API gave for a path, with its content type and ETag.</summary>
public sealed record Opgenomen(string Pad, string Bestand, string ContentType, string ETag, string CacheControl);

/// <summary>
/// The API's recorded answers (antwoorden.json and the files beside it), by path and query, in memory: what both the
/// Kestrel baseline and the smallest function app serve. Linked into both projects.
/// </summary>
public sealed class Antwoorden(IReadOnlyDictionary<string, (Opgenomen Kop, byte[] Bytes)> perPad)
{
    public static Antwoorden Laad(string map)
    {
        var lijst = JsonSerializer.Deserialize<List<Opgenomen>>(File.ReadAllText(Path.Combine(map, "antwoorden.json")), JsonSerializerOptions.Web)!;
        return new Antwoorden(lijst.ToDictionary(o => o.Pad, o => (o, File.ReadAllBytes(Path.Combine(map, o.Bestand))), StringComparer.Ordinal));
    }

    public (Opgenomen Kop, byte[] Bytes)? Zoek(string padEnQuery) => perPad.TryGetValue(padEnQuery, out var a) ? a : null;
}
