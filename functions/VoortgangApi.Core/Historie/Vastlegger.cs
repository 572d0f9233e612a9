using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Historie;

/// <summary>
/// Who records a write, as the validated access token names them: the directory object id (<c>oid</c>, stable over
/// renames) and the display name at the time. Internal audit data: personal data, stored apart from the public line
/// and never part of a response, a published file or a log line at Information.
/// </summary>
[Persoonsgegeven]
public sealed record Vastlegger(string ObjectId, string Naam)
{
    /// <summary>The seed import: no person; the seed file and its commit are the record.</summary>
    public static Vastlegger Seed { get; } = new("seed", "seedimport");

    /// <summary>The snapshot timer: it freezes a cycle whose peildatum has passed; no person acted.</summary>
    public static Vastlegger Timer { get; } = new("timer", "momentopnametimer");
}
