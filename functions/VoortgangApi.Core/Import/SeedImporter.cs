using Microsoft.Extensions.Logging;
using VoortgangApi.Core.Seed;

namespace VoortgangApi.Core.Import;

/// <summary>Validates the seed file and imports it into an empty store; a non-empty store is left alone.</summary>
public sealed class SeedImporter(IVoortgangStore store, ILogger<SeedImporter> logger)
{
    /// <summary>Returns true when it imported, false when the store already had data.</summary>
    public async Task<bool> ImporteerAlsLeegAsync(string seedPad, string schemaMap, CancellationToken ct)
    {
        // Validate first, even when the store is full: a broken seed file should be noticed at every start.
        var seed = await SeedLoader.LaadAsync(seedPad, schemaMap, ct);
        if (!await store.IsLeegAsync(ct))
        {
            logger.LogInformation("Opslag bevat al gegevens; seed {Bestand} niet geïmporteerd", seedPad);
            return false;
        }

        await ImporteerAsync(seed, ct);
        logger.LogInformation("Seed {Bestand} geïmporteerd: {Aantal} oplossingsrichtingen", seedPad, seed.Huidig.Oplossingsrichtingen.Count);
        return true;
    }

    /// <summary>Writes the seed's current state; idempotent.</summary>
    public Task ImporteerAsync(SeedSet seed, CancellationToken ct) => store.SchrijfAsync(seed.Huidig, ct);
}
