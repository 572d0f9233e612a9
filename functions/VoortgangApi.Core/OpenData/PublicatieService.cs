using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.OpenData;

/// <summary>What a publication did: the cycle, and how many files were new (0 on a repeat).</summary>
public sealed record PublicatieUitkomst(string CyclusId, string Map, int Nieuw, int Bestanden);

/// <summary>
/// Publishes vastgesteld cycles to the open-data container. Versioned files are create-only and written in an
/// order that ends with SHA256SUMS (the folder's completion mark); then the catalogue, the feed and, last,
/// latest.json are rewritten from the complete folders — and only when their bytes change.
/// </summary>
public sealed class PublicatieService(ICyclusStore cycli, Historie.Logboek logboek, IOpenDataStore store, OpenDataInstellingen instellingen, ILogger<PublicatieService> logger)
    : IVaststellingVolger
{
    public async Task<Resultaat<PublicatieUitkomst>> PubliceerAsync(string cyclusId, CancellationToken ct)
    {
        if (!Ids.IsCyclusId(cyclusId))
        {
            return Ids.OngeldigeCyclusId();
        }

        var versie = await cycli.LeesAsync(cyclusId, ct);
        if (versie is null)
        {
            return Ids.OnbekendeCyclus(cyclusId);
        }

        if (versie.RunId is null)
        {
            return Probleem.Conflict($"Rapportagecyclus '{cyclusId}' is nog gepland; alleen een vastgestelde cyclus wordt gepubliceerd.");
        }

        // A complete folder never changes: it is not rebuilt (nor its files' hashes re-read) on a repeat.
        if (await store.LeesAsync(Layout.Pad(cyclusId, Layout.Controlelijst), ct) is { } klaar)
        {
            await WerkIndexenBijAsync(ct);
            return new PublicatieUitkomst(cyclusId, instellingen.Url(Layout.Map(cyclusId)), 0, Bestandssoort.LeesControlelijst(Encoding.ASCII.GetString(klaar)).Count + 1);
        }

        var data = await cycli.LeesMomentopnameAsync(cyclusId, versie.RunId, ct);
        var bestanden = Cycluspakket.Bouw(versie.Cyclus, data, instellingen, await HistorieAsync(versie.Cyclus, ct));
        var nieuw = 0;
        foreach (var b in bestanden)
        {
            if (await store.MaakAanAsync(Layout.Pad(cyclusId, b.Naam), b.Inhoud, b.ContentType, ct))
            {
                nieuw++;
            }
        }

        await WerkIndexenBijAsync(ct);
        if (nieuw > 0)
        {
            logger.LogInformation("Open data van {Cyclus} gepubliceerd: {Nieuw} nieuwe bestanden", cyclusId, nieuw);
        }

        return new PublicatieUitkomst(cyclusId, instellingen.Url(Layout.Map(cyclusId)), nieuw, bestanden.Count);
    }

    // The status entries the snapshot was folded from: known when it was taken, holding at its peildatum.
    private async Task<IReadOnlyList<Historie.Statusregel>?> HistorieAsync(Rapportagecyclus cyclus, CancellationToken ct) =>
        cyclus.Momentopname?.BekendOp is { } bekendOp
            ? Historie.Vouw.Statusregels((await logboek.VersAsync(ct)).Regels, cyclus.Peildatum, bekendOp)
            : null;

    /// <summary>Publishes every vastgesteld cycle whose folder is not complete yet (the timer's catch-up).</summary>
    public async Task<IReadOnlyList<string>> PubliceerOntbrekendAsync(CancellationToken ct)
    {
        var compleet = await CompleteMappenAsync(ct);
        var gedaan = new List<string>();
        foreach (var v in (await cycli.LijstAsync(ct)).Where(v => v.RunId is not null && !compleet.ContainsKey(v.Cyclus.Id)))
        {
            await PubliceerAsync(v.Cyclus.Id, ct);
            gedaan.Add(v.Cyclus.Id);
        }

        await WerkIndexenBijAsync(ct);
        return gedaan;
    }

    /// <summary>Publishes right after a snapshot; failures are logged, the timer catches up.</summary>
    public async Task NaVaststellingAsync(Rapportagecyclus cyclus, CancellationToken ct)
    {
        try
        {
            await PubliceerAsync(cyclus.Id, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Publicatie van {Cyclus} mislukt; de timer probeert het opnieuw", cyclus.Id);
        }
    }

    // Rebuilt from what is complete in the store, until that set is the same before and after writing: a publisher
    // running at the same time can then never leave an index that misses its folder.
    private async Task WerkIndexenBijAsync(CancellationToken ct)
    {
        var compleet = await CompleteMappenAsync(ct);
        for (var ronde = 0; ronde < 3; ronde++)
        {
            await SchrijfIndexenAsync(compleet, ct);
            var daarna = await CompleteMappenAsync(ct);
            if (daarna.Keys.Order(StringComparer.Ordinal).SequenceEqual(compleet.Keys.Order(StringComparer.Ordinal)))
            {
                return;
            }

            compleet = daarna;
        }
    }

    private async Task SchrijfIndexenAsync(Dictionary<string, IReadOnlyList<BestandInfo>> compleet, CancellationToken ct)
    {
        var gepubliceerd = (await cycli.LijstAsync(ct))
            .Where(v => v.RunId is not null && compleet.ContainsKey(v.Cyclus.Id))
            .Select(v => new GepubliceerdeCyclus(v.Cyclus, compleet[v.Cyclus.Id]))
            .OrderBy(g => g.Cyclus.Peildatum).ToList();

        await store.VervangAlsAndersAsync(Layout.Catalogus, Catalogus.Maak(gepubliceerd, instellingen), "application/ld+json; charset=utf-8", ct);
        await store.VervangAlsAndersAsync(Layout.Feed, Feed.Maak(gepubliceerd, instellingen), "application/atom+xml; charset=utf-8", ct);
        foreach (var bestand in Statuspagina.Bestanden)
        {
            await store.VervangAlsAndersAsync("v1/" + bestand, Statuspagina.Lees(bestand, instellingen.ApiBasisUrl), Statuspagina.ContentType(bestand), ct);
        }

        if (gepubliceerd.Count > 0)
        {
            // Last: the pointer only ever names a folder whose files are all there.
            var laatste = gepubliceerd[^1].Cyclus;
            var pointer = new { cyclus = laatste.Id, map = Layout.Map(laatste.Id), url = instellingen.Url(Layout.Map(laatste.Id)), inhoudHash = laatste.Momentopname!.InhoudHash };
            await store.VervangAlsAndersAsync(Layout.Laatste, JsonSerializer.SerializeToUtf8Bytes(pointer, VoortgangJson.Bestand), "application/json; charset=utf-8", ct);
        }
    }

    // A folder counts once its SHA256SUMS exists (written last); sizes come from the listing, hashes from SHA256SUMS.
    private async Task<Dictionary<string, IReadOnlyList<BestandInfo>>> CompleteMappenAsync(CancellationToken ct)
    {
        var blobs = await store.LijstAsync("v1/cycli/", ct);
        var resultaat = new Dictionary<string, IReadOnlyList<BestandInfo>>(StringComparer.Ordinal);
        foreach (var map in blobs.GroupBy(b => b.Pad.Split('/')[2], StringComparer.Ordinal))
        {
            if (!map.Any(b => b.Pad.EndsWith("/" + Layout.Controlelijst, StringComparison.Ordinal)))
            {
                continue;
            }

            var controlelijst = await store.LeesAsync(Layout.Pad(map.Key, Layout.Controlelijst), ct) ?? [];
            var lijst = Bestandssoort.LeesControlelijst(Encoding.ASCII.GetString(controlelijst));
            lijst[Layout.Controlelijst] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(controlelijst));
            resultaat[map.Key] = [.. map.Select(b => (Naam: b.Pad.Split('/')[^1], b.Bytes))
                .Where(b => lijst.ContainsKey(b.Naam))
                .Select(b => new BestandInfo(b.Naam, b.Bytes, lijst[b.Naam]))];
        }

        return resultaat;
    }
}
