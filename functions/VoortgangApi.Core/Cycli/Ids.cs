using System.Text.RegularExpressions;

namespace VoortgangApi.Core.Cycli;

/// <summary>
/// Id formats checked before anything touches storage: a cycle id becomes a table key, and characters such as
/// '/', '#' or '?' are not allowed there.
/// </summary>
public static partial class Ids
{
    public const string CyclusIdReden = "een cyclus-id bestaat uit kleine letters, cijfers en koppeltekens, bijvoorbeeld najaar-2024.";

    public static bool IsCyclusId(string? id) => id is { Length: > 0 and <= 60 } && CyclusPatroon().IsMatch(id);

    /// <summary>The 400 for a malformed cycle id in a path.</summary>
    public static Probleem OngeldigeCyclusId() => Probleem.Ongeldig([new("cyclusId", "ongeldigFormaat", CyclusIdReden)]);

    /// <summary>The 404 for a cycle that does not exist.</summary>
    public static Probleem OnbekendeCyclus(string cyclusId) =>
        Probleem.NietGevonden($"Er is geen rapportagecyclus met id '{Queries.Parameters.Kort(cyclusId)}'.");

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CyclusPatroon();
}
