namespace VoortgangApi.LocalHost.Ontwikkelprovider;

/// <summary>A test user of the development login page, with the object id and app roles Entra ID would give.</summary>
public sealed record Testgebruiker(string Id, string Naam, string ObjectId, IReadOnlyList<string> Rollen);

/// <summary>A confidential client for the client-credentials flow (scripts, tests), as an app registration with roles.</summary>
public sealed record Testclient(string ClientId, string ObjectId, IReadOnlyList<string> Rollen);

/// <summary>
/// The identities the development provider knows: one user and one client per combination of the API's two app roles
/// (each, both, none). Invented names, marked as test users; object ids fixed so audit rows are recognisable.
/// </summary>
public static class Testidentiteiten
{
    public const string Vastleggen = "Voortgang.Vastleggen";
    public const string CycliBeheren = "Cycli.Beheren";

    /// <summary>The audience of the tokens (the API's app registration, as api:// URI).</summary>
    public const string Audience = "api://voortgang-api";

    /// <summary>The one secret of the development clients: loopback only, never a real secret.</summary>
    public const string ClientGeheim = "ontwikkelgeheim";

    /// <summary>The public client a browser signs in with (code + PKCE, no secret), any loopback redirect URI.</summary>
    public const string BrowserClient = "voortgang-beheer";

    private static readonly (string Soort, string[] Rollen)[] Soorten =
    [
        ("vastleggen", [Vastleggen]),
        ("beheren", [CycliBeheren]),
        ("alles", [Vastleggen, CycliBeheren]),
        ("geen", []),
    ];

    public static IReadOnlyList<Testgebruiker> Gebruikers { get; } =
    [
        new("vastleggen", "Testgebruiker Vastleggen", "00000000-0000-4000-8000-000000000001", [Vastleggen]),
        new("beheren", "Testgebruiker Cyclusbeheer", "00000000-0000-4000-8000-000000000002", [CycliBeheren]),
        new("alles", "Testgebruiker Beide rollen", "00000000-0000-4000-8000-000000000003", [Vastleggen, CycliBeheren]),
        new("geen", "Testgebruiker Zonder rol", "00000000-0000-4000-8000-000000000004", []),
    ];

    public static IReadOnlyList<Testclient> Clients { get; } =
        [.. Soorten.Select((s, i) => new Testclient($"voortgang-{s.Soort}", $"00000000-0000-4000-9000-00000000000{i + 1}", s.Rollen))];
}
