namespace VoortgangApi.Core.Model;

/// <summary>
/// The letter to parliament a reporting cycle belongs to. <see cref="Zekerheid"/> says how certain its reference
/// (Kamerstuk number) is, and <see cref="Toelichting"/> why, where it is derived rather than read from the letter.
/// </summary>
public sealed record Kamerbrief(
    DateOnly Datum, string? Kamerstuk, string? Url, string? Documentnummer, string? Kenmerk, string? Zekerheid = null, string? Toelichting = null);

/// <summary>Counts in a snapshot, so a reader can check completeness without downloading it.</summary>
public sealed record Aantallen(int Themas, int Knelpunten, int Oplossingsrichtingen, int Partijen);

/// <summary>
/// Metadata of a taken snapshot. <see cref="BekendOp"/> and <see cref="Logpositie"/> say how much of the progress log it
/// saw (the moment and number of its last line): the snapshot is the fold of the log at the peildatum as known then.
/// Snapshots taken before the log existed have neither.
/// </summary>
public sealed record MomentopnameInfo(DateTimeOffset GenomenOp, string InhoudHash, Aantallen Aantallen, DateTimeOffset? BekendOp = null, long? Logpositie = null);

/// <summary>The states of a reporting cycle. A cycle only moves forward: gepland → vastgesteld.</summary>
public static class Toestanden
{
    public const string Gepland = "gepland";
    public const string Vastgesteld = "vastgesteld";
}

/// <summary>A reporting cycle: one letter to parliament and the frozen progress state at its cut-off date.</summary>
/// <remarks>
/// <see cref="Behandelaar"/>, <see cref="GeplandDoor"/> (who planned it last) and <see cref="VastgesteldDoor"/> (who
/// froze it: the official, or the timer) are personal data: JsonIgnore keeps them out of every serialised form.
/// </remarks>
public sealed record Rapportagecyclus(
    string Id, string Titel, DateOnly Peildatum, Kamerbrief Kamerbrief, string Toestand, MomentopnameInfo? Momentopname,
    [property: Persoonsgegeven, System.Text.Json.Serialization.JsonIgnore] Behandelaar? Behandelaar = null,
    [property: Persoonsgegeven, System.Text.Json.Serialization.JsonIgnore] Historie.Vastlegger? GeplandDoor = null,
    [property: Persoonsgegeven, System.Text.Json.Serialization.JsonIgnore] Historie.Vastlegger? VastgesteldDoor = null);
