using System.Collections.Concurrent;

namespace VoortgangApi.Core.Historie;

/// <summary>
/// The reads that follow one item, or page through the log, without the whole index: after a start on a checkpoint's
/// head they read the checkpoint's files that hold what they need (an item's parts, the segments of a page) and the
/// lines after the checkpoint; once the whole index is read, they read it.
/// </summary>
public sealed partial class Logboek
{
    private readonly ConcurrentDictionary<Checkpunt, Task<Itemregister?>> _registers = new();

    /// <summary>
    /// The current state and the lines of some items (their keys, <see cref="Itemdelen.Sleutel(string, string)"/>, chosen
    /// from that state), in recording order: an item's history, the feeds of a theme or an item. After a start on a
    /// checkpoint, before the whole index is read, from the checkpoint's parts of those items and the lines after it.
    /// With <paramref name="nieuwste"/>, per item at least its newest that many lines and every line recorded at the same
    /// moment as the oldest of those (all a feed of that length can show), so fewer parts are read.
    /// </summary>
    public async Task<(Logstand Stand, IReadOnlyList<Logregel> Regels)> ItemregelsAsync(Func<Logstand, IEnumerable<string>> sleutels, int? nieuwste, CancellationToken ct)
    {
        var stand = await LeesAsync(ct);
        if (!stand.Tijdlijn.Volledig && await UitItemdelenAsync(stand, [.. sleutels(stand).Distinct(StringComparer.Ordinal)], nieuwste, ct) is { } gelezen)
        {
            return (stand, gelezen);
        }

        var volledig = stand.Tijdlijn.Volledig ? stand : await VolledigAsync(ct);
        return (volledig, [.. sleutels(volledig).Distinct(StringComparer.Ordinal)
            .SelectMany(s => volledig.Tijdlijn.RegelsVan(s, volledig.Volgnummer)).OrderBy(r => r.Volgnummer)]);
    }

    /// <summary>
    /// The current state and at most <paramref name="aantal"/> lines after number <paramref name="na"/>, in order: a page
    /// of the change feed. After a start on a checkpoint, before the whole index is read, from the segments that hold
    /// them and the lines after the checkpoint.
    /// </summary>
    public async Task<(Logstand Stand, IReadOnlyList<Logregel> Regels)> RegelsNaAsync(long na, int aantal, CancellationToken ct) =>
        await PaginaAsync(await LeesAsync(ct), _ => na, aantal, ct);

    /// <summary>
    /// As <see cref="RegelsNaAsync"/>, on the log as storage has it now (another instance's commit included): for work
    /// that must not miss a line (a webhook round, the check after a commit); still a page, not the whole index.
    /// </summary>
    public async Task<(Logstand Stand, IReadOnlyList<Logregel> Regels)> VersRegelsNaAsync(long na, int aantal, CancellationToken ct) =>
        await PaginaAsync(await VersAsync(ct, Tijd.Vandaag()), _ => na, aantal, ct);

    /// <summary>
    /// The current state and its newest lines (at most <paramref name="aantal"/>), newest first: the programme's change
    /// feed, the last page of the log (after a start: the lines after the checkpoint and its last segment).
    /// </summary>
    public async Task<(Logstand Stand, IReadOnlyList<Logregel> Regels)> NieuwsteAsync(int aantal, CancellationToken ct)
    {
        var (stand, regels) = await PaginaAsync(await LeesAsync(ct), s => Math.Max(0, s.Volgnummer - aantal), aantal, ct);
        return (stand, [.. regels.Reverse()]);
    }

    // A page of the state that answers it: from the segments and the tail on a head, else from the whole index (whose
    // own last number decides where "the newest" starts, hence the function).
    private async Task<(Logstand Stand, IReadOnlyList<Logregel> Regels)> PaginaAsync(Logstand stand, Func<Logstand, long> na, int aantal, CancellationToken ct)
    {
        if (!stand.Tijdlijn.Volledig && await UitSegmentenAsync(stand, na(stand), aantal, ct) is { } gelezen)
        {
            return (stand, gelezen);
        }

        var volledig = stand.Tijdlijn.Volledig ? stand : await VolledigAsync(ct);
        var alle = volledig.Regels;
        var start = (int)Math.Min(na(volledig), alle.Count);
        return (volledig, [.. Enumerable.Range(start, Math.Min(aantal, alle.Count - start)).Select(i => alle[i])]);
    }

    // The page from the segments it falls in and the tail; null when not on a head or a segment does not hold up.
    private async Task<List<Logregel>?> UitSegmentenAsync(Logstand stand, long na, int aantal, CancellationToken ct)
    {
        if (_gestart is not { } c || _staart is not { } staart || checkpunten is null)
        {
            return null;
        }

        var tot = Math.Min(stand.Volgnummer, na + aantal);
        var uit = new List<Logregel>();
        foreach (var segment in c.Checkpunt.Segmenten.Where(s => s.Tot > na && s.Van <= tot))
        {
            if (await GedeeldAsync(_segmenten, segment, s => checkpunten.LaadSegmentAsync(s, CancellationToken.None), ct) is not { } regels)
            {
                return null;
            }

            uit.AddRange(regels.Where(r => r.Volgnummer > na && r.Volgnummer <= tot));
        }

        uit.AddRange(staart.Where(r => r.Volgnummer > na && r.Volgnummer <= tot));
        return uit.Count == Math.Max(0, tot - na) ? uit : null; // gapless, or the whole index answers
    }

    // The items' lines from the checkpoint's register, their parts and the tail; null when not on a head or a file does not hold up.
    private async Task<List<Logregel>?> UitItemdelenAsync(Logstand stand, IReadOnlyList<string> sleutels, int? nieuwste, CancellationToken ct)
    {
        if (_gestart is not { Checkpunt.Itemregister: not null } c || _staart is not { } staart || checkpunten is not { } beheer
            || await GedeeldAsync(_registers, c.Checkpunt, x => beheer.LaadItemregisterAsync(x, CancellationToken.None), ct) is not { } register)
        {
            return null;
        }

        var staartPerItem = staart.Where(r => r.Volgnummer <= stand.Volgnummer).ToLookup(Itemdelen.Sleutel, StringComparer.Ordinal);
        var perItem = await Task.WhenAll(sleutels.Select(s => ItemAsync(beheer, register, s, [.. staartPerItem[s]], nieuwste, ct)));
        return perItem.Any(p => p is null) ? null : [.. perItem.SelectMany(p => p!).OrderBy(r => r.Volgnummer)];
    }

    // One item's lines: all its parts side by side, or its newest parts until enough; null when one does not hold up or
    // cannot be read (the whole index answers, or reports the failure).
    private static async Task<List<Logregel>?> ItemAsync(Checkpuntbeheer beheer, Itemregister register, string sleutel, List<Logregel> staart, int? nieuwste, CancellationToken ct)
    {
        var delen = register.Items.GetValueOrDefault(sleutel, []);
        try
        {
            if (nieuwste is not { } n)
            {
                var gelezen = await Task.WhenAll(delen.Select(d => beheer.LaadItemdeelAsync(sleutel, d, ct)));
                return gelezen.Any(g => g is null) ? null : [.. gelezen.SelectMany(g => g!), .. staart];
            }

            var nieuwsteEerst = Enumerable.Reverse(staart).ToList();
            for (var i = delen.Count - 1; i >= 0 && !(nieuwsteEerst.Count > n && nieuwsteEerst[^1].VastgelegdOp < nieuwsteEerst[n - 1].VastgelegdOp); i--)
            {
                if (await beheer.LaadItemdeelAsync(sleutel, delen[i], ct) is not { } regels)
                {
                    return null;
                }

                nieuwsteEerst.AddRange(Enumerable.Reverse(regels));
            }

            return nieuwsteEerst;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }
}
