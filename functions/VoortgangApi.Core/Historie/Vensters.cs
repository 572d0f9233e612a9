namespace VoortgangApi.Core.Historie;

/// <summary>
/// How a checkpoint divides the peildata into windows (<see cref="Checkpuntvenster"/>), and which windows a checkpoint
/// must write again. The ranges stay put from one checkpoint to the next — only the last one, open to the future, is
/// divided again once it holds twice <see cref="Doel"/> entries — so a window no new line touched is named again
/// instead of written: a checkpoint's cost follows the lines since the previous one, not the log's length.
/// </summary>
public static class Vensters
{
    /// <summary>
    /// Entries dated within one window. With the entries in force at its start (one per item and kind) a window of the
    /// bench's log of 200 items holds about 900 lines: read, checked and indexed in tens of milliseconds.
    /// </summary>
    public const int Doel = 500;

    /// <summary>The ranges for a checkpoint: the previous checkpoint's when it has them, else the dates divided afresh.</summary>
    public static List<(DateOnly Van, DateOnly Tot)> Indeling(Tijdlijn tijdlijn, long tot, IReadOnlyList<Checkpuntvenster>? vorige, int doel = Doel)
    {
        if (vorige is { Count: > 0 })
        {
            // The last window, open to the future, is divided again once it holds twice the goal (after a letter or an
            // import of older lines, or simply with time); the others stay as they are.
            var lijst = vorige.Select(v => (v.Van, v.Tot)).ToList();
            var (van, _) = lijst[^1];
            if (tijdlijn.AantalVanaf(van) >= 2 * doel)
            {
                lijst.RemoveAt(lijst.Count - 1);
                lijst.AddRange(Verdeel(tijdlijn.Datums(tot).Where(d => d >= van), van, doel));
            }

            return lijst;
        }

        return Verdeel(tijdlijn.Datums(tot), DateOnly.MinValue, doel);
    }

    // Consecutive ranges from the first date on, each closed at the first date after it holds the goal; the last open.
    private static List<(DateOnly Van, DateOnly Tot)> Verdeel(IEnumerable<DateOnly> datums, DateOnly begin, int doel)
    {
        var uit = new List<(DateOnly, DateOnly)>();
        var aantal = 0;
        foreach (var (datum, n) in datums.CountBy(d => d).OrderBy(x => x.Key))
        {
            if (aantal >= doel && datum > begin)
            {
                uit.Add((begin, datum.AddDays(-1)));
                (begin, aantal) = (datum, 0);
            }

            aantal += n;
        }

        uit.Add((begin, DateOnly.MaxValue));
        return uit;
    }

    /// <summary>Whether a window's range meets a range of peildata that a new line can change (<see cref="Tijdlijn.Bereik"/>).</summary>
    public static bool Geraakt(DateOnly van, DateOnly tot, IEnumerable<(DateOnly Van, DateOnly? Tot)> bereiken) =>
        bereiken.Any(b => tot >= b.Van && (b.Tot is not { } eind || van < eind));
}
