namespace VoortgangApi.LocalHost.Ontwikkelprovider;

/// <summary>A test user of the development login page, with the object id and app roles Entra ID would give.</summary>
public sealed record Testgebruiker(string Id, string Naam, string ObjectId, IReadOnlyList<string> Rollen);

/// <summary>A confidential client for the client-credentials flow (scripts, tests), as an app registration with roles.</summary>
public sealed record Testclient(string ClientId, string ObjectId, IReadOnlyList<string> Rollen);

/// <summary>
/// The identities the development provider knows: one user and one client per combination of the two app roles a
/// programme grants (each, both, none), and one that manages programmes. Invented names, marked as test users; object ids fixed so audit rows are recognisable.
/// </summary>
public static class Testidentiteiten
{
    public const string Vastleggen = "Voortgang.Vastleggen";
    public const string CycliBeheren = "Cycli.Beheren";
    public const string ProgrammasBeheren = "Programmas.Beheren";

    /// <summary>The audience of the tokens (the API's app registration, as api:// URI).</summary>
    public const string Audience = "api://voortgang-api";

    /// <summary>The one secret of the development clients: loopback only, never a real secret.</summary>
    public const string ClientGeheim = "ontwikkelgeheim";

    /// <summary>The public client a browser signs in with (code + PKCE, no secret), any loopback redirect URI.</summary>
    public const string BrowserClient = "voortgang-beheer";

    // The four combinations of the two roles a programme grants, and the role that manages programmes; each with a user
    // (oid …-8000-…) and a client (oid …-9000-…).
    private static readonly (string Soort, string Naam, string[] Rollen)[] Soorten =
    [
        ("vastleggen", "Testgebruiker Vastleggen", [Vastleggen]),
        ("beheren", "Testgebruiker Cyclusbeheer", [CycliBeheren]),
        ("alles", "Testgebruiker Beide rollen", [Vastleggen, CycliBeheren]),
        ("geen", "Testgebruiker Zonder rol", []),
        ("programmas", "Testgebruiker Programmabeheer", [ProgrammasBeheren]),
    ];

    public static IReadOnlyList<Testgebruiker> Gebruikers { get; } =
        [.. Soorten.Select((s, i) => new Testgebruiker(s.Soort, s.Naam, $"00000000-0000-4000-8000-00000000000{i + 1}", s.Rollen))];

    public static IReadOnlyList<Testclient> Clients { get; } =
        [.. Soorten.Select((s, i) => new Testclient($"voortgang-{s.Soort}", $"00000000-0000-4000-9000-00000000000{i + 1}", s.Rollen))];
}
