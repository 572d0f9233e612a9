using System.Text.Json;
using System.Text.Json.Nodes;

namespace VoortgangApi.LocalHost;

/// <summary>
/// The built function app as the Azure host finds it: <c>worker.config.json</c> (written by the Worker SDK) names the
/// executable and the worker assembly, <c>host.json</c> the HTTP route prefix. Both come from the same folder that
/// <c>azd deploy</c> ships.
/// </summary>
public sealed record FunctieApp(string Map, string Uitvoerbaar, string WerkerPad, string RoutePrefix)
{
    /// <summary>The queue trigger's settings, host.json extensions.queues (the storage extension's QueuesOptions and their defaults).</summary>
    public Wachtrijopties Wachtrijen { get; init; } = new();

    public const string StandaardPrefix = "api";

    public static FunctieApp Lees(string map)
    {
        map = Path.GetFullPath(map);
        var config = Path.Combine(map, "worker.config.json");
        if (!File.Exists(config))
        {
            throw new FileNotFoundException(
                $"{config} ontbreekt: bouw de functie-app eerst (dotnet build functions/VoortgangApi.Functions -c Release).", config);
        }

        var beschrijving = JsonNode.Parse(File.ReadAllText(config))?["description"]
            ?? throw new InvalidDataException($"{config} heeft geen 'description'.");
        var uitvoerbaar = (string?)beschrijving["defaultExecutablePath"] ?? "dotnet";
        var werker = (string?)beschrijving["defaultWorkerPath"] ?? throw new InvalidDataException($"{config} noemt geen defaultWorkerPath.");
        // {WorkerRoot} stands for the app folder in self-contained builds (Worker SDK targets).
        uitvoerbaar = uitvoerbaar.Replace("{WorkerRoot}", map + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return new FunctieApp(map, uitvoerbaar, Path.Combine(map, werker), Prefix(map)) { Wachtrijen = Wachtrijopties.Lees(HostJson(map)) };
    }

    private static JsonNode? HostJson(string map)
    {
        var pad = Path.Combine(map, "host.json");
        return File.Exists(pad)
            ? JsonNode.Parse(File.ReadAllText(pad), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
            : null;
    }

    // extensions.http.routePrefix, default "api"; an empty string is a valid prefix (routes at the root).
    private static string Prefix(string map) => (string?)HostJson(map)?["extensions"]?["http"]?["routePrefix"] ?? StandaardPrefix;
}
