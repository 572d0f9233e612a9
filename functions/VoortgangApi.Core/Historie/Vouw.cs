using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Historie;

/// <summary>
/// The one fold of the log, used by every view: the current state, any date as then known, each cycle's snapshot.
/// State at date P as known at moment T: per item, among the status entries recorded at or before T and not
/// replaced by a correction recorded at or before T, the one with the greatest peildatum ≤ P (on equal peildata the
/// later-recorded one); with the content revision in force at P (greatest geldigVanaf ≤ P, then the later-recorded).
/// </summary>
public static class Vouw
{
    public const string GeenStatusToelichting = "Voor deze oplossingsrichting is nog geen status vastgelegd.";

    /// <summary>The state at <paramref name="peildatum"/> as known at <paramref name="bekendOp"/>; <paramref name="log"/> in recording order.</summary>
    public static VoortgangData Stand(IReadOnlyList<Logregel> log, DateOnly peildatum, DateTimeOffset bekendOp)
    {
        var bekend = Bekend(log, bekendOp).ToList();
        var revisies = new Dictionary<(string, string), Revisie>();
        foreach (var r in bekend.Select(r => r.Revisie).OfType<Revisie>())
        {
            // Later lines win ties, so ">=" on the date keeps the later-recorded one.
            if (r.GeldigVanaf <= peildatum && (!revisies.TryGetValue((r.Soort, r.ItemId), out var oud) || r.GeldigVanaf >= oud.GeldigVanaf))
            {
                revisies[(r.Soort, r.ItemId)] = r;
            }
        }

        return Samenstellen(revisies.Values, StatussenInForce(bekend.Select(r => r.Status).OfType<Statusregel>(), peildatum));
    }

    /// <summary>
    /// Per item the status entry in force at <paramref name="peildatum"/> among <paramref name="statussen"/> (in recording
    /// order): not replaced by any of them, the greatest peildatum on or before it, the later-recorded on a tie. The rule
    /// of <see cref="Stand"/>, also for a release's history (what a status changed from).
    /// </summary>
    public static Dictionary<string, Statusregel> StatussenInForce(IEnumerable<Statusregel> statussen, DateOnly peildatum)
    {
        var lijst = statussen as IReadOnlyList<Statusregel> ?? [.. statussen];
        var vervangen = lijst.Select(s => s.Vervangt).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var inForce = new Dictionary<string, Statusregel>(StringComparer.Ordinal);
        foreach (var s in lijst)
        {
            if (s.Peildatum <= peildatum && !vervangen.Contains(s.Id)
                && (!inForce.TryGetValue(s.OplossingsrichtingId, out var eerder) || s.Peildatum >= eerder.Peildatum))
            {
                inForce[s.OplossingsrichtingId] = s;
            }
        }

        return inForce;
    }

    /// <summary>The data set from the revisions in force and each item's status entry in force (shared with <see cref="Tijdlijn"/>).</summary>
    internal static VoortgangData Samenstellen(IEnumerable<Revisie> inForce, IReadOnlyDictionary<string, Statusregel> statussen)
    {
        var partijen = inForce.Select(r => r.Partij).OfType<Partij>().ToList();
        var namen = partijen.ToDictionary(p => p.Id, p => p.Naam, StringComparer.Ordinal);
        return VoortgangOrde.Sorteer(new VoortgangData(
            [.. inForce.Select(r => r.Thema).OfType<Thema>()],
            [.. inForce.Select(r => r.Knelpunt).OfType<Knelpunt>()],
            [.. inForce.Where(r => r.Oplossingsrichting is not null).Select(r => Item(r, statussen.GetValueOrDefault(r.ItemId), namen))],
            partijen));
    }

    /// <summary>The lines recorded at or before <paramref name="bekendOp"/> (the log is ordered by that moment).</summary>
    public static IEnumerable<Logregel> Bekend(IReadOnlyList<Logregel> log, DateTimeOffset bekendOp) =>
        log.TakeWhile(r => r.VastgelegdOp <= bekendOp);

    /// <summary>Status entries known at <paramref name="bekendOp"/> that hold from <paramref name="peildatum"/> or earlier, corrections included.</summary>
    public static IReadOnlyList<Statusregel> Statusregels(IReadOnlyList<Logregel> log, DateOnly peildatum, DateTimeOffset bekendOp) =>
        [.. Bekend(log, bekendOp).Select(r => r.Status).OfType<Statusregel>().Where(s => s.Peildatum <= peildatum)];

    private static Oplossingsrichting Item(Revisie r, Statusregel? s, Dictionary<string, string> namen)
    {
        var i = r.Oplossingsrichting!;
        var status = s is null
            ? new StatusOpPeildatum(Statussen.Onbekend, r.GeldigVanaf, "onbekend", null, GeenStatusToelichting)
            : new StatusOpPeildatum(s.Status, s.Peildatum, s.Zekerheid, s.Bron, s.Toelichting, s.Id);
        // The names as they read at the same moment, next to the ids (a party without a name then keeps its id).
        PartijRol Rol(string id, string rol) => new(id, namen.GetValueOrDefault(id, id), rol);
        return new Oplossingsrichting(r.ItemId, i.ThemaId, i.Titel, i.Omschrijving, i.VerantwoordelijkePartijen, i.BetrokkenPartijen,
            i.Knelpunten, i.Planning, i.BuitenAanpak, status, i.Bronnen,
            [.. i.VerantwoordelijkePartijen.Select(p => Rol(p, "verantwoordelijk")), .. i.BetrokkenPartijen.Select(p => Rol(p, "betrokken"))]);
    }
}
