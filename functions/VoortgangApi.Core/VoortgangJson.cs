using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoortgangApi.Core;

/// <summary>The one JSON configuration of the API, the open data and the content hash.</summary>
public static class VoortgangJson
{
    /// <summary>lowerCamelCase, no nulls, ISO 8601 dates; ë and é stay readable instead of \u escapes.</summary>
    public static JsonSerializerOptions Options { get; } = Maak();

    private static JsonSerializerOptions Maak()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
