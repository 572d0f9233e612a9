using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoortgangApi.Core;
using VoortgangApi.Functions.Programmas;

namespace VoortgangApi.Functions;

/// <summary>
/// After a commit of log lines, the correction notes beside a programme's frozen letters are brought up to date beside
/// the requests (a corrected status of a published letter should not wait for the hourly publication timer, which still
/// covers commits of other instances). Commits that follow each other closely make one round.
/// </summary>
/// <remarks>The programmes come through a function, as for the webhooks: the register sends the signal too.</remarks>
public sealed class Correctienotas(Func<Programmakeuze> programmas, ILogger<Correctienotas> logger) : BackgroundService, IWijzigingVolger
{
    private static readonly TimeSpan Bundeling = TimeSpan.FromSeconds(1);
    private readonly Channel<string> _signalen = Channel.CreateUnbounded<string>();

    public void Gewijzigd(Wijziging wijziging)
    {
        if (wijziging.Soort == Wijzigingssoorten.Logregels)
        {
            _signalen.Writer.TryWrite(wijziging.ProgrammaId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var te = new HashSet<string>(StringComparer.Ordinal) { await _signalen.Reader.ReadAsync(stoppingToken) };
            await Task.Delay(Bundeling, stoppingToken);
            while (_signalen.Reader.TryRead(out var meer))
            {
                te.Add(meer);
            }

            try
            {
                foreach (var p in (await programmas().AlleAsync(stoppingToken)).Where(p => te.Contains(p.Context.Id)))
                {
                    await p.Publicatie.WerkIndexenBijAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Correctienota's niet bijgewerkt ({Fout}); de publicatietimer probeert het opnieuw", ex.GetType().Name);
            }
        }
    }
}
