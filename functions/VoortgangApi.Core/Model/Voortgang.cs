namespace VoortgangApi.Core.Model;

/// <summary>A public source: a letter, a web page or a news item; what kind it is and its date where known.</summary>
public sealed record Bron(string Titel, string? Url, string? Kamerstuk = null, DateOnly? Datum = null, string? Soort = null);

/// <summary>The kinds of source (<see cref="Bron.Soort"/>).</summary>
public static class Bronsoorten
{
    public static readonly IReadOnlyList<string> Alle = ["kamerbrief", "nota", "overheid", "derden"];
}

/// <summary>One of the five themes of the programme.</summary>
public sealed record Thema(string Id, string Naam, string Omschrijving, int Volgorde);

/// <summary>A problem that sex workers experience within a theme.</summary>
public sealed record Knelpunt(string Id, string ThemaId, string Omschrijving, string Soort, IReadOnlyList<Bron> Bronnen);

/// <summary>An organisation involved in the programme. Organisations only: never a person.</summary>
public sealed record Partij(string Id, string Naam, string Soort, string? Website);

/// <summary>
/// A status as known at a cut-off date, with where it comes from and how certain it is; <see cref="Id"/> names the
/// status entry in the item's history (absent while no status was ever recorded, and then without a source).
/// </summary>
public sealed record StatusOpPeildatum(
    string Status, DateOnly Peildatum, string Zekerheid, Bron? Bron, string? Toelichting, string? Id = null);

/// <summary>
/// A solution direction or initiative, with its parties, planning and current status. <see cref="ThemaId"/> is null for
/// what concerns the whole programme (the letter on the vision on sex work), not one of its five themes.
/// </summary>
public sealed record Oplossingsrichting(
    string Id,
    string? ThemaId,
    string Titel,
    string Omschrijving,
    IReadOnlyList<string> VerantwoordelijkePartijen,
    IReadOnlyList<string> BetrokkenPartijen,
    IReadOnlyList<string> Knelpunten,
    string Planning,
    bool BuitenAanpak,
    StatusOpPeildatum Status,
    IReadOnlyList<Bron> Bronnen,
    IReadOnlyList<PartijRol>? Partijen = null);

/// <summary>A party named with an item, so a reader needs no second call: id, name, and whether it is responsible or involved.</summary>
public sealed record PartijRol(string Id, string Naam, string Rol);

/// <summary>The whole progress state at one moment: the current data, or a cycle's snapshot.</summary>
public sealed record VoortgangData(
    IReadOnlyList<Thema> Themas,
    IReadOnlyList<Knelpunt> Knelpunten,
    IReadOnlyList<Oplossingsrichting> Oplossingsrichtingen,
    IReadOnlyList<Partij> Partijen);
