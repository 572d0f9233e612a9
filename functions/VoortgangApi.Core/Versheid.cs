namespace VoortgangApi.Core;

/// <summary>
/// A value kept in memory: the counter of writes and the moment when it was loaded, and — while storage is unreachable
/// and it is served anyway — since when it has not been confirmed.
/// </summary>
public sealed record Bewaard<T>(T Waarde, long Teller, DateTimeOffset Moment, DateTimeOffset? OnbevestigdSinds = null);

/// <summary>
/// The one freshness rule of every in-memory cache (the log, cycles, snapshots, prepared answers): a kept value is fresh
/// while no write happened in this process (the <see cref="Wijzigingsteller"/> is unchanged) and it is younger than the
/// interval, so another instance's write is seen within the interval. A failed load is never kept; when a refresh
/// fails and a value was loaded before, that value is served for another interval — reads keep working through a
/// storage outage, and a dead storage account is not waited for twice in a row.
/// </summary>
public sealed class Versheid(Wijzigingsteller wijzigingen, TimeProvider tijd, TimeSpan interval)
{
    // Set for the duration of one request that will fill a shared cache (the edge): any value loaded before that moment
    // is stale for it, so a path the edge just purged is never refilled with a state older than the write that purged it.
    private static readonly AsyncLocal<DateTimeOffset?> VersSindsEis = new();

    public TimeProvider Tijd => tijd;

    /// <summary>
    /// Until disposed, this flow of execution only accepts values loaded at or after <paramref name="moment"/>: every
    /// kept value older than that is loaded again (the log: one range read of the lines after the last known one).
    /// </summary>
    public static IDisposable EisVersSinds(DateTimeOffset moment)
    {
        var vorige = VersSindsEis.Value;
        VersSindsEis.Value = moment;
        return new Herstel(vorige);
    }

    /// <summary>The counter now: read it before a load, so a write during the load makes the result stale at once.</summary>
    public long Teller => wijzigingen.Teller;

    /// <summary>A write in this process: every value kept before it is stale at once (the log merges the write itself).</summary>
    public void Meld(string soort = Wijzigingssoorten.Logregels, IReadOnlyList<string>? items = null, long? van = null, long? tot = null) =>
        wijzigingen.Meld(soort, items, van, tot);

    public bool IsVers<T>(Bewaard<T>? bewaard) =>
        bewaard is not null && bewaard.Teller == wijzigingen.Teller && tijd.GetUtcNow() - bewaard.Moment < interval
        && (VersSindsEis.Value is not { } eis || bewaard.Moment >= eis);

    /// <summary>
    /// Keeps a value loaded (or written) when the counter stood at <paramref name="tellerVooraf"/>; <paramref name="geladenVanaf"/>
    /// is when its load began (a load that began before a fill's moment does not satisfy that fill).
    /// </summary>
    public Bewaard<T> Bewaar<T>(T waarde, long tellerVooraf, DateTimeOffset? geladenVanaf = null) => new(waarde, tellerVooraf, geladenVanaf ?? tijd.GetUtcNow());

    /// <summary>Now, by this rule's clock: read it before a load and pass it to <see cref="Bewaar{T}"/>.</summary>
    public DateTimeOffset Nu => tijd.GetUtcNow();

    /// <summary>The kept value while fresh; otherwise a new load, or — when that fails and there was a value — the old one.</summary>
    public async Task<Bewaard<T>> LeesAsync<T>(Bewaard<T>? bewaard, Func<CancellationToken, Task<T>> laad, CancellationToken ct)
    {
        if (IsVers(bewaard))
        {
            return bewaard!;
        }

        var vooraf = wijzigingen.Teller;
        var begin = tijd.GetUtcNow();
        try
        {
            return Bewaar(await laad(ct), vooraf, begin);
        }
        catch (Exception) when (!ct.IsCancellationRequested && bewaard is not null)
        {
            return bewaard with { Teller = wijzigingen.Teller, Moment = tijd.GetUtcNow(), OnbevestigdSinds = bewaard.OnbevestigdSinds ?? bewaard.Moment };
        }
    }

    private sealed class Herstel(DateTimeOffset? vorige) : IDisposable
    {
        public void Dispose() => VersSindsEis.Value = vorige;
    }
}
