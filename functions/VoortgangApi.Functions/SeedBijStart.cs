using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoortgangApi.Core;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Import;
using VoortgangApi.Functions.Http;

namespace VoortgangApi.Functions;

/// <summary>
/// Reads the log at the start and imports the seed into an empty store (a fresh deployment or a fresh Azurite) before
/// any function runs: the <see cref="Startpoort"/> opens after that, while the worker's own start and the host's
/// handshake run beside it. A store whose log already has lines then also gets its check — the seed file validated, a
/// missing seed cycle added — once the first requests are answered and quiet. Reading the log here also warms it.
/// </summary>
internal sealed class SeedBijStart(
    SeedImporter importer, Logboek logboek, Programmas.Programmaoverzicht overzicht, TimeProvider tijd, Startpoort poort,
    IHostApplicationLifetime levensduur, IOptions<SeedOptions> options, ILogger<SeedBijStart> logger)
    : IHostedService
{
    private static readonly TimeSpan NaDeStart = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Stilte = TimeSpan.FromSeconds(1);
    private Task _werk = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ImporteerBijStart)
        {
            poort.Opent();
            return Task.CompletedTask;
        }

        _werk = Task.Run(() => StartwerkAsync(levensduur.ApplicationStopping), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StartwerkAsync(CancellationToken ct)
    {
        var o = options.Value;
        Logstand stand;
        try
        {
            stand = await logboek.LeesAsync(ct);
            if (stand.Volgnummer == 0)
            {
                await importer.ImporteerOntbrekendAsync(o.Pad, o.SchemaMap, ct);
                await overzicht.ProbeerAsync(ct); // the seed's letters are published: the overview of all programmes follows (later: publications and the timer; never on a restart, which would read every programme)
                poort.Opent();
                return;
            }
        }
        catch (OperationCanceledException ex) when (ct.IsCancellationRequested)
        {
            poort.Faalt(ex); // the worker stops before its start was done: nothing waits for an answer
            return;
        }
        catch (Exception ex)
        {
            // As a failed start did before this ran beside it: the worker stops with the reason on stderr, and its host
            // (the Azure host, or the local one) reports it and starts the worker again.
            poort.Faalt(ex);
            logger.LogCritical(ex, "Het logboek lezen of de seed importeren bij de start mislukte");
            await Console.Error.WriteLineAsync($"De start mislukte: {ex.Message}");
            Environment.ExitCode = 1;
            levensduur.StopApplication();
            return;
        }

        poort.Opent();
        try
        {
            _ = stand.Huidig(tijd.Vandaag()); // the current state, folded once now instead of in the first request
            // The check validates the seed file against its schemas: on two cores that slowed the first request by
            // ~0.24 s, and when it ran right after it, the next ones by 20-30 ms each (measured), so it waits for a
            // second without requests after the first one — at most until ten seconds after the start.
            try
            {
                await poort.StilAsync(Stilte, NaDeStart, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return; // stopped before it got to it: the next start checks
            }

            await importer.ImporteerOntbrekendAsync(o.Pad, o.SchemaMap, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Controle van de seed bij de start mislukt");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => _werk.WaitAsync(cancellationToken);
}
