using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Historie;

/// <summary>Body of POST oplossingsrichtingen/{id}/statussen (schemas/statusregel-invoer.schema.json).</summary>
public sealed record StatusInvoer(string Status, DateOnly Peildatum, string Zekerheid, Bron Bron, string? Toelichting = null, string? Vervangt = null);

/// <summary>Body of PUT oplossingsrichtingen/{id} (schemas/oplossingsrichting-invoer.schema.json).</summary>
public sealed record OplossingsrichtingInvoer(
    string? ThemaId, string Titel, string Omschrijving, IReadOnlyList<string> VerantwoordelijkePartijen, IReadOnlyList<string> BetrokkenPartijen,
    IReadOnlyList<string>? Knelpunten, string Planning, bool BuitenAanpak, IReadOnlyList<Bron> Bronnen, DateOnly? GeldigVanaf = null);

/// <summary>Body of PUT knelpunten/{id} (schemas/knelpunt-invoer.schema.json).</summary>
public sealed record KnelpuntInvoer(string ThemaId, string Soort, string Omschrijving, IReadOnlyList<Bron> Bronnen, DateOnly? GeldigVanaf = null);

/// <summary>Body of PUT partijen/{id} (schemas/partij-invoer.schema.json).</summary>
public sealed record PartijInvoer(string Naam, string Soort, string? Website = null, DateOnly? GeldigVanaf = null);

/// <summary>Body of PUT programmas/{programmaId}/themas/{themaId} (schemas/thema-invoer.schema.json).</summary>
public sealed record ThemaInvoer(string Naam, string Omschrijving, int Volgorde, DateOnly? GeldigVanaf = null);

/// <summary>The outcome of a content write: the item as it now reads, whether it was created, and its entity tag.</summary>
public sealed record RevisieUitkomst(object Item, bool Nieuw, string ETag, string Locatie);

/// <summary>The outcome of a status write: the entry, and whether this request recorded it (false: an idempotent repeat).</summary>
public sealed record StatusUitkomst(Statusregel Regel, bool Herhaald);
