using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoortgangApi.LocalHost;

/// <summary>One binding of a function as the Worker SDK writes it to <c>functions.metadata</c>.</summary>
public sealed record FunctionBinding(
    string Name, string Type, string Direction, string? AuthLevel, IReadOnlyList<string>? Methods, string? Route, string? Schedule);

/// <summary>One function in <c>functions.metadata</c>: the same file the Azure Functions host reads.</summary>
public sealed record FunctionEntry(string Name, string ScriptFile, string EntryPoint, IReadOnlyList<FunctionBinding> Bindings)
{
    [JsonIgnore]
    public FunctionBinding? Trigger => Bindings.FirstOrDefault(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));

    [JsonIgnore]
    public bool IsHttp => Trigger?.Type == "httpTrigger";

    [JsonIgnore]
    public bool IsTimer => Trigger?.Type == "timerTrigger";
}

public static class FunctionMetadata
{
    public const string Bestandsnaam = "functions.metadata";

    private static readonly JsonSerializerOptions Opties = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<FunctionEntry> Lees(string map)
    {
        var pad = Path.Combine(map, Bestandsnaam);
        if (!File.Exists(pad))
        {
            throw new FileNotFoundException(
                $"{pad} ontbreekt: bouw de functie-app (dotnet build) zodat de Worker SDK het bestand schrijft.", pad);
        }

        return JsonSerializer.Deserialize<List<FunctionEntry>>(File.ReadAllText(pad), Opties)
            ?? throw new InvalidDataException($"{pad} is leeg.");
    }
}
