using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using VoortgangApi.Core.Cycli;

namespace VoortgangApi.Core.Historie;

/// <summary>
/// Appends to the log, never anything else. A write checks the request against the log as this process holds it and
/// appends only if the log is still at the same number in storage (the insert of the next numbers fails otherwise);
/// when another writer came first, it reads what storage has and checks again against that state. A refusal, or
/// nothing to append, is never decided on the held state alone: it is checked again against storage's. So concurrent
/// writers lose nothing, a precondition (If-Match) holds at the append, and a write costs no read of storage first.
/// </summary>
public sealed class Vastlegging(IHistorieStore store, Logboek logboek, ILogger<Vastlegging> logger)
{
    private const int MaxPogingen = 40;

    // Returned (by reference) when a concurrent request with the same Idempotency-Key committed first.
    private static readonly Probleem SleutelIntussenGebruikt = Probleem.Conflict("Idempotency-Key intussen gebruikt.");

    /// <summary>Runs <paramref name="maak"/> against the current log and appends what it returns, retrying on a lost race.</summary>
    /// <returns>The recorded lines, or the problem <paramref name="maak"/> found.</returns>
    /// <remarks>When the lines carry an Idempotency-Key that a concurrent request used first, nothing is appended.</remarks>
    public async Task<Resultaat<IReadOnlyList<Logregel>>> SchrijfAsync(Func<Logstand, Resultaat<Toevoeging>> maak, CancellationToken ct, DateOnly? dekt = null)
    {
        for (var poging = 1; poging <= MaxPogingen; poging++)
        {
            // The first attempt on the held state: the append proves it current (or fails, and the next attempt reads).
            var gehouden = poging == 1 ? await logboek.GehoudenAsync(dekt, ct) : null;
            var toevoeging = gehouden is null ? null : maak(gehouden);
            if (toevoeging is null || !toevoeging.IsGelukt || toevoeging.Waarde!.Regels.Count == 0)
            {
                toevoeging = maak(await logboek.VersAsync(ct, dekt));
            }

            if (!toevoeging.IsGelukt)
            {
                return toevoeging.Probleem!;
            }

            // Nothing to append (every row of an upload unchanged): done, and no key is stored for it.
            if (toevoeging.Waarde!.Regels.Count == 0)
            {
                return Resultaat<IReadOnlyList<Logregel>>.Gelukt([]);
            }

            try
            {
                var regels = await store.VoegToeAsync(toevoeging.Waarde!, ct);
                await logboek.NeemOpAsync(regels, ct);
                return Resultaat<IReadOnlyList<Logregel>>.Gelukt(regels);
            }
            catch (GelijktijdigeWijzigingException)
            {
                if (toevoeging.Waarde!.IdempotentieSleutel is { } sleutel && await store.IdempotentieAsync(sleutel, ct) is not null)
                {
                    return SleutelIntussenGebruikt;
                }

                // Someone appended first: back off a little (more each time, with jitter) and judge the request again.
                await Task.Delay(Random.Shared.Next(2, 10) * Math.Min(poging, 8), ct);
            }
        }

        logger.LogWarning("Vastleggen gaf het op na {Pogingen} gelijktijdige pogingen", MaxPogingen);
        return new Probleem(ProbleemSoort.Onbeschikbaar, "Er wordt op dit moment te veel tegelijk vastgelegd; probeer het zo opnieuw.", []);
    }

    /// <summary>
    /// Appends status entries, all or none, at most once per key: a repeat returns the entries the first request
    /// recorded. When <paramref name="maak"/> finds nothing to record, nothing is appended and no key is stored.
    /// </summary>
    public async Task<Resultaat<Eenmalig>> EenmaligAsync(
        string? sleutel, string bodyHash, Func<Logstand, Resultaat<IReadOnlyList<Statusregel>>> maak, Vastlegger door, CancellationToken ct, DateOnly? dekt = null)
    {
        var opgeslagen = sleutel is null ? null : Sleutel(sleutel);
        if (opgeslagen is not null && await store.IdempotentieAsync(opgeslagen, ct) is { } eerder)
        {
            return await EerderAsync(eerder, bodyHash, ct);
        }

        var geschreven = await SchrijfAsync(stand =>
        {
            var regels = maak(stand);
            return regels.IsGelukt
                ? new Toevoeging([.. regels.Waarde!.Select(Logregel.Nieuw)], stand, door, opgeslagen, bodyHash)
                : regels.Probleem!;
        }, ct, dekt);

        if (ReferenceEquals(geschreven.Probleem, SleutelIntussenGebruikt))
        {
            return await EerderAsync((await store.IdempotentieAsync(opgeslagen!, ct))!, bodyHash, ct);
        }

        return geschreven.IsGelukt ? new Eenmalig([.. geschreven.Waarde!.Select(r => r.Status!)], false) : geschreven.Probleem!;
    }

    /// <summary>The hash that identifies a request body for idempotency: operation, item and normalised body.</summary>
    public static string Hash(params string[] delen) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', delen))));

    // The key is stored hashed: it is the client's string, and the table key must be short and safe.
    private static string Sleutel(string sleutel) => Hash("idempotency-key", sleutel);

    // The first request's lines: one append shares one moment, and the next append is stamped later.
    private async Task<Resultaat<Eenmalig>> EerderAsync(Idempotentie eerder, string bodyHash, CancellationToken ct)
    {
        if (eerder.BodyHash != bodyHash)
        {
            return new Probleem(ProbleemSoort.Onverwerkbaar,
                "Deze Idempotency-Key is al gebruikt voor een ander verzoek; gebruik een nieuwe sleutel voor een nieuwe vastlegging.", []);
        }

        var stand = await logboek.VersAsync(ct);
        if (stand.Regel(eerder.Volgnummer) is not { Status: not null } eerste)
        {
            return new Probleem(ProbleemSoort.Onbeschikbaar, "De eerdere vastlegging is nog niet leesbaar; probeer het zo opnieuw.", []);
        }

        var regels = new List<Statusregel>();
        for (var v = eerder.Volgnummer; stand.Regel(v) is { Status: { } s } r && r.VastgelegdOp == eerste.VastgelegdOp; v++)
        {
            regels.Add(s);
        }

        return new Eenmalig(regels, true);
    }
}

/// <summary>The entries a once-only append recorded, and whether they were recorded by an earlier request with the same key.</summary>
public sealed record Eenmalig(IReadOnlyList<Statusregel> Regels, bool Herhaald);
