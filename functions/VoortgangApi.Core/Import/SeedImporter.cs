using Microsoft.Extensions.Logging;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Seed;

namespace VoortgangApi.Core.Import;

/// <summary>
/// Brings a store up to the seed: the seed's history into an empty log, then each historical cycle that is missing
/// or not yet vastgesteld, snapshotted from the log at its peildatum. The history goes in as numbered batches, each
/// under an Idempotency-Key of its own, so an import that died halfway is completed by the next start (and two
/// instances starting together import it once); a log with other lines is never touched.
/// </summary>
public sealed class SeedImporter(
    IHistorieStore historie, Logboek logboek, Vastlegging vastlegging, ICyclusStore cycli, MomentopnameService momentopnamen, ILogger<SeedImporter> logger)
{
    private const int PerBatch = 90;

    /// <summary>Validates the seed, then imports what is missing. Returns true when it wrote anything.</summary>
    public async Task<bool> ImporteerOntbrekendAsync(string seedPad, string schemaMap, CancellationToken ct)
    {
        // Validate first, even when the store is full: a broken seed file should be noticed at every start.
        var seed = await SeedLoader.LaadAsync(seedPad, schemaMap, ct);
        var geschreven = await ImporteerHistorieAsync(seed, ct);
        foreach (var stand in seed.Cycli)
        {
            geschreven |= await ImporteerCyclusAsync(stand, ct);
        }

        return geschreven;
    }

    private async Task<bool> ImporteerHistorieAsync(SeedSet seed, CancellationToken ct)
    {
        var batches = seed.Regels.Chunk(PerBatch).ToList();
        var sleutels = batches.Select((b, i) => Vastlegging.Hash("seed", i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            System.Text.Json.JsonSerializer.Serialize(b, VoortgangJson.Options))).ToList();
        // Whether the log has lines: the state this process reads anyway suffices (on a checkpoint's head, the whole index
        // of a long log is not read for this check at every start); an empty one is confirmed fresh before a write.
        var heeftRegels = (await logboek.LeesAsync(ct)).Volgnummer > 0 || (await logboek.VersAsync(ct)).Volgnummer > 0;
        if (heeftRegels && await historie.IdempotentieAsync(sleutels[0], ct) is null)
        {
            return await CorrigeerAsync(seed, sleutels, ct);
        }

        var geschreven = false;
        for (var i = 0; i < batches.Count; i++)
        {
            if (await historie.IdempotentieAsync(sleutels[i], ct) is not null)
            {
                continue;
            }

            var batch = batches[i];
            var sleutel = sleutels[i];
            var r = await vastlegging.SchrijfAsync(s => new Toevoeging(batch, s, Vastlegger.Seed, sleutel, sleutel), ct);
            geschreven |= r.IsGelukt;
        }

        if (geschreven)
        {
            logger.LogInformation("Seed-historie geïmporteerd: {Aantal} regels", seed.Regels.Count);
        }

        return geschreven;
    }

    // A log seeded from an earlier version of the seed: append what this seed says differently (corrections and
    // revisions) in one append, once per version of the seed — a later start must not undo what officials recorded
    // since (a correction of a corrected status). A log that was not made by a seed import is left alone.
    private async Task<bool> CorrigeerAsync(SeedSet seed, IReadOnlyList<string> seedSleutels, CancellationToken ct)
    {
        var sleutel = Vastlegging.Hash(["seedcorrectie", .. seedSleutels]);
        if (await historie.IdempotentieAsync(sleutel, ct) is not null)
        {
            return false; // this version of the seed was applied before: its lines are not read again
        }

        var stand = await logboek.VersAsync(ct);
        if (!SeedCorrecties.IsGeseed(seed, stand.Regels) || SeedCorrecties.Bereken(seed, stand.Regels) is not { Count: > 0 } regels)
        {
            return false;
        }

        if (regels.Count > Toevoeging.MaxRegels)
        {
            logger.LogError("Seed-correcties niet vastgelegd: {Aantal} regels past niet in één toevoeging (hooguit {Max})", regels.Count, Toevoeging.MaxRegels);
            return false;
        }

        var r = await vastlegging.SchrijfAsync(s => new Toevoeging(regels, s, Vastlegger.Seed, sleutel, sleutel), ct);
        logger.LogInformation("Seed-correcties vastgelegd: {Aantal} regels (correcties en revisies; vastgestelde momentopnamen blijven zoals ze zijn)", r.Waarde?.Count ?? 0);
        return r.IsGelukt;
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
            var gepland = new Rapportagecyclus(stand.Id, stand.Titel, stand.Peildatum, stand.Kamerbrief, Toestanden.Gepland, null, GeplandDoor: Vastlegger.Seed);
            try
            {
                await cycli.BewaarAsync(gepland, null, ct);
            }
            catch (GelijktijdigeWijzigingException)
            {
                // Another instance planned it at the same moment; the snapshot below is exactly-once either way.
            }
        }

        var uitkomst = await momentopnamen.NeemAsync(stand.Id, Vastlegger.Seed, ct);
        if (uitkomst.IsGelukt)
        {
            logger.LogInformation("Seed-cyclus {Cyclus} vastgesteld ({Hash})", stand.Id, uitkomst.Waarde!.Cyclus.Momentopname!.InhoudHash);
        }

        return uitkomst.Waarde?.Nieuw ?? false;
    }
}
