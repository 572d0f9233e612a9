using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Historie;

/// <summary>A problem with the solution directions that address it.</summary>
public sealed record KnelpuntDetail(
    string Id, string ThemaId, string Omschrijving, string Soort, IReadOnlyList<Bron> Bronnen, IReadOnlyList<OplossingsrichtingVerwijzing> Oplossingsrichtingen);

/// <summary>An organisation with the solution directions it is responsible for or involved in.</summary>
public sealed record PartijDetail(
    string Id, string Naam, string Soort, string? Website, IReadOnlyList<OplossingsrichtingVerwijzing> Oplossingsrichtingen);

/// <summary>A solution direction named from elsewhere: enough to show it without a second call.</summary>
public sealed record OplossingsrichtingVerwijzing(string Id, string Titel, string Status, string? Rol = null);

/// <summary>The public representation of one item of any kind, as GET shows it (and as its ETag is computed).</summary>
public static class Items
{
    public static object? Zoek(VoortgangData data, string soort, string id) => soort switch
    {
        Itemsoorten.Oplossingsrichting => data.Oplossingsrichtingen.FirstOrDefault(o => o.Id == id),
        Itemsoorten.Knelpunt => data.Knelpunten.FirstOrDefault(k => k.Id == id) is { } k ? Knelpunt(k, data) : null,
        Itemsoorten.Partij => data.Partijen.FirstOrDefault(p => p.Id == id) is { } p ? Partij(p, data) : null,
        Itemsoorten.Thema => data.Themas.FirstOrDefault(t => t.Id == id) is { } t ? Queries.ThemaDetail.Van(t, data) : null,
        _ => null,
    };

    public static string Collectie(string soort) => soort switch
    {
        Itemsoorten.Knelpunt => "knelpunten",
        Itemsoorten.Partij => "partijen",
        Itemsoorten.Thema => "themas",
        _ => "oplossingsrichtingen",
    };

    public static KnelpuntDetail Knelpunt(Knelpunt k, VoortgangData data) =>
        new(k.Id, k.ThemaId, k.Omschrijving, k.Soort, k.Bronnen,
            [.. data.Oplossingsrichtingen.Where(o => o.Knelpunten?.Contains(k.Id) == true).Select(o => new OplossingsrichtingVerwijzing(o.Id, o.Titel, o.Status.Status))]);

    public static PartijDetail Partij(Partij p, VoortgangData data) =>
        new(p.Id, p.Naam, p.Soort, p.Website,
            [.. data.Oplossingsrichtingen
                .Where(o => o.VerantwoordelijkePartijen.Contains(p.Id) || o.BetrokkenPartijen.Contains(p.Id))
                .Select(o => new OplossingsrichtingVerwijzing(o.Id, o.Titel, o.Status.Status,
                    o.VerantwoordelijkePartijen.Contains(p.Id) ? "verantwoordelijk" : "betrokken"))]);
}
