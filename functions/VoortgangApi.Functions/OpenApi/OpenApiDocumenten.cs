using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using VoortgangApi.Core.Seed;

namespace VoortgangApi.Functions.OpenApi;

/// <summary>The served document in its three forms, built once per server URL.</summary>
public sealed record OpenApiUitvoer(OpenApiDocument Document, string Json, string Yaml);

public sealed class OpenApiDocumenten(IOptions<SeedOptions> seed, IOptions<OpenApiOptions> opties, IOptions<Identiteit.IdentiteitOptions> identiteit)
{
    // The server URL can follow the request's Host header; cap the cache so odd hosts cannot grow it without bound.
    private const int MaxInCache = 8;
    private readonly ConcurrentDictionary<string, Lazy<Task<OpenApiUitvoer>>> _cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The server the request came in on. In Azure (WEBSITE_HOSTNAME) and for any public host it is https, as the design
    /// rules require; only a loopback host keeps the request's own scheme, so "try it" works against ./run.sh's plain http.
    /// </summary>
    public string ServerUrl(string verzoekSchema, string verzoekHost)
    {
        if (opties.Value.ServerUrl is { Length: > 0 } ingesteld)
        {
            return ingesteld;
        }

        if (Environment.GetEnvironmentVariable("WEBSITE_HOSTNAME") is { Length: > 0 } azure)
        {
            return $"https://{azure}/api/v1";
        }

        var schema = verzoekSchema == "http" && IsLoopback(verzoekHost) ? "http" : "https";
        return $"{schema}://{verzoekHost}/api/v1";
    }

    private static bool IsLoopback(string host)
    {
        var naam = host.StartsWith('[') ? host[..(host.IndexOf(']', StringComparison.Ordinal) + 1)] : host.Split(':')[0];
        return naam is "localhost" or "[::1]" || (System.Net.IPAddress.TryParse(naam, out var ip) && System.Net.IPAddress.IsLoopback(ip));
    }

    public Task<OpenApiUitvoer> VoorAsync(string serverUrl)
    {
        if (_cache.TryGetValue(serverUrl, out var bekend))
        {
            return bekend.Value;
        }

        var nieuw = new Lazy<Task<OpenApiUitvoer>>(() => BouwAsync(serverUrl));
        return _cache.Count < MaxInCache ? _cache.GetOrAdd(serverUrl, nieuw).Value : nieuw.Value;
    }

    private async Task<OpenApiUitvoer> BouwAsync(string serverUrl)
    {
        var s = seed.Value;
        var seedSet = await SeedLoader.LaadAsync(s.Pad, s.SchemaMap);
        var document = OpenApiBouwer.Bouw(new Voorbeelden(seedSet, serverUrl), s.SchemaMap, serverUrl, opties.Value, Aanmelding.Voor(identiteit.Value, serverUrl));
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0);
        var yaml = await document.SerializeAsYamlAsync(OpenApiSpecVersion.OpenApi3_0);
        return new OpenApiUitvoer(document, json, yaml);
    }
}
