namespace VoortgangApi.LocalHost;

/// <summary>
/// The first worker process, started while the host is still being built (its listeners are bound first): the worker's
/// own start — the runtime, its services, the log it reads — runs beside the host's instead of after it, as the Azure
/// host starts its worker early in its own start-up. Measured here: the host was 0.4–0.5 s into its start before it
/// started the worker. <see cref="WerkerHost"/> takes this process over; it starts any later one (after a crash) itself.
/// </summary>
internal sealed class Werkerstart : IAsyncDisposable
{
    private (WerkerKanaal Kanaal, WerkerProces Proces)? _eerste;
    private bool _genomen;
    private readonly WerkerProces _proces;
    private readonly string _werkerId = Guid.NewGuid().ToString();
    private readonly GrpcPoort _grpc;
    private readonly PubliekePoort _publiek;

    private Werkerstart(FunctieApp app, LokaleHostOpties opties, GrpcPoort grpc, PubliekePoort publiek)
    {
        (_grpc, _publiek) = (grpc, publiek);
        _proces = WerkerProces.Start(app, grpc.Poort, _werkerId, Instellingen(opties, publiek));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _proces.Dood(); // a host that ends any other way takes it along
    }

    /// <summary>The process id of the first worker.</summary>
    public int ProcesId => _proces.Id;

    public static Werkerstart Start(FunctieApp app, LokaleHostOpties opties, GrpcPoort grpc, PubliekePoort publiek) => new(app, opties, grpc, publiek);

    /// <summary>
    /// Once the host's services exist, before its listeners accept anything: the channel the worker's StartStream will
    /// name is expected, and the worker's output goes to the host's log.
    /// </summary>
    public void Verbind(IServiceProvider diensten)
    {
        var kanaal = new WerkerKanaal(_werkerId, diensten.GetRequiredService<ILoggerFactory>());
        diensten.GetRequiredService<WerkerRegister>().Verwacht(kanaal);
        _proces.Volg(diensten.GetRequiredService<ILogger<WerkerHost>>());
        _eerste = (kanaal, _proces);
    }

    /// <summary>The first worker, once: the watcher owns it from then on.</summary>
    public (WerkerKanaal Kanaal, WerkerProces Proces)? Neem()
    {
        lock (_proces)
        {
            var eerste = _eerste;
            _eerste = null;
            _genomen |= eerste is not null;
            return eerste;
        }
    }

    /// <summary>A host that was built but never started (or failed before it took the worker over) ends it here.</summary>
    public async ValueTask DisposeAsync()
    {
        _grpc.Sluit();
        _publiek.Sluit();
        bool genomen;
        lock (_proces)
        {
            genomen = _genomen;
            _genomen = true;
            _eerste = null;
        }

        if (!genomen)
        {
            await _proces.DisposeAsync();
        }
    }

    // The app settings of the worker: the configured ones, and where the development provider runs the issuer and audience
    // it signs for (what the azd hook writes into the app settings in Azure), unless a setting or the environment names them.
    public static Dictionary<string, string?> Instellingen(LokaleHostOpties opties, PubliekePoort publiek)
    {
        var instellingen = new Dictionary<string, string?>(opties.Instellingen, StringComparer.Ordinal);
        if (opties.Ontwikkelprovider)
        {
            Standaard(instellingen, "Identiteit:Authority", publiek.Adres.AbsoluteUri);
            Standaard(instellingen, "Identiteit:Audience", Ontwikkelprovider.Testidentiteiten.Audience);
            // Its own clients, as the allowlist in Azure names the beheer page's registration and the pipelines.
            Standaard(instellingen, "Identiteit:Clients", string.Join(',',
                [Ontwikkelprovider.Testidentiteiten.BrowserClient, .. Ontwikkelprovider.Testidentiteiten.Clients.Select(c => c.ClientId)]));
        }

        return instellingen;
    }

    private static void Standaard(Dictionary<string, string?> instellingen, string sleutel, string waarde)
    {
        var omgeving = sleutel.Replace(":", "__", StringComparison.Ordinal);
        if (!instellingen.ContainsKey(sleutel) && !instellingen.ContainsKey(omgeving) && Environment.GetEnvironmentVariable(omgeving) is null)
        {
            instellingen[sleutel] = waarde;
        }
    }
}
