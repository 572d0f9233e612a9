namespace VoortgangApi.Core.Volgen;

/// <summary>
/// A webhook subscription: where to deliver (the callback, the only thing kept about the subscriber), what to deliver
/// (themes, items and event types; empty = all), the secret that signs every delivery, and its state.
/// <see cref="VanafVolgnummer"/> is the log position at subscription: only later lines are delivered.
/// </summary>
public sealed record Abonnement(
    string Id, string ProgrammaId, string Callback, IReadOnlyList<string> Themas, IReadOnlyList<string> Items, IReadOnlyList<string> Soorten,
    string Geheim, string Toestand, long VanafVolgnummer, DateTimeOffset AangemaaktOp, int Mislukt = 0, string? Reden = null, string? ETag = null)
{
    /// <summary>Whether a line of this item (in this theme) and of this kind is for this subscription.</summary>
    public bool Wil(string soort, string? themaId, string? itemId) =>
        (Soorten.Count == 0 || Soorten.Contains(soort, StringComparer.Ordinal))
        && (Themas.Count == 0 && Items.Count == 0
            || themaId is not null && Themas.Contains(themaId, StringComparer.Ordinal)
            || itemId is not null && Items.Contains(itemId, StringComparer.Ordinal)
            || itemId is null && soort == Webhooksoorten.Kamerbrief);
}

/// <summary>The states of a subscription.</summary>
public static class Abonnementstoestanden
{
    /// <summary>Confirmed by the callback; deliveries go out.</summary>
    public const string Actief = "actief";

    /// <summary>A delivery failed for the whole retry window: nothing more is sent until the subscriber subscribes again.</summary>
    public const string Gepauzeerd = "gepauzeerd";
}

/// <summary>The event types (the <c>type</c> of a Standard Webhooks payload).</summary>
public static class Webhooksoorten
{
    public const string Status = "status.vastgelegd";
    public const string Correctie = "status.gecorrigeerd";
    public const string Tekst = "tekst.herzien";
    public const string Kamerbrief = "kamerbrief.vastgesteld";

    public static readonly IReadOnlyList<string> Alle = [Status, Correctie, Tekst, Kamerbrief];
}

/// <summary>What a subscriber sends: the callback, and optionally themes, items and event types to narrow it.</summary>
public sealed record AbonnementInvoer(string? Callback, IReadOnlyList<string>? Themas, IReadOnlyList<string>? Items, IReadOnlyList<string>? Soorten);

/// <summary>A subscription as its subscriber reads it (never the secret, except once in <see cref="NieuwAbonnement"/>).</summary>
public sealed record AbonnementWeergave(
    string Id, string Programma, string Callback, IReadOnlyList<string> Themas, IReadOnlyList<string> Items, IReadOnlyList<string> Soorten,
    string Toestand, string? Reden, DateTimeOffset AangemaaktOp)
{
    public static AbonnementWeergave Van(Abonnement a) =>
        new(a.Id, a.ProgrammaId, a.Callback, a.Themas, a.Items, a.Soorten, a.Toestand, a.Reden, a.AangemaaktOp);
}

/// <summary>The answer to a subscription: the subscription and its secret, returned this once.</summary>
public sealed record NieuwAbonnement(AbonnementWeergave Abonnement, string Geheim);

/// <summary>Limits and timings of the webhooks (configuration section Webhooks).</summary>
public sealed class WebhookOptions
{
    public const string Sectie = "Webhooks";

    /// <summary>
    /// The app setting that names the delivery queue (default "webhooks"): the queue trigger reads it as %WEBHOOKS_QUEUE%.
    /// Its poison queue is <c>{name}-poison</c>, as the Functions host names it.
    /// </summary>
    public const string WachtrijInstelling = "WEBHOOKS_QUEUE";

    public const string StandaardWachtrij = "webhooks";

    /// <summary>Only for local runs and tests: callbacks on loopback and over http. Never set in Azure.</summary>
    public bool LoopbackToegestaan { get; set; }

    public int MaxPerCallbackHost { get; set; } = 5;
    public int MaxTotaal { get; set; } = 1000;

    /// <summary>Subscription attempts per caller per minute (counted in memory only; nothing about the caller is stored).</summary>
    public int PogingenPerMinuut { get; set; } = 10;

    /// <summary>
    /// The pause before each retry, in seconds (comma-separated): growing, together a little over 24 hours (5 s, 5 min, 30 min, 2 h, 5 h,
    /// 10 h, 10 h); after the last the message goes to the poison queue and the subscription is paused.
    /// </summary>
    public string PauzesSeconden { get; set; } = "5,300,1800,7200,18000,36000,36000";

    public IReadOnlyList<double> Pauzes =>
        [.. PauzesSeconden.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture))];

    public double TimeoutSeconden { get; set; } = 10;

    /// <summary>How often the log is checked for lines not yet queued (commits of other instances, a crash before queueing).</summary>
    public double RondeSeconden { get; set; } = 30;
}
