using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.OpenData;
using VoortgangApi.Core.Queries;

namespace VoortgangApi.Core.Volgen;

/// <summary>What a feed follows: the whole programme, one theme, or one solution direction (an item).</summary>
public sealed record Feedbereik(string Soort, string? Id)
{
    public const string Programma = "programma";
    public const string Thema = "thema";
    public const string Item = "oplossingsrichting";

    public static readonly Feedbereik HeelProgramma = new(Programma, null);
}

/// <summary>
/// One entry: a recorded line (a status, a text revision, a correction) or a frozen letter. <see cref="Id"/> is the
/// same in every feed the entry appears in (programme, theme, item), so a reader that follows two never sees it twice.
/// </summary>
public sealed record Feedentry(
    string Id, DateTimeOffset Bijgewerkt, string Titel, string Tekst, string Categorie, string Url, string? HistorieUrl,
    string? Status = null, string? Zekerheid = null, Bron? Bron = null);

/// <summary>A feed: its title, its own URL, the page it is the feed of, and its newest entries (newest first).</summary>
public sealed record Feedinhoud(string Titel, string Self, string Alternate, string Auteur, DateTimeOffset Bijgewerkt, IReadOnlyList<Feedentry> Entries);

/// <summary>
/// The Atom feeds of the log, per programme, theme and item: the newest <see cref="Aantal"/> lines of that scope, and
/// the letters frozen. Read from the log's index (an item's lines are found without a pass over the log); the feed's
/// bytes change only when a line of its scope is recorded, so its ETag holds until then.
/// </summary>
public sealed class Feedqueries(Voortgangslezer bron, OpenDataInstellingen openData, TimeProvider tijd)
{
    public const int Aantal = 50;

    public async Task<Resultaat<Feedinhoud>> FeedAsync(Feedbereik bereik, Parameters query, CancellationToken ct)
    {
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        // The programme's feed needs only the newest lines, a theme or an item the newest of its own items: after a start
        // neither waits for the whole log.
        var (log, laatste) = bereik.Soort == Feedbereik.Programma
            ? await bron.NieuwsteAsync(Aantal, ct)
            : await bron.ItemregelsAsync(l => Sleutels(bereik, l.Huidig(tijd.Vandaag())), Aantal, ct);
        var huidig = log.Huidig(tijd.Vandaag());
        var basis = openData.ProgrammaApiUrl;
        var naam = openData.Namen.Kort;
        var (titel, self, regels) = bereik.Soort switch
        {
            Feedbereik.Thema when huidig.Themas.FirstOrDefault(t => t.Id == bereik.Id) is { } thema =>
                ($"{naam} — thema {thema.Naam}", $"{basis}/themas/{thema.Id}/feed", laatste.OrderByDescending(r => r.Volgnummer).Take(Aantal)),
            Feedbereik.Item when huidig.Oplossingsrichtingen.FirstOrDefault(o => o.Id == bereik.Id) is { } item =>
                ($"{naam} — {item.Id} {item.Titel}", $"{basis}/oplossingsrichtingen/{item.Id}/feed", laatste),
            Feedbereik.Programma => ($"{naam} — alle wijzigingen", $"{basis}/feed", laatste),
            _ => (null, null, (IEnumerable<Logregel>?)null),
        };
        if (titel is null)
        {
            return Probleem.NietGevonden($"Er is geen {bereik.Soort} met id '{Parameters.Kort(bereik.Id ?? "")}'.");
        }

        var opmaak = new Feedopmaak(basis, huidig);
        var entries = regels!.Select(opmaak.Entry).ToList();
        foreach (var c in await bron.CycliAsync(ct))
        {
            if (c.Cyclus.Momentopname is { } m)
            {
                entries.Add(opmaak.Brief(c.Cyclus, m));
            }
        }

        entries = [.. entries.OrderByDescending(e => e.Bijgewerkt).ThenByDescending(e => e.Id, StringComparer.Ordinal).Take(Aantal)];
        var bijgewerkt = entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries.Max(e => e.Bijgewerkt);
        return new Feedinhoud(titel, self!, openData.Url("v1/index.html"), openData.Namen.Afzender, bijgewerkt, entries);
    }

    // The items a feed follows: an item its own lines (statuses and revisions); a theme its own texts, its problems, and
    // every line of its solution directions (as the theme is now). None for an unknown id: the feed answers 404.
    private static IEnumerable<string> Sleutels(Feedbereik bereik, VoortgangData huidig) => bereik.Soort switch
    {
        Feedbereik.Item => [Itemdelen.Sleutel(Itemsoorten.Oplossingsrichting, bereik.Id!)],
        Feedbereik.Thema when huidig.Themas.Any(t => t.Id == bereik.Id) =>
        [
            Itemdelen.Sleutel(Itemsoorten.Thema, bereik.Id!),
            .. huidig.Knelpunten.Where(k => k.ThemaId == bereik.Id).Select(k => Itemdelen.Sleutel(Itemsoorten.Knelpunt, k.Id)),
            .. huidig.Oplossingsrichtingen.Where(o => o.ThemaId == bereik.Id).Select(o => Itemdelen.Sleutel(Itemsoorten.Oplossingsrichting, o.Id)),
        ],
        _ => [],
    };
}
