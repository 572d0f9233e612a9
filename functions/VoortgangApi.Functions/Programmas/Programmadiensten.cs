using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Invulblad;
using VoortgangApi.Core.Programmas;
using VoortgangApi.Core.Queries;
using VoortgangApi.Core.Volgen;
using VoortgangApi.OpenData;

namespace VoortgangApi.Functions.Programmas;

/// <summary>The services of one programme, built for its <see cref="Programmacontext"/> and kept for the life of the process.</summary>
public sealed record Programmadiensten(
    Programmacontext Context, VoortgangQueries Queries, HistorieQueries Historie, VoortgangSchrijver Schrijver, OverzichtQueries Overzicht,
    RapportagecycliQueries Cycli, CyclusPlanner Planner, MomentopnameService Momentopnamen, PublicatieService Publicatie, InvulbladService Invulblad,
    Feedqueries Feeds, Abonnementen Abonnementen, Uitzender Uitzender);

/// <summary>
/// Chooses the programme of a request: the one named in the path (400 for a malformed id, 404 for an unknown one), or —
/// for the paths without /programmas/{programmaId} — the standard programme, as before programmes existed.
/// </summary>
public sealed class Programmakeuze(Programmaregister register, Func<string, Programmadiensten> diensten)
{
    public string StandaardId => register.Standaard.Id;

    public async Task<Core.Resultaat<Programmadiensten>> VoorAsync(string? programmaId, CancellationToken ct)
    {
        if (programmaId is null)
        {
            return diensten(register.Standaard.Id);
        }

        var gevonden = await register.ZoekAsync(programmaId, ct);
        return gevonden.IsGelukt ? diensten(programmaId) : gevonden.Probleem!;
    }

    /// <summary>Every programme's services, the standard one first (the timer's walk).</summary>
    public async Task<IReadOnlyList<Programmadiensten>> AlleAsync(CancellationToken ct) =>
        [.. (await register.LijstAsync(ct)).Select(p => diensten(p.Programma.Id))];
}
