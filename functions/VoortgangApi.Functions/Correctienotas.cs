using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoortgangApi.Core;
using VoortgangApi.Functions.Programmas;

namespace VoortgangApi.Functions;

/// <summary>
/// After a commit of log lines that hold at or before a published letter's peildatum, the correction notes beside the
/// programme's frozen letters are brought up to date beside the requests (a corrected status of a published letter should
/// not wait for the hourly publication timer, which still covers commits of other instances). Commits that follow each
/// other closely make one round; a status of today changes no letter and costs nothing here.
/// </summary>
/// <remarks>The programmes come through a function, as for the webhooks: the register sends the signal too.</remarks>
public sealed class Correctienotas(Func<Programmakeuze> programmas, ILogger<Correctienotas> logger) : BackgroundService, IWijzigingVolger
{
    private static readonly TimeSpan Bundeling = TimeSpan.FromSeconds(1);
    private readonly Channel<Wijziging> _signalen = Channel.CreateUnbounded<Wijziging>();

    public void Gewijzigd(Wijziging wijziging)
    {
        if (wijziging is { Soort: Wijzigingssoorten.Logregels, VanVolgnummer: not null, TotVolgnummer: not null })
        {
            _signalen.Writer.TryWrite(wijziging);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Per programme the lines of the commits in this round, first to last.
            var te = new Dictionary<string, (long Van, long Tot)>(StringComparer.Ordinal);
            void Neem(Wijziging w) => te[w.ProgrammaId] = te.TryGetValue(w.ProgrammaId, out var r)
                ? (Math.Min(r.Van, w.VanVolgnummer!.Value), Math.Max(r.Tot, w.TotVolgnummer!.Value))
                : (w.VanVolgnummer!.Value, w.TotVolgnummer!.Value);
            Neem(await _signalen.Reader.ReadAsync(stoppingToken));
            await Task.Delay(Bundeling, stoppingToken);
            while (_signalen.Reader.TryRead(out var meer))
            {
                Neem(meer);
            }

            try
            {
                foreach (var p in (await programmas().AlleAsync(stoppingToken)).Where(p => te.ContainsKey(p.Context.Id)))
                {
                    await p.Publicatie.NaCommitAsync(te[p.Context.Id].Van, te[p.Context.Id].Tot, stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Correctienota's niet bijgewerkt ({Fout}); de publicatietimer probeert het opnieuw", ex.GetType().Name);
            }
        }
    }
}
