using System.Text.Json;

namespace VoortgangApi.Tests.Rand;

/// <summary>What the edge needs to know of the contract.</summary>
internal static class Randcontract
{
    /// <summary>The names of the query parameters of every operation with this method (references resolved), sorted.</summary>
    public static IReadOnlyList<string> QueryParameters(JsonElement contract, string methode)
    {
        var gedeeld = contract.GetProperty("components").TryGetProperty("parameters", out var p) ? p : default;
        JsonElement Los(JsonElement prm) =>
            prm.TryGetProperty("$ref", out var r) ? gedeeld.GetProperty(r.GetString()!.Split('/')[^1]) : prm;

        return [.. contract.GetProperty("paths").EnumerateObject()
            .SelectMany(pad => pad.Value.TryGetProperty(methode, out var op) && op.TryGetProperty("parameters", out var prms) ? prms.EnumerateArray() : [])
            .Select(Los)
            .Where(prm => prm.GetProperty("in").GetString() == "query")
            .Select(prm => prm.GetProperty("name").GetString()!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }
}
