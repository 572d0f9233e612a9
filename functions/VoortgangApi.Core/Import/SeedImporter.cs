using Microsoft.Extensions.Logging;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Seed;

namespace VoortgangApi.Core.Import;

/// <summary>
/// Brings a store up to the seed: the current state when the store is empty, and each historical cycle that is
/// missing or not yet vastgesteld, snapshotted with the statuses of its own letter. Every step checks what is
/// already there, so an import that died halfway is completed by the next start and a full store is left alone.
/// </summary>
public sealed class SeedImporter(
    IVoortgangStore store, ICyclusStore cycli, MomentopnameService momentopnamen, ILogger<SeedImporter> logger)
{
    /// <summary>Validates the seed, then imports what is missing. Returns true when it wrote anything.</summary>
    public async Task<bool> ImporteerOntbrekendAsync(string seedPad, string schemaMap, CancellationToken ct)
    {
        // Validate first, even when the store is full: a broken seed file should be noticed at every start.
        var seed = await SeedLoader.LaadAsync(seedPad, schemaMap, ct);
        var geschreven = false;
        if (await store.IsLeegAsync(ct))
        {
            await store.SchrijfAsync(seed.Huidig, ct);
            logger.LogInformation("Seed {Bestand}: {Aantal} oplossingsrichtingen geïmporteerd", seedPad, seed.Huidig.Oplossingsrichtingen.Count);
            geschreven = true;
        }

        foreach (var stand in seed.Cycli)
        {
            geschreven |= await ImporteerCyclusAsync(stand, ct);
        }

        return geschreven;
    }

    private async Task<bool> ImporteerCyclusAsync(SeedCyclusStand stand, CancellationToken ct)
    {
        var versie = await cycli.LeesAsync(stand.Id, ct);
        if (versie?.Cyclus.Toestand == Toestanden.Vastgesteld)
        {
            return false;
        }

        if (versie is null)
        {
            var gepland = new Rapportagecyclus(stand.Id, stand.Titel, stand.Peildatum, stand.Kamerbrief, Toestanden.Gepland, null);
            try
            {
                await cycli.BewaarAsync(gepland, null, ct);
            }
            catch (GelijktijdigeWijzigingException)
            {
                // Another instance planned it at the same moment; the snapshot below is exactly-once either way.
            }
        }

        var uitkomst = await momentopnamen.NeemAsync(stand.Id, ct, stand.Stand);
        if (uitkomst.IsGelukt)
        {
            logger.LogInformation("Seed-cyclus {Cyclus} vastgesteld ({Hash})", stand.Id, uitkomst.Waarde!.Cyclus.Momentopname!.InhoudHash);
        }

        return uitkomst.Waarde?.Nieuw ?? false;
    }
}
