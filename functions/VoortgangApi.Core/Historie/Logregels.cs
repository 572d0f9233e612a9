using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Historie;

/// <summary>The texts of a solution direction, without its id and status: what a content revision records.</summary>
public sealed record OplossingsrichtingInhoud(
    string? ThemaId,
    string Titel,
    string Omschrijving,
    IReadOnlyList<string> VerantwoordelijkePartijen,
    IReadOnlyList<string> BetrokkenPartijen,
    IReadOnlyList<string> Knelpunten,
    string Planning,
    bool BuitenAanpak,
    IReadOnlyList<Bron> Bronnen);

/// <summary>
/// One status of a solution direction, from <see cref="Peildatum"/> on (valid time), as recorded at
/// <see cref="VastgelegdOp"/> (transaction time). Never changed: a mistake is corrected by a newer entry whose
/// <see cref="Vervangt"/> names this one.
/// </summary>
public sealed record Statusregel(
    string Id, string OplossingsrichtingId, string Status, DateOnly Peildatum, string Zekerheid, Bron Bron,
    string? Toelichting, string? Vervangt, DateTimeOffset VastgelegdOp);

/// <summary>
/// One version of an item's texts, in force from <see cref="GeldigVanaf"/> until a revision with a later date.
/// Exactly one of the content members is set, the one that <see cref="Soort"/> names.
/// </summary>
public sealed record Revisie(
    string Id, string Soort, string ItemId, DateOnly GeldigVanaf, DateTimeOffset VastgelegdOp,
    Thema? Thema = null, Knelpunt? Knelpunt = null, Partij? Partij = null, OplossingsrichtingInhoud? Oplossingsrichting = null);

/// <summary>The kinds of item that have a history of texts.</summary>
public static class Itemsoorten
{
    public const string Thema = "thema";
    public const string Knelpunt = "knelpunt";
    public const string Partij = "partij";
    public const string Oplossingsrichting = "oplossingsrichting";
}

/// <summary>
/// A line of the append-only log: a status entry or a content revision, numbered in recording order. The
/// number is gapless and increases with <see cref="VastgelegdOp"/>, so it is both the feed's cursor and the data version.
/// </summary>
public sealed record Logregel(long Volgnummer, string Soort, DateTimeOffset VastgelegdOp, Statusregel? Status = null, Revisie? Revisie = null)
{
    public const string StatusSoort = "status";
    public const string RevisieSoort = "revisie";

    /// <summary>A line not yet recorded: number and moment are set by <see cref="Nummer"/> when it is appended.</summary>
    public static Logregel Nieuw(Statusregel status) => new(0, StatusSoort, default, Status: status);

    public static Logregel Nieuw(Revisie revisie) => new(0, RevisieSoort, default, Revisie: revisie);

    [System.Text.Json.Serialization.JsonIgnore]
    public string Id => Status?.Id ?? Revisie!.Id;

    /// <summary>The line number an id is made of (st-12, rv-13; see <see cref="Nummer"/>), or null for anything else.</summary>
    public static long? VolgnummerVan(string id) =>
        (id.StartsWith("st-", StringComparison.Ordinal) || id.StartsWith("rv-", StringComparison.Ordinal))
        && long.TryParse(id.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The line as recorded: its number, the moment, and ids derived from the number (st-12, rv-13).</summary>
    public Logregel Nummer(long volgnummer, DateTimeOffset op)
    {
        var id = (Status is null ? "rv-" : "st-") + volgnummer.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return this with
        {
            Volgnummer = volgnummer,
            VastgelegdOp = op,
            Status = Status is null ? null : Status with { Id = id, VastgelegdOp = op },
            Revisie = Revisie is null ? null : Revisie with { Id = id, VastgelegdOp = op },
        };
    }
}
