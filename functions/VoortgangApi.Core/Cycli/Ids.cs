using System.Text.RegularExpressions;

namespace VoortgangApi.Core.Cycli;

/// <summary>
/// Id formats checked before anything touches storage: a cycle id becomes a table key, and characters such as
/// '/', '#' or '?' are not allowed there.
/// </summary>
public static partial class Ids
{
    public static bool IsCyclusId(string? id) => id is { Length: > 0 and <= 60 } && CyclusPatroon().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CyclusPatroon();
}
