namespace VoortgangApi.Core.Volgen;

/// <summary>Where subscriptions and each programme's delivery cursor are kept (Table Storage in the app).</summary>
public interface IAbonnementStore
{
    Task<IReadOnlyList<Abonnement>> LijstAsync(string programmaId, CancellationToken ct);

    Task<int> AantalAsync(CancellationToken ct);

    Task<Abonnement?> ZoekAsync(string programmaId, string id, CancellationToken ct);

    Task VoegToeAsync(Abonnement abonnement, CancellationToken ct);

    /// <summary>Replaces the subscription if its ETag still matches; false when another writer came first.</summary>
    Task<bool> WerkBijAsync(Abonnement abonnement, CancellationToken ct);

    Task VerwijderAsync(string programmaId, string id, CancellationToken ct);

    /// <summary>The last log number (and the last letter's moment) whose deliveries are queued; null when none was ever queued.</summary>
    Task<Uitzendcursor?> CursorAsync(string programmaId, CancellationToken ct);

    /// <summary>Moves the cursor forward if it is still the one read (its ETag; null: create); false when another instance moved it.</summary>
    Task<bool> ZetCursorAsync(string programmaId, Uitzendcursor cursor, CancellationToken ct);
}

public sealed record Uitzendcursor(long Volgnummer, DateTimeOffset LaatsteBrief, string? ETag = null);

/// <summary>The delivery queue (Azure Queue Storage): a message per delivery, visible after a pause for a retry.</summary>
public interface IAfleverwachtrij
{
    Task ZetAsync(Aflevering aflevering, TimeSpan wacht, CancellationToken ct);

    /// <summary>A delivery given up: to the poison queue, where an operator can read it.</summary>
    Task OpgegevenAsync(Aflevering aflevering, CancellationToken ct);
}

/// <summary>What the API sends to a callback: a GET to confirm intent, a signed POST to deliver.</summary>
public interface ICallbackKanaal
{
    /// <summary>Sends the challenge; true only if the callback answered 2xx with exactly the challenge as its body.</summary>
    Task<Callbackantwoord> BevestigAsync(Uri callback, string challenge, string onderwerp, CancellationToken ct);

    /// <summary>Delivers; the answer's status (0 when there was none: refused address, timeout, connection error).</summary>
    Task<Callbackantwoord> BezorgAsync(Uri callback, IReadOnlyDictionary<string, string> headers, string body, CancellationToken ct);
}

/// <summary>
/// The outcome of one call to a callback: the HTTP status (0 without an answer), why it failed, and whether the address
/// itself was refused (a name that resolves into an internal network) — then no connection was made.
/// </summary>
public sealed record Callbackantwoord(int Status, bool Gelukt, string? Fout = null, bool AdresGeweigerd = false);
