using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VoortgangApi.Core.Import;

namespace VoortgangApi.Functions;

/// <summary>Imports the seed into an empty store before the app serves requests (a fresh deployment or a fresh Azurite).</summary>
internal sealed class SeedBijStart(SeedImporter importer, IOptions<SeedOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        return o.ImporteerBijStart ? importer.ImporteerOntbrekendAsync(o.Pad, o.SchemaMap, cancellationToken) : Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
