using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoortgangApi.Core;
using VoortgangApi.Core.Volgen;
using VoortgangApi.Functions.Programmas;

namespace VoortgangApi.Functions.Webhooks;

/// <summary>
/// Runs the outbox rounds (<see cref="Uitzender"/>): for a programme right after each of its commits in this instance
/// (the post-commit signal), and for every programme on an interval, for commits of other instances and for a round
/// that failed. Never on a request's path: a write's answer does not wait for its deliveries to be queued.
/// </summary>
/// <remarks>
/// The programmes come through a function: the programme register sends the post-commit signal too, so taking it at
/// construction would make this follower and the register need each other.
/// </remarks>
public sealed class Webhookuitzending(Func<Programmakeuze> programmas, WebhookOptions opties, TimeProvider tijd, ILogger<Webhookuitzending> logger)
    : BackgroundService, IWijzigingVolger
{
    private readonly Channel<string> _signalen = Channel.CreateUnbounded<string>();

    public void Gewijzigd(Wijziging wijziging)
    {
        if (wijziging.Soort is Wijzigingssoorten.Logregels or Wijzigingssoorten.Momentopname)
        {
            _signalen.Writer.TryWrite(wijziging.ProgrammaId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(opties.RondeSeconden);
        var volgende = tijd.GetUtcNow() + interval; // not at start: a start reads no log it does not need
        while (!stoppingToken.IsCancellationRequested)
        {
            var te = new HashSet<string>(StringComparer.Ordinal);
            var wacht = volgende - tijd.GetUtcNow();
            if (wacht > TimeSpan.Zero)
            {
                using var tot = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                tot.CancelAfter(wacht);
                try
                {
                    te.Add(await _signalen.Reader.ReadAsync(tot.Token));
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // the interval: every programme below
                }
            }

            while (_signalen.Reader.TryRead(out var meer))
            {
                te.Add(meer);
            }

            var alle = te.Count == 0;
            if (alle)
            {
                volgende = tijd.GetUtcNow() + interval;
            }

            try
            {
                foreach (var p in await programmas().AlleAsync(stoppingToken))
                {
                    if (alle || te.Contains(p.Context.Id))
                    {
                        var gezet = await p.Uitzender.RondeAsync(stoppingToken);
                        if (gezet > 0)
                        {
                            logger.LogInformation("Webhooks: {Aantal} bezorgingen in de wachtrij voor {Programma}", gezet, p.Context.Id);
                        }
                    }
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Nothing is lost: the cursor did not move, the next round queues the same lines again.
                logger.LogWarning("Webhooks: ronde mislukt ({Fout}); opnieuw bij de volgende", ex.Message);
                volgende = tijd.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(5, opties.RondeSeconden));
            }
        }
    }
}
