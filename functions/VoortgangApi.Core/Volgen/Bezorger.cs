namespace VoortgangApi.Core.Volgen;

/// <summary>
/// Delivers one queued message: signs it with the subscription's secret and posts it. A failure (no 2xx, a timeout, a
/// refused address) queues the next try after the next pause of <see cref="WebhookOptions.Pauzes"/>, with the same
/// <c>webhook-id</c> and body; after the last pause the message goes to the poison queue and the subscription is
/// paused, with the reason, until its subscriber subscribes again. A message for a subscription that is gone or
/// paused is dropped.
/// </summary>
public sealed class Bezorger(IAbonnementStore store, IAfleverwachtrij wachtrij, ICallbackKanaal kanaal, WebhookOptions opties, TimeProvider tijd)
{
    public async Task<Bezorging> BezorgAsync(Aflevering a, CancellationToken ct)
    {
        var abonnement = await store.ZoekAsync(a.ProgrammaId, a.AbonnementId, ct);
        if (abonnement is not { Toestand: Abonnementstoestanden.Actief })
        {
            return Bezorging.Vervallen;
        }

        var antwoord = await kanaal.BezorgAsync(new Uri(abonnement.Callback), Handtekening.Headers(abonnement.Geheim, a.WebhookId, tijd.GetUtcNow(), a.Body), a.Body, ct);
        if (antwoord.Gelukt)
        {
            if (abonnement.Mislukt > 0)
            {
                await store.WerkBijAsync(abonnement with { Mislukt = 0 }, ct);
            }

            return Bezorging.Bezorgd;
        }

        var pauzes = opties.Pauzes;
        if (a.Poging <= pauzes.Count)
        {
            await wachtrij.ZetAsync(a with { Poging = a.Poging + 1 }, TimeSpan.FromSeconds(pauzes[a.Poging - 1]), ct);
            await store.WerkBijAsync(abonnement with { Mislukt = abonnement.Mislukt + 1 }, ct);
            return Bezorging.Opnieuw;
        }

        await wachtrij.OpgegevenAsync(a, ct);
        var sinds = a.EersteOp.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await store.WerkBijAsync(abonnement with
        {
            Toestand = Abonnementstoestanden.Gepauzeerd,
            Mislukt = abonnement.Mislukt + 1,
            Reden = $"Bezorging {a.WebhookId} mislukte {a.Poging} keer sinds {sinds} UTC (laatst: {antwoord.Fout ?? "HTTP " + antwoord.Status}); " +
                "er wordt niets meer verzonden. Zeg het abonnement op en neem een nieuw om weer te ontvangen.",
        }, ct);
        return Bezorging.Opgegeven;
    }
}

/// <summary>What became of one try.</summary>
public enum Bezorging
{
    Bezorgd,
    Opnieuw,
    Opgegeven,

    /// <summary>The subscription is gone or paused: nothing sent.</summary>
    Vervallen,
}
