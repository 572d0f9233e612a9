using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Seed;

/// <summary>
/// A validated seed: the history it makes (lines not yet numbered, in import order), and the folds of that history
/// as an import into an empty log gives them: the current state and the state as of each cycle.
/// </summary>
public sealed record SeedSet(
    VoortgangData Huidig,
    IReadOnlyList<SeedCyclusStand> Cycli,
    IReadOnlyList<Historie.Logregel> Regels);

/// <summary>A historical cycle with the progress state as it was reported in its letter.</summary>
public sealed record SeedCyclusStand(string Id, string Titel, DateOnly Peildatum, Kamerbrief Kamerbrief, VoortgangData Stand);

/// <summary>A seed file that breaks the schema or refers to something that does not exist.</summary>
public sealed class SeedValidatieException(string bestand, IReadOnlyList<string> fouten)
    : Exception($"Seed-bestand {bestand} is ongeldig; er is niets geïmporteerd:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", fouten))
{
    public string Bestand { get; } = bestand;
    public IReadOnlyList<string> Fouten { get; } = fouten;
}
