namespace VoortgangApi.Functions.Identiteit;

/// <summary>
/// The app roles of the API's Entra ID app registration (the azd hook creates them; an administrator assigns them).
/// Recording progress and freezing a letter are separate duties, so they are separate roles.
/// </summary>
public static class Rollen
{
    /// <summary>Record statuses and revise the texts of items, knelpunten and parties.</summary>
    public const string Vastleggen = "Voortgang.Vastleggen";

    /// <summary>Plan, re-plan and cancel reporting cycles, take their snapshot and publish their open data.</summary>
    public const string CycliBeheren = "Cycli.Beheren";

    /// <summary>Create and edit programmes and name, per programme, the officials who hold the other two roles there.</summary>
    public const string ProgrammasBeheren = "Programmas.Beheren";

    public static IReadOnlyList<string> Alle { get; } = [Vastleggen, CycliBeheren, ProgrammasBeheren];

    /// <summary>The roles that a programme grants to its own officials (Programmas.Beheren is global).</summary>
    public static IReadOnlyList<string> PerProgramma { get; } = [Vastleggen, CycliBeheren];
}

/// <summary>
/// An HTTP function that only a caller with this app role may call: checked by the app (<see cref="Toegangscontrole"/>)
/// before the function runs, and documented per operation in the OpenAPI document. Functions without it are public.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class VereistRolAttribute(string rol) : Attribute
{
    public string Rol { get; } = rol;
}
