namespace VoortgangApi.Core.Model;

/// <summary>The status vocabulary of FACTS.md §3; the wire values are the codes themselves.</summary>
public static class Statussen
{
    public const string Gepland = "gepland";
    public const string InUitvoering = "in_uitvoering";
    public const string Gerealiseerd = "gerealiseerd";
    public const string Doorlopend = "doorlopend";
    public const string Vertraagd = "vertraagd";
    public const string Gestopt = "gestopt";
    public const string Onbekend = "onbekend";

    /// <summary>All codes, in the order a reader expects them (from plan to end).</summary>
    public static readonly IReadOnlyList<string> Alle =
        [Gepland, InUitvoering, Gerealiseerd, Doorlopend, Vertraagd, Gestopt, Onbekend];
}

/// <summary>How certain a status is: confirmed by a source, inferred, or unknown.</summary>
public static class Zekerheden
{
    public static readonly IReadOnlyList<string> Alle = ["bevestigd", "afgeleid", "onbekend"];
}
