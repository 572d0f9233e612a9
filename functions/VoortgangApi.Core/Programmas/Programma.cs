namespace VoortgangApi.Core.Programmas;

/// <summary>
/// A progress programme (an Aanpak) with its own themes, items, parties, letters and log. <see cref="Ministeries"/>
/// are the responsible ministries, first the one that leads.
/// </summary>
public sealed record Programma(string Id, string Titel, string Omschrijving, IReadOnlyList<string> Ministeries);

/// <summary>
/// Which officials hold each app role in one programme: per role the Entra object ids of users and groups. The app
/// roles stay global (the Entra manifest never changes per programme); this list limits a role holder to programmes.
/// Object ids identify people: this list is internal audit data, never part of a public answer.
/// </summary>
public sealed record Programmatoegang(IReadOnlyDictionary<string, IReadOnlyList<string>> Rollen)
{
    /// <summary>No grant at all: the state of a programme that was never given one.</summary>
    public static readonly Programmatoegang Leeg = new(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>True when one of <paramref name="ids"/> (the token's oid and groups) holds <paramref name="rol"/> here.</summary>
    public bool Verleent(string rol, IEnumerable<string> ids) =>
        Rollen.TryGetValue(rol, out var houders) && ids.Any(id => houders.Contains(id, StringComparer.OrdinalIgnoreCase));
}

/// <summary>
/// A stored programme: its public description, its grants (null: never set, so every holder of a role may act, as
/// before programmes existed — only the standard programme can be in that state) and the storage version.
/// </summary>
public sealed record ProgrammaVersie(Programma Programma, Programmatoegang? Toegang, string? Versie);

/// <summary>
/// The programme a service works for: its id and whether it is the standard programme, whose data keeps the storage
/// keys and open-data paths of the time before programmes (so a store written then is read as it is).
/// </summary>
public sealed record Programmacontext(string Id, bool IsStandaard);
