using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using VoortgangApi.LocalHost.Rpc;

namespace VoortgangApi.LocalHost;

/// <summary>
/// Takes over the worker <see cref="Werkerstart"/> started, drives the handshake as the Azure host does (GrpcWorkerChannel): wait for StartStream, then
/// WorkerInitRequest, FunctionsMetadataRequest (worker indexing), one FunctionLoadRequest per function; then the
/// worker is ready. If it dies the host says so, with its last stderr lines, and starts it again; after
/// <see cref="LokaleHostOpties.MaxHerstarts"/> failures in a row the host stops with that message. On shutdown it sends
/// WorkerTerminate with a 5 s grace period and then ends the process.
/// </summary>
internal sealed class WerkerHost(
    FunctieApp app, Werkerstart eerste, Werker werker, WerkerRegister register, GrpcPoort poort, PubliekePoort publiek, IOptions<LokaleHostOpties> opties,
    IHostApplicationLifetime levensduur, ILoggerFactory logs, ILogger<WerkerHost> logger) : BackgroundService
{
    private static readonly TimeSpan StartLimiet = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan InitLimiet = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Gratie = TimeSpan.FromSeconds(5);
    private Lopend? _huidig;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The worker stops first, while the gRPC listener still runs (Kestrel stops before the hosted services), and
        // if this process ends any other way, its worker ends with it.
        using var stoppen = levensduur.ApplicationStopping.Register(() => Beeindig().GetAwaiter().GetResult());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _huidig?.Proces.Dood();
        var mislukt = 0;
        while (!Stopt(stoppingToken))
        {
            // The first worker was started while the host was built; after a crash this loop starts the next one.
            var (kanaal, proces) = eerste.Neem() ?? Nieuw();
            var lopend = new Lopend(kanaal, proces);
            _huidig = lopend;
            logger.LogInformation("Werkerproces {Pid} gestart: {Uitvoerbaar} {Werker}", proces.Id, app.Uitvoerbaar, app.WerkerPad);
            try
            {
                var verbinding = await HandendrukAsync(kanaal, proces, stoppingToken);
                werker.Gereed(verbinding);
                mislukt = 0;
                logger.LogInformation("Werker {Pid} gereed: {Aantal} functies geladen, HTTP op {Uri}", proces.Id, verbinding.Functies.Count, verbinding.HttpUri);
                await Task.WhenAny(proces.Afgesloten, Task.Delay(Timeout.Infinite, stoppingToken));
            }
            catch (Exception ex) when (!Stopt(stoppingToken))
            {
                logger.LogError("Werker {Pid} kwam niet op: {Fout}", proces.Id, ex.Message);
            }
            catch (OperationCanceledException)
            {
                // the host stops
            }
            finally
            {
                werker.Weg();
                register.Vergeet(kanaal);
            }

            // Whoever takes the worker out of _huidig ends it: Beeindig on shutdown, or this loop after a crash.
            if (Stopt(stoppingToken) || Interlocked.CompareExchange(ref _huidig, null, lopend) != lopend)
            {
                break;
            }

            kanaal.Sluit(new IOException($"Het werkerproces {proces.Id} is gestopt."));
            proces.Dood();
            await proces.Afgesloten;
            mislukt++;
            logger.LogError("Werkerproces {Pid} stopte onverwacht met code {Code}. Laatste foutregels:\n{Regels}", proces.Id, proces.Code, proces.LaatsteFouten());
            await proces.DisposeAsync();
            if (mislukt > opties.Value.MaxHerstarts)
            {
                logger.LogCritical("De werker stopte {Aantal} keer achter elkaar; de host stopt.", mislukt);
                levensduur.StopApplication();
                return;
            }

            logger.LogWarning("Werker wordt opnieuw gestart ({Poging}/{Max})", mislukt, opties.Value.MaxHerstarts);
            await Task.Delay(TimeSpan.FromMilliseconds(500 * mislukt), stoppingToken);
        }

        await Beeindig();
    }

    private (WerkerKanaal, WerkerProces) Nieuw()
    {
        var kanaal = new WerkerKanaal(Guid.NewGuid().ToString(), logs);
        register.Verwacht(kanaal);
        var proces = WerkerProces.Start(app, poort.Poort, kanaal.WerkerId, Werkerstart.Instellingen(opties.Value, publiek));
        proces.Volg(logger);
        return (kanaal, proces);
    }

    private bool Stopt(CancellationToken stoppingToken) => stoppingToken.IsCancellationRequested || levensduur.ApplicationStopping.IsCancellationRequested;

    private async Task<Verbinding> HandendrukAsync(WerkerKanaal kanaal, WerkerProces proces, CancellationToken ct)
    {
        var eerst = await Task.WhenAny(kanaal.Verbonden, proces.Afgesloten, Task.Delay(StartLimiet, ct));
        if (eerst != kanaal.Verbonden)
        {
            throw new InvalidOperationException(proces.Code is { } code
                ? $"het proces stopte met code {code} voor het de gRPC-stroom opende"
                : $"geen StartStream binnen {StartLimiet.TotalSeconds} s");
        }

        var init = (await VraagAsync(kanaal, new StreamingMessage
        {
            WorkerInitRequest = new WorkerInitRequest
            {
                HostVersion = LokaleHostOpties.HostVersie,
                Capabilities = { ["MultiStream"] = "10" },
                WorkerDirectory = app.Map,
                FunctionAppDirectory = app.Map,
            },
        }, InitLimiet, ct)).WorkerInitResponse;
        Controleer(init.Result, "WorkerInitRequest");
        if (!init.Capabilities.TryGetValue("HttpUri", out var httpUri))
        {
            throw new InvalidOperationException("de werker meldt geen HttpUri: is ASP.NET Core-integratie (ConfigureFunctionsWebApplication) aan?");
        }

        var metadata = (await VraagAsync(kanaal, new StreamingMessage
        {
            FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = app.Map },
        }, StartLimiet, ct)).FunctionMetadataResponse;
        Controleer(metadata.Result, "FunctionsMetadataRequest");
        if (metadata.UseDefaultMetadataIndexing)
        {
            throw new InvalidOperationException("de werker vraagt om indexering door de host (functions.metadata); zet FunctionsEnableWorkerIndexing niet uit");
        }

        var functies = metadata.FunctionMetadataResults.Select(m => new Functie(m.Name, m.FunctionId, Trigger.Uit(m), m)).ToList();
        var geladen = await Task.WhenAll(functies.Select(f => VraagAsync(kanaal, new StreamingMessage
        {
            FunctionLoadRequest = new FunctionLoadRequest { FunctionId = f.Id, Metadata = f.Metadata },
        }, InitLimiet, ct)));
        foreach (var antwoord in geladen)
        {
            Controleer(antwoord.FunctionLoadResponse.Result, $"FunctionLoadRequest {antwoord.FunctionLoadResponse.FunctionId}");
        }

        return new Verbinding(kanaal, new Uri(httpUri), functies, new HttpRoutes(functies, app.RoutePrefix), proces.Id);
    }

    private static Task<StreamingMessage> VraagAsync(WerkerKanaal kanaal, StreamingMessage bericht, TimeSpan limiet, CancellationToken ct)
    {
        bericht.RequestId = Guid.NewGuid().ToString();
        return kanaal.VraagAsync(bericht, bericht.RequestId, limiet, ct);
    }

    private static void Controleer(StatusResult? resultaat, string stap)
    {
        if (resultaat?.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"{stap} mislukte: {resultaat?.Exception?.Message ?? resultaat?.Result ?? "geen resultaat"}");
        }
    }

    // WorkerTerminate with its grace period, then the process is ended if it is still there. Safe to call twice.
    private async Task Beeindig()
    {
        if (Interlocked.Exchange(ref _huidig, null) is not { } lopend)
        {
            return;
        }

        var (kanaal, proces) = lopend;
        var pid = proces.Id;
        try
        {
            kanaal.Stuur(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(Gratie) } });
        }
        catch (IOException)
        {
            // the stream is already gone; the process is ended below
        }

        await proces.StopAsync(Gratie);
        kanaal.Sluit(new OperationCanceledException("De host stopt."));
        await proces.DisposeAsync();
        logger.LogInformation("Werkerproces {Pid} gestopt", pid);
    }

    private sealed record Lopend(WerkerKanaal Kanaal, WerkerProces Proces);
}
