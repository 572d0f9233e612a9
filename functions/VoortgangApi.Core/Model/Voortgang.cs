namespace VoortgangApi.Core.Model;

/// <summary>
/// A public source: a letter, a web page or a news item; what kind it is and where it stands in time. A source has its
/// own <see cref="Datum"/>, or a stated date from which it is known (<see cref="BekendVanaf"/>, with the reason in
/// <see cref="Tijdsbepaling"/>: the month in its title, the event it reports), or neither: then it is undated, and the
/// time rules treat it as known only when the data was compiled. <see cref="Passage"/> quotes where the source says it.
/// </summary>
public sealed record Bron(
    string Titel, string? Url, string? Kamerstuk = null, DateOnly? Datum = null, string? Soort = null,
    DateOnly? BekendVanaf = null, string? Tijdsbepaling = null, Passage? Passage = null)
{
    /// <summary>The date from which the source is known: its own date, else the stated one; null when undated.</summary>
    public DateOnly? BekendOp() => Datum ?? BekendVanaf;
}

/// <summary>
/// The passage of a source that says it (at most ten words, quoted as written) and a link that opens the source on it
/// (a URL text fragment, <c>#:~:text=</c>, absent when the source has no public URL). <see cref="GecontroleerdTegenKopie"/>
/// says whether the passage was checked against a copy of the source kept with the data (the ministry's nota), or only
/// copied from the published page.
/// </summary>
public sealed record Passage(string Tekst, bool GecontroleerdTegenKopie, string? Url = null)
{
    public const int MaxWoorden = 10;

    /// <summary>The passage with its link into <paramref name="bronUrl"/>: the text directive percent-encodes '-', ',' and '&amp;' too.</summary>
    public Passage MetLink(string? bronUrl) => this with
    {
        Url = bronUrl is null ? null : $"{bronUrl.Split('#')[0]}#:~:text={Uri.EscapeDataString(Tekst).Replace("-", "%2D", StringComparison.Ordinal)}",
    };

    // A body may leave the text out (the contract keeps it optional so the passage stays an addition): then 0 words.
    public int Woorden() => (Tekst ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}

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
