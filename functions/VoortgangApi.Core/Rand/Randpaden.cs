namespace VoortgangApi.Core.Rand;

/// <summary>
/// Which public paths a commit changed, as the edge's purge takes them: everything of the programme (its answers under
/// <c>/api/v1/programmas/{id}</c>, and for the standard programme also its short paths), the list of programmes (it
/// shows each one's counts) and, after a publication, the programme's open data. Purging all of a programme is
/// deliberately coarse: one write can change any summary, page or feed of it, and another programme is left alone.
/// </summary>
public sealed class Randpaden(string standaardId, string apiPad = "/api/v1", string openDataPad = "/open-data")
{
    /// <summary>The first path segments of the standard programme's short paths (the 1.5.1 paths without a programme).</summary>
    public static readonly IReadOnlyList<string> StandaardWortels =
        ["themas", "knelpunten", "partijen", "oplossingsrichtingen", "overzicht", "wijzigingen", "rapportagecycli", "feed"];

    public IReadOnlyList<string> Voor(Wijziging wijziging)
    {
        var id = wijziging.ProgrammaId;
        var paden = new List<string> { $"{apiPad}/programmas", $"{apiPad}/programmas/{id}", $"{apiPad}/programmas/{id}/*" };
        if (id == standaardId)
        {
            paden.Add($"{apiPad}/");
            foreach (var wortel in StandaardWortels)
            {
                paden.Add($"{apiPad}/{wortel}");
                paden.Add($"{apiPad}/{wortel}/*");
            }
        }

        if (wijziging.Soort is Wijzigingssoorten.Publicatie or Wijzigingssoorten.Programma)
        {
            // The open data of the standard programme lives at v1/, another's under programmas/{id}/ (StorageRegistratie.OpenDataMap),
            // with the overview of all programmes beside them.
            paden.Add(id == standaardId ? $"{openDataPad}/v1/*" : $"{openDataPad}/programmas/{id}/*");
            paden.Add($"{openDataPad}/programmas/index.html");
            paden.Add($"{openDataPad}/programmas/catalogus.jsonld");
        }

        return paden;
    }

    /// <summary>A path the purge accepts: absolute, no query, only the characters of this API's paths (no regex or glob but a final /*).</summary>
    public static bool IsGeldig(string pad)
    {
        var kern = pad.EndsWith("/*", StringComparison.Ordinal) ? pad[..^1] : pad;
        return kern.StartsWith('/') && kern.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.') && !kern.Contains("..", StringComparison.Ordinal);
    }
}
