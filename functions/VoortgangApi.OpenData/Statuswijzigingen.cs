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

        // What held the day before each status's peildatum, by the fold's own rule; one pass per distinct peildatum.
        var perDag = new Dictionary<DateOnly, Dictionary<string, Statusregel>>();
        return o =>
        {
            if (o.Status.Id is null)
            {
                return (null, null);
            }

            var dag = o.Status.Peildatum.AddDays(-1);
            if (!perDag.TryGetValue(dag, out var inForce))
            {
                perDag[dag] = inForce = Vouw.StatussenInForce(historie, dag);
            }

            var eerder = inForce.GetValueOrDefault(o.Id);
            return eerder is null ? (null, "eerste")
                : eerder.Status == o.Status.Status ? (eerder.Status, "ongewijzigd")
                : (eerder.Status, o.Status.Zekerheid);
        };
    }
}
