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

    public static bool IsOplossingsrichtingId(string? id) => id is { Length: <= 8 } && OplossingsrichtingPatroon().IsMatch(id);

    public static bool IsKnelpuntId(string? id) => id is { Length: <= 8 } && KnelpuntPatroon().IsMatch(id);

    public static bool IsPartijId(string? id) => IsCyclusId(id);

    /// <summary>A programme id is a slug like a cycle id: it becomes part of table keys and blob paths.</summary>
    public static bool IsProgrammaId(string? id) => IsCyclusId(id);

    public static bool IsThemaId(string? id) => id is { Length: > 0 and <= 60 } && ThemaPatroon().IsMatch(id);

    /// <summary>The 400 for a malformed programme id in a path.</summary>
    public static Probleem OngeldigeProgrammaId() =>
        Probleem.Ongeldig([new("programmaId", "ongeldigFormaat", "een programma-id bestaat uit kleine letters, cijfers en koppeltekens, bijvoorbeeld aanpak-sekswerkers.")]);

    /// <summary>The 404 for a programme that does not exist.</summary>
    public static Probleem OnbekendProgramma(string programmaId) =>
        Probleem.NietGevonden($"Er is geen programma met id '{Queries.Parameters.Kort(programmaId)}'.");

    /// <summary>The 400 for a malformed item id in a path.</summary>
    public static Probleem OngeldigeId(string naam, string voorbeeld) =>
        Probleem.Ongeldig([new(naam, "ongeldigFormaat", $"geen geldige id; een voorbeeld: {voorbeeld}.")]);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CyclusPatroon();

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ThemaPatroon();

    [GeneratedRegex("^[A-Z]{2}-[0-9]{2,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex OplossingsrichtingPatroon();

    [GeneratedRegex("^P-[A-Z]{2}-[0-9]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex KnelpuntPatroon();
}
