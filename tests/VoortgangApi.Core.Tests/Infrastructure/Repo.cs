namespace VoortgangApi.Tests.Infrastructure;

/// <summary>Paths in the repository, found from the test output folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Pad(params string[] delen) => Path.Combine([Root, .. delen]);

    /// <summary>A copy of shared/ beside the clone (as CI lays it), or the folder in VOORTGANG_SHARED; null when absent.</summary>
    public static string? Shared()
    {
        var map = Environment.GetEnvironmentVariable("VOORTGANG_SHARED") ?? Path.Combine(Root, "..", "shared");
        return Directory.Exists(map) ? Path.GetFullPath(map) : null;
    }

    private static string FindRoot()
    {
        for (var map = new DirectoryInfo(AppContext.BaseDirectory); map is not null; map = map.Parent)
        {
            if (File.Exists(Path.Combine(map.FullName, "VoortgangApi.sln")))
            {
                return map.FullName;
            }
        }

        throw new InvalidOperationException($"VoortgangApi.sln niet gevonden boven {AppContext.BaseDirectory}.");
    }
}
