using System.Text.Json;
using Microsoft.AspNetCore.Routing.Template;
using VoortgangApi.LocalHost.Rpc;

namespace VoortgangApi.LocalHost;

/// <summary>One function the worker announced, with its trigger as read from its raw bindings.</summary>
internal sealed record Functie(string Naam, string Id, Trigger Trigger, RpcFunctionMetadata Metadata)
{
    public bool IsHttp => string.Equals(Trigger.Type, "httpTrigger", StringComparison.OrdinalIgnoreCase);
    public bool IsTimer => string.Equals(Trigger.Type, "timerTrigger", StringComparison.OrdinalIgnoreCase);
    public bool IsQueue => string.Equals(Trigger.Type, "queueTrigger", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The trigger binding, its property names those of the raw binding JSON: what the host acts on (HTTP: auth level,
/// methods, route; timer: schedule, runOnStartup; queue: queueName, connection).
/// </summary>
internal sealed record Trigger(
    string Name, string Type, string? AuthLevel, IReadOnlyList<string>? Methods, string? Route, string? Schedule, bool RunOnStartup,
    string? QueueName = null, string? Connection = null)
{
    private static readonly JsonSerializerOptions Opties = new(JsonSerializerDefaults.Web);

    /// <summary>The one binding whose type ends in "Trigger" with direction In, as the host requires of every function.</summary>
    public static Trigger Uit(RpcFunctionMetadata metadata)
    {
        var triggers = metadata.RawBindings
            .Select(b => JsonSerializer.Deserialize<Trigger>(b, Opties)!)
            .Where(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return triggers.Count == 1 ? triggers[0]
            : throw new InvalidDataException($"Functie {metadata.Name} heeft {triggers.Count} triggers; de host verwacht er precies één.");
    }
}

/// <summary>
/// The host's HTTP routes: <c>{routePrefix}/{route ?? name}</c>, matched case-insensitively with ASP.NET's template
/// matcher; a method the trigger does not list is no match at all (the Azure host has no 405, and HEAD is not implied
/// by GET). The most specific template wins, as with the host's route precedence.
/// </summary>
internal sealed class HttpRoutes
{
    private readonly List<(Functie Functie, TemplateMatcher Matcher, HashSet<string>? Methods)> _routes;

    public HttpRoutes(IEnumerable<Functie> functies, string routePrefix)
    {
        _routes = functies.Where(f => f.IsHttp)
            .Select(f =>
            {
                var template = TemplateParser.Parse(string.Join('/', new[] { routePrefix, f.Trigger.Route ?? f.Naam }.Where(d => d.Length > 0)));
                var methods = f.Trigger.Methods is { } m ? new HashSet<string>(m, StringComparer.OrdinalIgnoreCase) : null;
                return (f, new TemplateMatcher(template, new RouteValueDictionary()), methods, RoutePrecedence.ComputeInbound(template));
            })
            .OrderBy(r => r.Item4)
            .Select(r => (r.f, r.Item2, r.methods))
            .ToList();
    }

    public (Functie Functie, RouteValueDictionary Waarden)? Zoek(string methode, PathString pad)
    {
        foreach (var (functie, matcher, methods) in _routes)
        {
            var waarden = new RouteValueDictionary();
            if (matcher.TryMatch(pad, waarden) && (methods is null || methods.Contains(methode)))
            {
                return (functie, waarden);
            }
        }

        return null;
    }
}
