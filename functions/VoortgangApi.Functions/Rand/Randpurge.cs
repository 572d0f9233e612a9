using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoortgangApi.Core;
using VoortgangApi.Core.Rand;

namespace VoortgangApi.Functions.Rand;

/// <summary>
/// Hears every commit (the post-commit signal) and asks the edge to purge the paths it changed, beside the write: the
/// write's answer never waits for the edge and a failed purge never fails it. A failure is logged and retried with a
/// growing pause (1 s doubling to a minute) until the edge accepts, with the paths of later commits merged in (a new
/// commit ends the pause at once); each
/// purge is repeated once after <see cref="RandOptions.NaspoelSeconden"/> for fills that were already under way.
/// </summary>
public sealed class Randpurge(IRandpurger purger, Randpaden paden, IOptions<RandOptions> opties, TimeProvider tijd, ILogger<Randpurge> logger)
    : BackgroundService, IWijzigingVolger
{
    private static readonly TimeSpan MaxPauze = TimeSpan.FromMinutes(1);
    private readonly Channel<(IReadOnlyList<string> Paden, bool Naspoeling)> _wachtrij = Channel.CreateUnbounded<(IReadOnlyList<string>, bool)>();
    private readonly TimeSpan _naspoeling = TimeSpan.FromSeconds(opties.Value.NaspoelSeconden);

    /// <summary>How many purges the edge accepted (for the log and the tests that wait for one).</summary>
    public long Gelukt => Interlocked.Read(ref _gelukt);

    private long _gelukt;

    public void Gewijzigd(Wijziging wijziging) => _wachtrij.Writer.TryWrite((paden.Voor(wijziging), false));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pauze = TimeSpan.FromSeconds(1);
        var open = new SortedSet<string>(StringComparer.Ordinal);
        var naspoelen = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (open.Count == 0)
            {
                var (p, n) = await _wachtrij.Reader.ReadAsync(stoppingToken);
                open.UnionWith(p);
                naspoelen |= !n;
            }

            while (_wachtrij.Reader.TryRead(out var meer))
            {
                open.UnionWith(meer.Paden);
                naspoelen |= !meer.Naspoeling;
            }

            var begin = tijd.GetTimestamp();
            try
            {
                await purger.PurgeAsync([.. open], stoppingToken);
                Interlocked.Increment(ref _gelukt);
                logger.LogInformation("Rand: {Aantal} paden gepurged in {Ms:F0} ms", open.Count, tijd.GetElapsedTime(begin).TotalMilliseconds);
                if (naspoelen && _naspoeling > TimeSpan.Zero)
                {
                    _ = NaspoelAsync([.. open], stoppingToken);
                }

                open.Clear();
                naspoelen = false;
                pauze = TimeSpan.FromSeconds(1);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The data is committed and the edge keeps the old answers until this succeeds (or their s-maxage ends).
                logger.LogWarning("Rand: purge van {Aantal} paden mislukt ({Fout}); opnieuw over {Pauze} s", open.Count, ex.Message, pauze.TotalSeconds);
                // A new commit does not wait out the pause: its paths are tried at once (with the open ones). An edge that
                // came up during a long pause (the app started first) would otherwise show the commit only after it.
                using var wekker = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var pauzeKlaar = Task.Delay(pauze, tijd, wekker.Token);
                await Task.WhenAny(pauzeKlaar, _wachtrij.Reader.WaitToReadAsync(wekker.Token).AsTask());
                await wekker.CancelAsync();
                stoppingToken.ThrowIfCancellationRequested();
                pauze = TimeSpan.FromTicks(Math.Min(pauze.Ticks * 2, MaxPauze.Ticks));
            }
        }
    }

    private async Task NaspoelAsync(IReadOnlyList<string> open, CancellationToken ct)
    {
        try
        {
            await Task.Delay(_naspoeling, tijd, ct);
            _wachtrij.Writer.TryWrite((open, true));
        }
        catch (OperationCanceledException)
        {
            // stopping: the edge's s-maxage bounds what an unpurged fill can keep
        }
    }
}
