namespace VoortgangApi.Core.Model;

/// <summary>
/// Marks personal data of officials (nota §5: not public, to protect their privacy). A marked member must never
/// reach an API response, an open-data file or a log at Information level; tests enforce this for every member.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Class)]
public sealed class PersoonsgegevenAttribute : Attribute;

/// <summary>The civil servant who handles a letter to parliament: for internal follow-up only, never published.</summary>
[Persoonsgegeven]
public sealed record Behandelaar(string Naam, string? Email, string? Telefoon);
