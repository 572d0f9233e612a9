using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Functions.Identiteit;

namespace VoortgangApi.Functions.OpenApi;

/// <summary>An HTTP function as declared by its attributes: its route and methods as in functions.metadata, and the app role it needs (null: public).</summary>
public sealed record HttpFunctie(string Naam, string Methode, string Route, string? Rol)
{
    /// <summary>The OpenAPI path relative to the server URL (which ends in /api/v1).</summary>
    public string Pad => "/" + Route["v1/".Length..];
}

/// <summary>Reads the HTTP functions of this assembly, so the OpenAPI paths can never drift from the real routes.</summary>
public static class FunctieCatalogus
{
    public static IReadOnlyList<HttpFunctie> HttpFuncties() =>
        [.. typeof(FunctieCatalogus).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Functie: m.GetCustomAttribute<FunctionAttribute>(), Trigger: Trigger(m), Rol: m.GetCustomAttribute<VereistRolAttribute>()?.Rol))
            .Where(f => f.Functie is not null && f.Trigger is not null)
            // OPTIONS is declared only so that Azure routes CORS preflights to the app; the middleware answers them.
            // HEAD is every GET without its body (same headers): documented once in the API description, not per path.
            .SelectMany(f => (f.Trigger!.Methods ?? ["get"]).Where(m => m is not ("options" or "head")).Select(methode =>
                new HttpFunctie(f.Functie!.Name, methode.ToUpperInvariant(), f.Trigger.Route!, f.Rol)))
            .OrderBy(f => f.Route, StringComparer.Ordinal)];

    /// <summary>Function name → the app role it requires, for the functions that require one.</summary>
    public static IReadOnlyDictionary<string, string> Rollen() =>
        HttpFuncties().Where(f => f.Rol is not null).DistinctBy(f => f.Naam).ToDictionary(f => f.Naam, f => f.Rol!, StringComparer.Ordinal);

    private static HttpTriggerAttribute? Trigger(MethodInfo m) =>
        m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
}
