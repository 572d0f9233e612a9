using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;

namespace VoortgangApi.OpenData;

/// <summary>What a publication did: the cycle, and how many files were new (0 on a repeat).</summary>
public sealed record PublicatieUitkomst(string CyclusId, string Map, int Nieuw, int Bestanden);

/// <summary>
/// Publishes vastgesteld cycles to the open-data container. Versioned files are create-only and written in an
/// order that ends with SHA256SUMS (the folder's completion mark); the release then joins <see cref="Uitgavenlijst"/>,
/// and the catalogue, the feed and, last, latest.json are rewritten from that list — only when their bytes change.
/// One cycle that cannot be published never blocks the others: it is reported once and left out of the indexes.
/// </summary>
public sealed class PublicatieService(
    ICyclusStore cycli, Core.Historie.Logboek logboek, IOpenDataStore store, OpenDataInstellingen instellingen, ILogger<PublicatieService> logger,
    Core.Wijzigingsteller? wijzigingen = null)
    : IVaststellingVolger
{
    private readonly Uitgavenlijst _lijst = new(store);
    private readonly ConcurrentDictionary<string, string> _gemeld = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Cyclus, string RunId), VoortgangData> _bevroren = new();

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

        var (nieuw, aantal) = await SchrijfMapAsync(versie, ct);
        await WerkIndexenBijAsync(ct);
        if (nieuw > 0)
        {
            wijzigingen?.Meld(Core.Wijzigingssoorten.Publicatie, [cyclusId]);
        }

        return new PublicatieUitkomst(cyclusId, instellingen.Url(Layout.Map(cyclusId)), nieuw, aantal);
    }

    /// <summary>Publishes every vastgesteld cycle whose release is not complete yet (the timer's catch-up).</summary>
    public async Task<IReadOnlyList<string>> PubliceerOntbrekendAsync(CancellationToken ct)
    {
        var compleet = await CompleetAsync(ct);
        var gedaan = new List<string>();
        foreach (var v in (await cycli.LijstAsync(ct)).Where(v => v.RunId is not null && !compleet.ContainsKey(v.Cyclus.Id)))
        {
            try
            {
                await SchrijfMapAsync(v, ct);
                gedaan.Add(v.Cyclus.Id);
            }
            catch (Exception ex) when (IsGegevensfout(ex))
            {
                Meld(v.Cyclus.Id, ex);
            }
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
            logger.LogWarning("Publicatie van {Cyclus} mislukt ({Fout}); de timer probeert het opnieuw", cyclus.Id, ex.GetType().Name);
            logger.LogDebug(ex, "Details van de mislukte publicatie van {Cyclus}", cyclus.Id);
        }
    }

    // Writes the folder (create-only, SHA256SUMS last) and adds it to the list; a complete folder is only confirmed in
    // the list, never rebuilt or re-read beyond its SHA256SUMS.
    private async Task<(int Nieuw, int Aantal)> SchrijfMapAsync(CyclusVersie versie, CancellationToken ct)
    {
        var cyclusId = versie.Cyclus.Id;
        if (await store.LeesAsync(Layout.Pad(cyclusId, Layout.Controlelijst), ct) is { } klaar)
        {
            var info = await _lijst.BestandenAsync(cyclusId, klaar, ct);
            await _lijst.VoegToeAsync(cyclusId, info, ct);
            return (0, info.Count);
        }

        var data = await cycli.LeesMomentopnameAsync(cyclusId, versie.RunId!, ct);
        var bestanden = Cycluspakket.Bouw(versie.Cyclus, data, instellingen, await HistorieAsync(versie.Cyclus, ct));
        var nieuw = 0;
        foreach (var b in bestanden)
        {
            if (await store.MaakAanAsync(Layout.Pad(cyclusId, b.Naam), b.Inhoud, b.ContentType, ct))
            {
                nieuw++;
            }
        }

        await _lijst.VoegToeAsync(cyclusId, [.. bestanden.Select(b => new BestandInfo(b.Naam, b.Inhoud.Length, b.Sha256))], ct);
        if (nieuw > 0)
        {
            logger.LogInformation("Open data van {Cyclus} gepubliceerd: {Nieuw} nieuwe bestanden", cyclusId, nieuw);
        }

        return (nieuw, bestanden.Count);
    }

    // The status entries the snapshot was folded from: known when it was taken, holding at its peildatum.
    private async Task<IReadOnlyList<Core.Historie.Statusregel>?> HistorieAsync(Rapportagecyclus cyclus, CancellationToken ct) =>
        cyclus.Momentopname?.BekendOp is { } bekendOp
            ? Core.Historie.Vouw.Statusregels((await logboek.VersAsync(ct)).Regels, cyclus.Peildatum, bekendOp)
            : null;

    /// <summary>
    /// After a commit of lines <paramref name="van"/>–<paramref name="tot"/>: the indexes and correction notes are brought
    /// up to date when one of those lines holds at or before the peildatum of a frozen letter (a correction of what a
    /// letter said); lines that hold later change no letter and cost one look at the cycles.
    /// </summary>
    public async Task NaCommitAsync(long van, long tot, CancellationToken ct)
    {
        var vastgesteld = (await cycli.LijstAsync(ct)).Where(v => v.RunId is not null).ToList();
        if (vastgesteld.Count == 0)
        {
            return;
        }

        // The commit's lines as a page of the log (on a checkpoint's head: the lines after it), not the whole index.
        var laatste = vastgesteld.Max(v => v.Cyclus.Peildatum);
        var (_, regels) = await logboek.VersRegelsNaAsync(van - 1, (int)Math.Min(int.MaxValue, tot - van + 1), ct);
        if (regels.Any(r => (r.Status?.Peildatum ?? r.Revisie!.GeldigVanaf) <= laatste))
        {
            await WerkIndexenBijAsync(ct);
        }
    }

    // Rebuilt from the list of complete releases, until that list is the same before and after writing: a publisher
    // running at the same time can then never leave an index that misses its release.
    private async Task WerkIndexenBijAsync(CancellationToken ct)
    {
        var compleet = await CompleetAsync(ct);
        for (var ronde = 0; ronde < 3; ronde++)
        {
            await SchrijfIndexenAsync(compleet, ct);
            var daarna = await CompleetAsync(ct);
            if (daarna.Keys.Order(StringComparer.Ordinal).SequenceEqual(compleet.Keys.Order(StringComparer.Ordinal)))
            {
                return;
            }

            compleet = daarna;
        }
    }

    private async Task SchrijfIndexenAsync(Dictionary<string, IReadOnlyList<BestandInfo>> compleet, CancellationToken ct)
    {
        var versies = (await cycli.LijstAsync(ct)).Where(v => v.RunId is not null && compleet.ContainsKey(v.Cyclus.Id)).ToList();
        var gepubliceerd = versies
            .Select(v => new GepubliceerdeCyclus(v.Cyclus, compleet[v.Cyclus.Id]))
            .Where(Bruikbaar)
            .OrderBy(g => g.Cyclus.Peildatum).ToList();
        var gecorrigeerd = await CorrectienotasAsync([.. versies.Where(v => gepubliceerd.Any(g => g.Cyclus.Id == v.Cyclus.Id))], ct);

        await store.VervangAlsAndersAsync(Layout.Catalogus, Catalogus.Maak(gepubliceerd, instellingen), "application/ld+json; charset=utf-8", ct);
        await store.VervangAlsAndersAsync(Layout.Feed, Feed.Maak(gepubliceerd, instellingen, gecorrigeerd), "application/atom+xml; charset=utf-8", ct);
        foreach (var bestand in Statuspagina.Bestanden)
        {
            await store.VervangAlsAndersAsync("v1/" + bestand, Statuspagina.Lees(bestand, instellingen.ProgrammaApiUrl, instellingen.Namen), Statuspagina.ContentType(bestand), ct);
        }

        if (gepubliceerd.Count > 0)
        {
            // Last: the pointer only ever names a folder whose files are all there.
            var laatste = gepubliceerd[^1].Cyclus;
            var pointer = new { cyclus = laatste.Id, map = Layout.Map(laatste.Id), url = instellingen.Url(Layout.Map(laatste.Id)), inhoudHash = laatste.Momentopname!.InhoudHash };
            await store.VervangAlsAndersAsync(Layout.Laatste, JsonSerializer.SerializeToUtf8Bytes(pointer, VoortgangJson.Bestand), "application/json; charset=utf-8", ct);
        }
    }

    // The correction notes beside the frozen letters' releases: compared in memory (a frozen snapshot never changes, so
    // it is read once per process), written only for a release that has corrections or had a note before. The list of
    // releases with a note (v1/correcties.json) is one blob, so a publication costs the same number of blob calls
    // however many releases exist, as long as nothing is corrected.
    private async Task<HashSet<string>> CorrectienotasAsync(IReadOnlyList<CyclusVersie> versies, CancellationToken ct)
    {
        var eerder = await store.LeesAsync(Correcties.Index, ct) is { } bytes ? Correcties.LeesIndex(bytes) : [];
        var nu = new HashSet<string>(StringComparer.Ordinal);
        // Each letter's peildatum as known now: on a checkpoint's head from that date's window, not the whole index.
        var log = versies.Any(v => v.Cyclus.Momentopname?.BekendOp is not null) ? await logboek.VersAsync(ct, logboek.Tijd.Vandaag()) : null;
        foreach (var v in versies.Where(v => v.Cyclus.Momentopname?.BekendOp is not null))
        {
            try
            {
                var brief = _bevroren.TryGetValue((v.Cyclus.Id, v.RunId!), out var b) ? b
                    : _bevroren[(v.Cyclus.Id, v.RunId!)] = await cycli.LeesMomentopnameAsync(v.Cyclus.Id, v.RunId!, ct);
                var stand = await logboek.DekkendAsync(log!, v.Cyclus.Peildatum, DateTimeOffset.MaxValue, ct);
                var correcties = Correcties.Bereken(brief, stand.Stand(v.Cyclus.Peildatum, DateTimeOffset.MaxValue));
                if (correcties.Count > 0)
                {
                    nu.Add(v.Cyclus.Id);
                }

                if (correcties.Count > 0 || eerder.Contains(v.Cyclus.Id))
                {
                    await store.VervangAlsAndersAsync(Layout.Pad(v.Cyclus.Id, Correcties.Html), Correcties.AlsHtml(v.Cyclus, correcties, instellingen.ProgrammaApiUrl), "text/html; charset=utf-8", ct);
                    await store.VervangAlsAndersAsync(Layout.Pad(v.Cyclus.Id, Correcties.Json), Correcties.AlsJson(v.Cyclus, correcties, instellingen.ProgrammaApiUrl), "application/json; charset=utf-8", ct);
                }
            }
            catch (Exception ex) when (IsGegevensfout(ex))
            {
                Meld(v.Cyclus.Id, ex);
            }
        }

        if (!nu.SetEquals(eerder))
        {
            await store.VervangAlsAndersAsync(Correcties.Index, Correcties.AlsIndex(nu, instellingen), "application/json; charset=utf-8", ct);
        }

        return nu;
    }

    // A release whose catalogue entry or feed entry cannot be written (data stored by an older version that the checks
    // of today would refuse) is left out of the indexes, reported once, and never blocks the others.
    private bool Bruikbaar(GepubliceerdeCyclus g)
    {
        try
        {
            _ = Catalogus.Maak([g], instellingen);
            _ = Feed.Maak([g], instellingen);
            return true;
        }
        catch (Exception ex) when (IsGegevensfout(ex))
        {
            Meld(g.Cyclus.Id, ex);
            return false;
        }
    }

    private void Meld(string cyclusId, Exception ex)
    {
        if (_gemeld.TryAdd(cyclusId, ex.GetType().Name))
        {
            logger.LogWarning("Publicatie van {Cyclus} kan niet worden voltooid ({Fout}: {Bericht}); de andere uitgaven gaan door", cyclusId, ex.GetType().Name, ex.Message);
        }
    }

    // Failures that come from the data itself (text an encoder refuses, a value a builder rejects), as opposed to storage
    // failures, which propagate (503, or the timer's next run).
    private static bool IsGegevensfout(Exception ex) =>
        ex is ArgumentException or InvalidOperationException or System.Xml.XmlException or JsonException or EncoderFallbackException
            or FormatException or InvalidDataException;

    private async Task<Dictionary<string, IReadOnlyList<BestandInfo>>> CompleetAsync(CancellationToken ct) => await _lijst.LeesAsync(ct);
}
