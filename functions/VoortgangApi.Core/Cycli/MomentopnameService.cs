using Microsoft.Extensions.Logging;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Cycli;

/// <summary>The outcome of a snapshot request: the vastgesteld cycle and whether this call made the snapshot.</summary>
public sealed record MomentopnameUitkomst(Rapportagecyclus Cyclus, bool Nieuw);

/// <summary>
/// Takes a cycle's snapshot exactly once. Each attempt writes its rows, insert-only, into a partition of its own;
/// then the cycle row is switched to vastgesteld with If-Match (the commit marker, written last). Of concurrent
/// attempts exactly one commit succeeds; the others see the winner's snapshot and remove their own rows. An
/// attempt that dies before the commit leaves the cycle gepland, and the next attempt simply starts afresh.
/// </summary>
public sealed class MomentopnameService(
    Logboek logboek, ICyclusStore cycli, TimeProvider tijd, ILogger<MomentopnameService> logger,
    IEnumerable<IVaststellingVolger>? volgers = null, Wijzigingsteller? wijzigingen = null)
{
    private const int MaxPogingen = 5;

    /// <summary>An attempt younger than this may still be running; older uncommitted rows are abandoned.</summary>
    public static readonly TimeSpan VeiligeLeeftijd = TimeSpan.FromHours(1);

    private DateTimeOffset _laatsteOpruiming = DateTimeOffset.MinValue;

    /// <summary>
    /// Takes the snapshot of a gepland cycle now: the fold of the log at the cycle's peildatum as known now. A change
    /// recorded with a later peildatum is not in it, however late the snapshot is taken.
    /// </summary>
    public async Task<Resultaat<MomentopnameUitkomst>> NeemAsync(string cyclusId, Historie.Vastlegger door, CancellationToken ct)
    {
        for (var poging = 1; poging <= MaxPogingen; poging++)
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

            if (versie.Cyclus.Toestand == Toestanden.Vastgesteld)
            {
                return Probleem.Conflict(
                    $"Rapportagecyclus '{cyclusId}' is al vastgesteld op {versie.Cyclus.Momentopname!.GenomenOp:u} " +
                    $"(inhoudHash {versie.Cyclus.Momentopname.InhoudHash}); een momentopname verandert nooit meer.");
            }

            // A snapshot freezes the state *at* the peildatum; taking it before that date would freeze the wrong state.
            if (versie.Cyclus.Peildatum > tijd.Vandaag())
            {
                return Probleem.Conflict(
                    $"De peildatum van '{cyclusId}' ({versie.Cyclus.Peildatum:yyyy-MM-dd}) ligt in de toekomst; neem de momentopname op of na die datum.");
            }

            var log = await logboek.VersAsync(ct);
            var data = log.Momentopname(versie.Cyclus.Peildatum);
            var runId = tijd.GetUtcNow().ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture)
                + Guid.NewGuid().ToString("N")[..8];
            await cycli.SchrijfMomentopnameAsync(cyclusId, runId, data, ct);

            var nu = tijd.GetUtcNow();
            var genomenOp = new DateTimeOffset(nu.Ticks - (nu.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
            var info = new MomentopnameInfo(genomenOp, Canoniek.Hash(data), Canoniek.Tel(data), log.BekendTot, log.Volgnummer);
            var vastgesteld = versie.Cyclus with { Toestand = Toestanden.Vastgesteld, Momentopname = info, VastgesteldDoor = door };
            try
            {
                var vast = await cycli.LegVastAsync(vastgesteld, runId, versie.Versie, ct);
                logboek.VraagCheckpunt(); // a checkpoint at each frozen letter, written beside the request
                return await VastgesteldAsync(vast.Cyclus, ct);
            }
            catch (GelijktijdigeWijzigingException)
            {
                var winnaar = await cycli.LeesAsync(cyclusId, ct);
                if (winnaar?.RunId == runId)
                {
                    // Our own commit landed but its answer was lost (a time-out after the server applied it; the retry
                    // then met the new ETag): the rows are the committed snapshot's and must stay.
                    return await VastgesteldAsync(winnaar.Cyclus, ct);
                }

                // Lost the race (or the cycle was re-planned meanwhile): our rows were never committed, so remove them.
                await cycli.VerwijderPogingAsync(cyclusId, runId, ct);
                if (winnaar?.Cyclus.Toestand == Toestanden.Vastgesteld)
                {
                    return new MomentopnameUitkomst(winnaar.Cyclus, Nieuw: false);
                }
            }
        }

        return Probleem.Conflict($"Rapportagecyclus '{cyclusId}' werd steeds gelijktijdig gewijzigd; probeer het opnieuw.");
    }

    private async Task<MomentopnameUitkomst> VastgesteldAsync(Rapportagecyclus vast, CancellationToken ct)
    {
        wijzigingen?.Meld(Wijzigingssoorten.Momentopname, [vast.Id]);
        logger.LogInformation("Momentopname van {Cyclus} vastgesteld: {Hash}, {Aantal} oplossingsrichtingen",
            vast.Id, vast.Momentopname!.InhoudHash, vast.Momentopname.Aantallen.Oplossingsrichtingen);
        foreach (var volger in volgers ?? [])
        {
            await volger.NaVaststellingAsync(vast, ct);
        }

        return new MomentopnameUitkomst(vast, Nieuw: true);
    }

    /// <summary>
    /// Removes the rows of snapshot attempts that died before their commit (older than <see cref="VeiligeLeeftijd"/>, not
    /// the committed one). At most once per <see cref="VeiligeLeeftijd"/> per process, so a frequent timer stays cheap.
    /// </summary>
    public async Task<int> RuimOpAsync(CancellationToken ct)
    {
        var nu = tijd.GetUtcNow();
        if (nu - _laatsteOpruiming < VeiligeLeeftijd)
        {
            return 0;
        }

        _laatsteOpruiming = nu;
        var verwijderd = 0;
        foreach (var versie in await cycli.LijstAsync(ct))
        {
            foreach (var runId in await cycli.PogingenAsync(versie.Cyclus.Id, ct))
            {
                if (runId != versie.RunId && Begonnen(runId) is { } begin && nu - begin > VeiligeLeeftijd)
                {
                    await cycli.VerwijderPogingAsync(versie.Cyclus.Id, runId, ct);
                    verwijderd++;
                }
            }
        }

        if (verwijderd > 0)
        {
            logger.LogInformation("{Aantal} afgebroken momentopnamepogingen opgeruimd", verwijderd);
        }

        return verwijderd;
    }

    // A run id starts with the moment the attempt began (yyyyMMddHHmmssfff, UTC).
    private static DateTimeOffset? Begonnen(string runId) =>
        runId.Length >= 17 && DateTime.TryParseExact(runId[..17], "yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var t)
            ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    /// <summary>Snapshots every gepland cycle whose peildatum has passed (UTC); returns the ids it fixed.</summary>
    /// <remarks>State-based, not run-based: a missed or past-due timer run is caught up by the next one.</remarks>
    public async Task<IReadOnlyList<string>> NeemVerlopenAsync(CancellationToken ct)
    {
        var vandaag = tijd.Vandaag();
        var vastgesteld = new List<string>();
        foreach (var versie in await cycli.LijstAsync(ct))
        {
            if (versie.Cyclus.Toestand != Toestanden.Gepland || versie.Cyclus.Peildatum >= vandaag)
            {
                continue;
            }

            var uitkomst = await NeemAsync(versie.Cyclus.Id, Historie.Vastlegger.Timer, ct);
            if (uitkomst.IsGelukt)
            {
                vastgesteld.Add(versie.Cyclus.Id);
            }
        }

        await RuimOpAsync(ct);
        return vastgesteld;
    }
}
