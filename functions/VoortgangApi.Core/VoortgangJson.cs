using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoortgangApi.Core;

/// <summary>The one JSON configuration of the API, the open data and the content hash.</summary>
public static class VoortgangJson
{
    /// <summary>lowerCamelCase, no nulls, ISO 8601 dates; ë and é stay readable instead of \u escapes.</summary>
    public static JsonSerializerOptions Options { get; } = Maak(ingesprongen: false);

    /// <summary>The same settings, indented: for published files that people open in an editor.</summary>
    public static JsonSerializerOptions Bestand { get; } = Maak(ingesprongen: true);

    private static JsonSerializerOptions Maak(bool ingesprongen)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            WriteIndented = ingesprongen,
        };
        options.Converters.Add(new UtcConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    // ADR /core/date-time: moments are UTC, written with "Z" and millisecond precision (round-trips exactly).
    private sealed class UtcConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }
}
