namespace VoortgangApi.Tests.Infrastructure;

/// <summary>
/// The checkers' reference files (ADR rulesets, DCAT-AP-NL shapes, Frictionless profiles): from VOORTGANG_SHARED,
/// else ../shared beside the clone (as CI lays it out), else their published URLs, which needs a network.
/// </summary>
internal static class Gedeeld
{
    private static readonly Dictionary<string, string> Gepubliceerd = new(StringComparer.Ordinal)
    {
        ["adr/adr-2.2.1-linter.yaml"] = "https://raw.githubusercontent.com/Logius-standaarden/publicatie/main/api/adr/2.2.1/media/linter.yaml",
        ["adr/adr-2.1.0-linter.yaml"] = "https://raw.githubusercontent.com/Logius-standaarden/publicatie/main/api/adr/2.1.0/media/linter.yaml",
    };

    /// <summary>A folder of reference files; these have no single published URL, so the folder must be here.</summary>
    public static string Map(string relatief) =>
        Repo.Shared() is { } map && Directory.Exists(Path.Combine(map, relatief))
            ? Path.Combine(map, relatief)
            : throw new DirectoryNotFoundException($"{relatief} niet gevonden: zet VOORTGANG_SHARED op de map shared/ (of leg shared/ naast de clone).");

    /// <summary>A local path when the file is here, otherwise the published URL.</summary>
    public static string Bestand(string relatief)
    {
        if (Repo.Shared() is { } map && File.Exists(Path.Combine(map, relatief)))
        {
            return Path.Combine(map, relatief);
        }

        return Gepubliceerd.TryGetValue(relatief, out var url)
            ? url
            : throw new FileNotFoundException($"{relatief} niet gevonden: zet VOORTGANG_SHARED op de map shared/ (of leg shared/ naast de clone).");
    }
}
