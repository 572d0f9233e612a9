using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoortgangApi.Core;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Import;

namespace VoortgangApi.Functions;

/// <summary>
/// Imports the seed into an empty store before the app serves requests (a fresh deployment or a fresh Azurite). A store
/// whose log already has lines serves at once: the check — the seed file validated, a missing seed cycle added — then
/// runs beside the first requests, so a restart (a cold start) does not wait for it. Reading the log here also warms it.
/// </summary>
internal sealed class SeedBijStart(
    SeedImporter importer, Logboek logboek, Programmas.Programmaoverzicht overzicht, TimeProvider tijd, IOptions<SeedOptions> options, ILogger<SeedBijStart> logger)
    : IHostedService
{
    private Task _controle = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.ImporteerBijStart)
        {
            return;
        }

        var stand = await logboek.LeesAsync(cancellationToken); // a checkpoint's head suffices here; the whole index follows beside the requests
        if (stand.Volgnummer == 0)
        {
            await importer.ImporteerOntbrekendAsync(o.Pad, o.SchemaMap, cancellationToken);
            await overzicht.ProbeerAsync(cancellationToken); // the seed's letters are published: the overview of all programmes follows (later: publications and the timer; never on a restart, which would read every programme)
            return;
        }

        _controle = Task.Run(async () =>
        {
            try
            {
                _ = stand.Huidig(tijd.Vandaag()); // the current state, folded once now instead of in the first request

                await importer.ImporteerOntbrekendAsync(o.Pad, o.SchemaMap, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Controle van de seed bij de start mislukt");
            }
        }, CancellationToken.None);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _controle.WaitAsync(cancellationToken);
}
