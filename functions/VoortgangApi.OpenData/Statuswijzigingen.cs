using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;

namespace VoortgangApi.OpenData;

/// <summary>
/// Per item of a release, the status it changed from and how certain that change is, from the release's recorded
/// history: so a derived change reads as derived in a spreadsheet too, not only on the status page.
/// </summary>
public static class Statuswijzigingen
{
    /// <summary>A lookup over the history: (vorigeStatus, statuswijziging: eerste, ongewijzigd or the new status's certainty), both null where the release has no history.</summary>
    public static Func<Oplossingsrichting, (string? Van, string? Wijziging)> Van(IReadOnlyList<Statusregel>? historie)
    {
        if (historie is null)
        {
            return _ => (null, null);
        }

        // Corrected entries no longer say anything; the rest per item in peildatum order (recording order on a tie).
        var vervangen = historie.Select(s => s.Vervangt).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var perItem = historie.Where(s => !vervangen.Contains(s.Id)).Select((s, i) => (s, i))
            .GroupBy(p => p.s.OplossingsrichtingId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.s.Peildatum).ThenBy(p => p.i).Select(p => p.s).ToList(), StringComparer.Ordinal);
        return o =>
        {
            if (o.Status.Id is null)
            {
                return (null, null);
            }

            var eerder = perItem.GetValueOrDefault(o.Id)?.LastOrDefault(s => s.Peildatum < o.Status.Peildatum);
            return eerder is null ? (null, "eerste")
                : eerder.Status == o.Status.Status ? (eerder.Status, "ongewijzigd")
                : (eerder.Status, o.Status.Zekerheid);
        };
    }
}
