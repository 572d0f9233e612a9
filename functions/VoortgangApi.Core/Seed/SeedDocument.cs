using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Seed;

// The shape of data/seed.json (see schemas/seed.schema.json): like the API resources, except that an
// oplossingsrichting carries its status per cycle (and its earlier texts), so one file seeds the whole history.
// BronnenGeraadpleegdOp is when the sources were read: an undated source is known from then, and not before.
internal sealed record SeedDocument(
    string SchemaVersie,
    IReadOnlyList<Thema> Themas,
    IReadOnlyList<Partij> Partijen,
    IReadOnlyList<SeedKnelpunt> Knelpunten,
    IReadOnlyList<SeedCyclus> Rapportagecycli,
    IReadOnlyList<SeedOplossingsrichting> Oplossingsrichtingen,
    DateOnly BronnenGeraadpleegdOp);

// A problem as in the API, with the date from which it was reported when no source's date says so.
internal sealed record SeedKnelpunt(string Id, string ThemaId, string Omschrijving, string Soort, IReadOnlyList<Bron> Bronnen, DateOnly? GeldigVanaf = null)
{
    public Knelpunt Met(IReadOnlyList<Bron> bronnen) => new(Id, ThemaId, Omschrijving, Soort, bronnen);
}

internal sealed record SeedCyclus(string Id, string Titel, DateOnly Peildatum, Kamerbrief Kamerbrief);

internal sealed record SeedStatus(string Status, string Zekerheid, Bron Bron, string? Toelichting);

// Texts as they read in an earlier cycle, where they differ from the item's (latest) texts.
internal sealed record SeedTekst(string? Titel, string? Omschrijving, string? Planning);

internal sealed record SeedOplossingsrichting(
    string Id,
    string? ThemaId,
    string Titel,
    string Omschrijving,
    IReadOnlyList<string> VerantwoordelijkePartijen,
    IReadOnlyList<string> BetrokkenPartijen,
    string Planning,
    bool BuitenAanpak,
    IReadOnlyList<Bron> Bronnen,
    IReadOnlyDictionary<string, SeedStatus> Statussen,
    IReadOnlyList<string>? Knelpunten = null,
    IReadOnlyDictionary<string, SeedTekst>? Teksten = null);
