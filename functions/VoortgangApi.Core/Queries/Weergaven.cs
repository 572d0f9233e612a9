using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Queries;

/// <summary>A theme in the list: its counts per status, so a reader sees progress without paging.</summary>
public sealed record ThemaSamenvatting(
    string Id, string Naam, string Omschrijving, int Volgorde,
    int AantalOplossingsrichtingen, IReadOnlyDictionary<string, int> AantalPerStatus)
{
    /// <summary>Counts the theme's items per status (every status present, zeros included).</summary>
    public static ThemaSamenvatting Van(Thema t, VoortgangData data)
    {
        var vanThema = data.Oplossingsrichtingen.Where(o => o.ThemaId == t.Id).ToList();
        var perStatus = Statussen.Alle.ToDictionary(s => s, s => vanThema.Count(o => o.Status.Status == s));
        return new ThemaSamenvatting(t.Id, t.Naam, t.Omschrijving, t.Volgorde, vanThema.Count, perStatus);
    }
}

/// <summary>A theme with everything under it.</summary>
public sealed record ThemaDetail(
    string Id, string Naam, string Omschrijving, int Volgorde,
    int AantalOplossingsrichtingen, IReadOnlyDictionary<string, int> AantalPerStatus,
    IReadOnlyList<Knelpunt> Knelpunten, IReadOnlyList<Oplossingsrichting> Oplossingsrichtingen)
{
    public static ThemaDetail Van(Thema t, VoortgangData data)
    {
        var s = ThemaSamenvatting.Van(t, data);
        return new ThemaDetail(s.Id, s.Naam, s.Omschrijving, s.Volgorde, s.AantalOplossingsrichtingen, s.AantalPerStatus,
            [.. data.Knelpunten.Where(k => k.ThemaId == t.Id)],
            [.. data.Oplossingsrichtingen.Where(o => o.ThemaId == t.Id)]);
    }
}

/// <summary>One page of a filtered collection.</summary>
public sealed record Pagina<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Totaal)
{
    public int AantalPaginas => Totaal == 0 ? 0 : (Totaal + PageSize - 1) / PageSize;
}

