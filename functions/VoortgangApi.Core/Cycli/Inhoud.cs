using System.Security.Cryptography;
using System.Text.Json;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Cycli;

/// <summary>
/// The canonical form of a progress state and its SHA-256. Canonical means: the data sorted as
/// <see cref="VoortgangOrde"/> sorts it, serialised with <see cref="VoortgangJson.Options"/> (UTF-8, no
/// whitespace, properties in declaration order, no nulls). The same state always gives the same hash.
/// </summary>
public static class Inhoud
{
    public static byte[] CanoniekeJson(VoortgangData data) =>
        JsonSerializer.SerializeToUtf8Bytes(VoortgangOrde.Sorteer(data), VoortgangJson.Options);

    /// <summary>"sha256:" followed by 64 lower-case hex digits.</summary>
    public static string Hash(VoortgangData data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(CanoniekeJson(data)));

    public static Aantallen Tel(VoortgangData data) =>
        new(data.Themas.Count, data.Knelpunten.Count, data.Oplossingsrichtingen.Count, data.Partijen.Count);

    /// <summary>A strong entity tag for any JSON representation.</summary>
    public static string ETag<T>(T waarde) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(waarde, VoortgangJson.Options)))[..32] + "\"";
}
