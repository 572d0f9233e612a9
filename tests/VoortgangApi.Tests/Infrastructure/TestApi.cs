using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoortgangApi.Functions;
using VoortgangApi.LocalHost;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>
/// The API as it runs in Azure, locally: the local Functions host (in this process) starts the built function app as
/// a worker process of its own and speaks the host-worker protocol to it, over its own tables in the shared Azurite
/// with the seed imported. Requests go over loopback HTTP to the host, which forwards them to the worker.
/// <see cref="Services"/> are the app's services built here over the same tables, for a test that reads storage
/// directly; they are not the worker's.
/// </summary>
public class TestApi : IAsyncLifetime
{
    /// <summary>The host's master key: it still exists (the platform's), but authorises no operation of the app.</summary>
    public const string AdminSleutel = "test-beheersleutel";

    private readonly Dictionary<string, string?> _instellingen = new();
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private WebApplication? _host;
    private ServiceProvider? _diensten;

    /// <summary>A client whose every response is checked against the served OpenAPI document.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>A client without the contract check, for requests that are about the check itself.</summary>
    public HttpClient Ruw { get; private set; } = null!;
    public IServiceProvider Services => _diensten!;
    public string Prefix { get; init; } = AzuriteInstance.NieuwPrefix();

    /// <summary>The host's public address (http://127.0.0.1:port).</summary>
    public Uri Basis { get; private set; } = null!;

    /// <summary>The running local host (its worker, its routes), for tests about the host itself.</summary>
    internal WebApplication Host => _host!;

    /// <summary>A fixed loopback port to serve on instead of a free one, when a setting must name it before start.</summary>
    protected int? Poort { get; init; }

    /// <summary>Settings a derived fixture wants on top of the defaults (app settings of the worker).</summary>
    protected void Stel(string sleutel, string? waarde) => _instellingen[sleutel] = waarde;

    /// <summary>The host's own builder (its logging, say); the worker is a separate process and is configured by settings.</summary>
    protected virtual void Configureer(WebApplicationBuilder builder)
    {
    }

    /// <summary>The Azurite to use: the shared one, unless a fixture brings its own.</summary>
    protected virtual Task<AzuriteInstance> AzuriteAsync() => Azurite.GetAsync();

    public virtual async Task InitializeAsync()
    {
        var azurite = await AzuriteAsync();
        var instellingen = azurite.Instellingen(Prefix);
        instellingen["SNAPSHOT_SCHEDULE"] = "0 0 0 1 1 *";
        // As ./run.sh: a Development worker, which trusts the development provider the local host serves.
        instellingen["DOTNET_ENVIRONMENT"] = "Development";
        // The suite's few identities make hundreds of writes a minute in one fixture: a budget that a test must ask for.
        instellingen["Schrijfbudget:PerMinuut"] = "100000";
        instellingen["Schrijfbudget:Piek"] = "100000";
        foreach (var (k, v) in _instellingen)
        {
            instellingen[k] = v;
        }

        _host = LokaleHost.Bouw([], o =>
        {
            o.AppMap = Functieapp.Map;
            o.Poort = Poort ?? 0;
            o.Sleutel = AdminSleutel;
            o.CorsOrigins = instellingen.GetValueOrDefault("Cors:AllowedOrigins") ?? "";
            o.MaxHerstarts = 2;
            o.ToegestaneHosts.Add("api.voorbeeld.nl"); // the contract tests ask as the public host would
            foreach (var (k, v) in instellingen)
            {
                o.Instellingen[k] = v;
            }
        }, builder =>
        {
            builder.Logging.AddFilter("VoortgangApi.LocalHost", LogLevel.Warning);
            Configureer(builder);
        });
        await _host.StartAsync();
        await WerkerGereedAsync();
        Basis = LokaleHost.Adres(_host);
        Ruw = new HttpClient { BaseAddress = Basis };
        // The worker's handshake no longer waits for its start's log read and seed (they run beside it; functions wait
        // at the Startpoort): one read through it, so a test that reads the store directly finds the seed and the open
        // data of its letters.
        using (await Ruw.GetAsync("/api/v1/themas"))
        {
        }

        var contract = new Lazy<Task<JsonObject>>(async () => JsonNode.Parse(await Ruw.GetStringAsync("/api/v1/openapi.json"))!.AsObject());
        Client = new HttpClient(new ContractHandler(new HttpClientHandler(), () => contract.Value)) { BaseAddress = Basis };
        // Tokens as scripts/token.sh gets them: client credentials at the host's development provider.
        foreach (var soort in new[] { "vastleggen", "beheren", "alles", "geen", "programmas" })
        {
            _tokens[soort] = await Tokens.ClientCredentialsAsync(Ruw, soort);
        }

        instellingen["Seed:SchemaMap"] = Repo.Pad("schemas");
        var config = new ConfigurationBuilder().AddInMemoryCollection(instellingen).Build();
        _diensten = new ServiceCollection().AddLogging().AddVoortgang(config).BuildServiceProvider();
    }

    /// <summary>Waits (bounded) until the worker has loaded its functions: after a start or a restart.</summary>
    internal Task WerkerGereedAsync() => _host!.Services.GetRequiredService<Werker>().GereedAsync(TimeSpan.FromSeconds(90), default);

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        if (_diensten is not null)
        {
            await _diensten.DisposeAsync();
        }
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();
    public static int VrijePoort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An access token of the development provider: vastleggen, beheren, alles (both roles) or geen (no role).</summary>
    public string Token(string soort) => _tokens[soort];

    /// <summary>A request with a token that holds both roles (and a JSON body when given).</summary>
    public HttpRequestMessage Beheer(HttpMethod methode, string pad, string? body = null, params (string Naam, string Waarde)[] headers) =>
        Beheer("alles", methode, pad, body, headers);

    /// <summary>A request with the token of <paramref name="soort"/> (see <see cref="Token"/>).</summary>
    public HttpRequestMessage Beheer(string soort, HttpMethod methode, string pad, string? body = null, params (string Naam, string Waarde)[] headers)
    {
        var request = new HttpRequestMessage(methode, pad);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token(soort));
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        foreach (var (naam, waarde) in headers)
        {
            request.Headers.TryAddWithoutValidation(naam, waarde);
        }

        return request;
    }

    public async Task<JsonElement> GetJsonAsync(string pad)
    {
        using var response = await Client.GetAsync(pad);
        Assert.True(response.IsSuccessStatusCode, $"{pad}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
