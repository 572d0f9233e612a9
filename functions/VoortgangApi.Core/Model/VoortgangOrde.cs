namespace VoortgangApi.Core.Model;

/// <summary>The one ordering of a data set: stable output for the API and a reproducible content hash.</summary>
public static class VoortgangOrde
{
    /// <summary>Themes in letter order, everything else by id (ordinal).</summary>
    public static VoortgangData Sorteer(VoortgangData d) => new(
        [.. d.Themas.OrderBy(t => t.Volgorde).ThenBy(t => t.Id, StringComparer.Ordinal)],
        [.. d.Knelpunten.OrderBy(k => k.Id, StringComparer.Ordinal)],
        [.. d.Oplossingsrichtingen.OrderBy(o => o.Id, StringComparer.Ordinal)],
        [.. d.Partijen.OrderBy(p => p.Id, StringComparer.Ordinal)]);
}
