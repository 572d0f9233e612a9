using System.Security.Cryptography;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Programmas;
using VoortgangApi.Core.Validation;

namespace VoortgangApi.Core.Volgen;

/// <summary>
/// Subscribing, reading and unsubscribing, for one programme. A subscription exists only after its callback proved
/// that it wants it (verification of intent: it must echo a random challenge, as in WebSub), so the API cannot be
/// pointed at someone else's server. Limits: attempts per caller per minute, subscriptions per callback host and in
/// total (429 with Retry-After).
/// </summary>
public sealed class Abonnementen(
    Programmacontext programma, Logboek logboek, IAbonnementStore store, ICallbackKanaal kanaal, Pogingenteller teller, SchemaCatalogus schemas,
    WebhookOptions opties, TimeProvider tijd)
{
    public const int MaxFilters = 50;

    public async Task<Resultaat<NieuwAbonnement>> NeemAsync(string body, string beller, CancellationToken ct)
    {
        if (teller.Wacht(beller) is { } wacht)
        {
            return new Probleem(ProbleemSoort.TeVeel, $"Te veel aanmeldingen vanaf dit adres; probeer het over {Math.Ceiling(wacht.TotalSeconds)} s opnieuw.", [], wacht);
        }

        var gelezen = await Invoer.LeesAsync<AbonnementInvoer>(schemas, "abonnement-invoer.schema.json", body);
        if (!gelezen.IsGelukt)
        {
            return gelezen.Probleem!;
        }

        var invoer = gelezen.Waarde!.Waarde;
        // Read fresh once (the current state only, not the whole index): the ids are checked against it, and the
        // subscription starts after its last line.
        var log = await logboek.VersAsync(ct, tijd.Vandaag());
        var huidig = log.Huidig(tijd.Vandaag());
        var fouten = new List<OngeldigeInvoer>();

        if (Adresregels.Fout(invoer.Callback, opties.LoopbackToegestaan) is { } fout)
        {
            fouten.Add(new("$.callback", "ongeldigeCallback", fout));
        }

        Controleer(fouten, "$.themas", invoer.Themas, huidig.Themas.Select(t => t.Id));
        Controleer(fouten, "$.items", invoer.Items, huidig.Oplossingsrichtingen.Select(o => o.Id));
        if (fouten.Count > 0)
        {
            return Probleem.Ongeldig(fouten);
        }

        var callback = new Uri(invoer.Callback!);
        if (await store.AantalAsync(ct) >= opties.MaxTotaal)
        {
            return new Probleem(ProbleemSoort.TeVeel, "Het maximale aantal abonnementen van deze API is bereikt; probeer het later opnieuw.", [], TimeSpan.FromHours(1));
        }

        var bestaand = await store.LijstAsync(programma.Id, ct);
        if (bestaand.Count(a => string.Equals(new Uri(a.Callback).IdnHost, callback.IdnHost, StringComparison.OrdinalIgnoreCase)) >= opties.MaxPerCallbackHost)
        {
            return new Probleem(ProbleemSoort.TeVeel,
                $"Er zijn al {opties.MaxPerCallbackHost} abonnementen op {callback.IdnHost} in dit programma; zeg er een op of combineer ze met themas en items.", [],
                TimeSpan.FromHours(1));
        }

        // Verification of intent: the callback must echo the challenge before anything else is sent to it.
        var challenge = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var bevestiging = await kanaal.BevestigAsync(callback, challenge, $"{programma.Id}", ct);
        if (!bevestiging.Gelukt)
        {
            return Probleem.Ongeldig([new("$.callback", bevestiging.AdresGeweigerd ? "verbodenAdres" : "nietBevestigd", bevestiging.AdresGeweigerd ? bevestiging.Fout! :
                $"de callback bevestigde het abonnement niet ({bevestiging.Fout ?? "HTTP " + bevestiging.Status}); hij moet op de GET met hub.challenge antwoorden met 2xx en precies die challenge als body.")]);
        }

        var abonnement = new Abonnement("abo_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), programma.Id, callback.AbsoluteUri,
            Uniek(invoer.Themas), Uniek(invoer.Items), Uniek(invoer.Soorten), Handtekening.NieuwGeheim(), Abonnementstoestanden.Actief,
            log.Volgnummer, tijd.GetUtcNow());
        await store.VoegToeAsync(abonnement, ct);
        return new NieuwAbonnement(AbonnementWeergave.Van(abonnement), abonnement.Geheim);
    }

    public async Task<Resultaat<AbonnementWeergave>> LeesAsync(string id, string? geheim, Queries.Parameters query, CancellationToken ct)
    {
        if (query.Fouten.Count > 0)
        {
            return Probleem.Ongeldig(query.Fouten);
        }

        var gevonden = await MetGeheimAsync(id, geheim, ct);
        return gevonden.IsGelukt ? AbonnementWeergave.Van(gevonden.Waarde!) : gevonden.Probleem!;
    }

    public async Task<Resultaat<bool>> ZegOpAsync(string id, string? geheim, CancellationToken ct)
    {
        var gevonden = await MetGeheimAsync(id, geheim, ct);
        if (!gevonden.IsGelukt)
        {
            return gevonden.Probleem!;
        }

        await store.VerwijderAsync(programma.Id, id, ct);
        return true;
    }

    // Only whoever holds the secret reads or ends a subscription; an unknown id and a wrong secret answer the same.
    private async Task<Resultaat<Abonnement>> MetGeheimAsync(string id, string? geheim, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(geheim))
        {
            return Probleem.Ongeldig([new("Webhook-Secret", "ontbreekt", "stuur het geheim (whsec_…) dat u bij het abonneren kreeg in de header Webhook-Secret.")]);
        }

        var a = id.Length <= 40 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? await store.ZoekAsync(programma.Id, id, ct) : null;
        return a is not null && Handtekening.Gelijk(a.Geheim, geheim)
            ? a
            : Probleem.NietGevonden($"Er is geen abonnement '{Queries.Parameters.Kort(id)}' met dit geheim in programma '{programma.Id}'.");
    }

    private static void Controleer(List<OngeldigeInvoer> fouten, string naam, IReadOnlyList<string>? waarden, IEnumerable<string> bekend)
    {
        if (waarden is null)
        {
            return;
        }

        if (waarden.Count > MaxFilters)
        {
            fouten.Add(new(naam, "teVeel", $"hoogstens {MaxFilters}."));
            return;
        }

        var set = bekend.ToHashSet(StringComparer.Ordinal);
        foreach (var w in waarden.Where(w => w is null || !set.Contains(w)))
        {
            fouten.Add(new(naam, "onbekend", $"'{Queries.Parameters.Kort(w ?? "null")}' bestaat niet in dit programma."));
        }
    }

    private static IReadOnlyList<string> Uniek(IReadOnlyList<string>? waarden) => waarden is null ? [] : [.. waarden.Distinct(StringComparer.Ordinal)];
}

/// <summary>Attempts per caller in a sliding minute, in memory only (nothing about a caller is stored).</summary>
public sealed class Pogingenteller(WebhookOptions opties, TimeProvider tijd)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _pogingen = new(StringComparer.Ordinal);

    /// <summary>Null when this attempt may go ahead (and counts it); otherwise how long until the next may.</summary>
    public TimeSpan? Wacht(string beller)
    {
        var nu = tijd.GetUtcNow();
        lock (_pogingen)
        {
            if (_pogingen.Count > 10_000)
            {
                _pogingen.Clear(); // bounded memory: forgetting callers only makes the limit kinder for a moment
            }

            var q = _pogingen.TryGetValue(beller, out var b) ? b : _pogingen[beller] = new();
            while (q.Count > 0 && nu - q.Peek() >= TimeSpan.FromMinutes(1))
            {
                q.Dequeue();
            }

            if (q.Count >= opties.PogingenPerMinuut)
            {
                return q.Peek() + TimeSpan.FromMinutes(1) - nu;
            }

            q.Enqueue(nu);
            return null;
        }
    }
}
