using Microsoft.Extensions.Options;

namespace VoortgangApi.LocalHost;

/// <summary>
/// The app settings as the host's triggers read them: the configured ones (as local.settings.json Values), else the
/// host's configuration (the environment, where <c>A__B</c> is <c>A:B</c>); and a trigger property <c>%Name%</c>
/// resolved to that setting, as the Azure host's name resolver does.
/// </summary>
internal sealed class Appinstellingen(IOptions<LokaleHostOpties> opties, IConfiguration configuratie)
{
    public string? Lees(string naam) =>
        opties.Value.Instellingen.TryGetValue(naam, out var waarde) ? waarde : configuratie[naam.Replace("__", ":", StringComparison.Ordinal)];

    /// <summary>The value itself, or for <c>%Name%</c> the setting Name (null when it is not set).</summary>
    public string? Los(string? waarde) =>
        waarde is { Length: > 2 } && waarde.StartsWith('%') && waarde.EndsWith('%') ? Lees(waarde.Trim('%')) : waarde;
}
