using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using VoortgangApi.Core.Seed;

namespace VoortgangApi.Functions.OpenApi;

/// <summary>The served document in its three forms, built once per server URL.</summary>
public sealed record OpenApiUitvoer(OpenApiDocument Document, string Json, string Yaml);

public sealed class OpenApiDocumenten(IOptions<SeedOptions> seed, IOptions<OpenApiOptions> opties)
{
    // The server URL can follow the request's Host header; cap the cache so odd hosts cannot grow it without bound.
    private const int MaxInCache = 8;
    private readonly ConcurrentDictionary<string, Lazy<Task<OpenApiUitvoer>>> _cache = new(StringComparer.Ordinal);

    public string ServerUrl(string verzoekHost) =>
        opties.Value.ServerUrl is { Length: > 0 } ingesteld
            ? ingesteld
            : $"https://{Environment.GetEnvironmentVariable("WEBSITE_HOSTNAME") ?? verzoekHost}/api/v1";

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
        var document = OpenApiBouwer.Bouw(new Voorbeelden(seedSet, serverUrl), s.SchemaMap, serverUrl, opties.Value);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0);
        var yaml = await document.SerializeAsYamlAsync(OpenApiSpecVersion.OpenApi3_0);
        return new OpenApiUitvoer(document, json, yaml);
    }
}
