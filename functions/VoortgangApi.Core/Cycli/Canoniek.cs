using System.Security.Cryptography;
using System.Text.Json;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Cycli;

/// <summary>
/// The canonical form of a progress state and its SHA-256. Canonical means: the data sorted as
/// <see cref="VoortgangOrde"/> sorts it, serialised with <see cref="VoortgangJson.Options"/> (UTF-8, no
/// whitespace, properties in declaration order, no nulls). The same state always gives the same hash.
/// </summary>
public static class Canoniek
{
    public static byte[] CanoniekeJson(VoortgangData data) =>
        JsonSerializer.SerializeToUtf8Bytes(VoortgangOrde.Sorteer(data), VoortgangJson.Options);

    /// <summary>"sha256:" followed by 64 lower-case hex digits.</summary>
    public static string Hash(VoortgangData data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(CanoniekeJson(data)));

    public static Aantallen Tel(VoortgangData data) =>
        new(data.Themas.Count, data.Knelpunten.Count, data.Oplossingsrichtingen.Count, data.Partijen.Count);

    /// <summary>The strong entity tag of a representation: the first 128 bits of its SHA-256, quoted.</summary>
    /// <remarks>The HTTP layer tags every response body with this, so an ETag from a GET is valid in If-Match.</remarks>
    public static string ETag(byte[] representatie) => "\"" + Convert.ToHexStringLower(SHA256.HashData(representatie))[..32] + "\"";

    /// <summary>The entity tag of a value as the API serialises it.</summary>
    public static string ETag<T>(T waarde) => ETag(JsonSerializer.SerializeToUtf8Bytes(waarde, VoortgangJson.Options));
}
