using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoortgangApi.LocalHost;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>
/// The local host, with the seed imported, over its own tables in the shared Azurite; requests go through
/// TestServer, so the whole pipeline (metadata routing, middleware, functions, storage) runs without a port.
/// </summary>
public class TestApi : IAsyncLifetime
{
    public const string AdminSleutel = "test-beheersleutel";

    /// <summary>The admin key's name, recorded as who wrote (audit): a person's name, so the privacy tests can look for it.</summary>
    public const string AdminSleutelNaam = "Jan Ambtenaar";

    private readonly Dictionary<string, string?> _instellingen = new();
    private WebApplication? _app;

    /// <summary>A client whose every response is checked against the served OpenAPI document.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>A client without the contract check, for requests that are about the check itself.</summary>
    public HttpClient Ruw { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;
    public string Prefix { get; } = AzuriteInstance.NieuwPrefix();

    /// <summary>A real loopback port to serve on (Kestrel) instead of TestServer, e.g. for a browser.</summary>
    protected int? Poort { get; init; }

    /// <summary>Settings a derived fixture wants on top of the defaults.</summary>
    protected void Stel(string sleutel, string? waarde) => _instellingen[sleutel] = waarde;

    protected virtual void Configureer(WebApplicationBuilder builder)
    {
    }

    /// <summary>The Azurite to use: the shared one, unless a fixture brings its own.</summary>
    protected virtual Task<AzuriteInstance> AzuriteAsync() => Azurite.GetAsync();

    public async Task InitializeAsync()
    {
        var azurite = await AzuriteAsync();
        var instellingen = azurite.Instellingen(Prefix);
        instellingen[AdminKey.Omgevingsvariabele] = AdminSleutel;
        instellingen[AdminKey.Omgevingsvariabele + "_NAAM"] = AdminSleutelNaam;
        instellingen["SNAPSHOT_SCHEDULE"] = "0 0 0 1 1 *";
        foreach (var (k, v) in _instellingen)
        {
            instellingen[k] = v;
        }

        var basis = Poort is { } p ? new Uri($"http://127.0.0.1:{p}") : null;
        _app = LocalFunctionsHost.Build([], builder =>
        {
            if (basis is null)
            {
                builder.WebHost.UseTestServer();
            }
            else
            {
                builder.WebHost.UseUrls(basis.ToString());
            }

            builder.Configuration.AddInMemoryCollection(instellingen);
            Configureer(builder);
        });
        await _app.StartAsync();
        Ruw = basis is null ? _app.GetTestClient() : new HttpClient { BaseAddress = basis };
        var contract = new Lazy<Task<JsonObject>>(async () => JsonNode.Parse(await Ruw.GetStringAsync("/api/v1/openapi.json"))!.AsObject());
        var binnen = basis is null ? _app.GetTestServer().CreateHandler() : new HttpClientHandler();
        Client = new HttpClient(new ContractHandler(binnen, () => contract.Value)) { BaseAddress = Ruw.BaseAddress };
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public static int VrijePoort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A request with the admin key (and a JSON body when given).</summary>
    public static HttpRequestMessage Beheer(HttpMethod methode, string pad, string? body = null, params (string Naam, string Waarde)[] headers)
    {
        var request = new HttpRequestMessage(methode, pad);
        request.Headers.Add("x-functions-key", AdminSleutel);
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
