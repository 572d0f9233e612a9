using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Queries;

/// <summary>Chooses the data a read answers from: the current state, or a vastgesteld cycle's snapshot.</summary>
public sealed class VoortgangBron(IVoortgangStore huidig, ICyclusStore cycli)
{
    public const string CyclusParameter = "cyclus";

    /// <summary>Reads the <c>cyclus</c> parameter (if any) and returns the matching data set, or why it cannot.</summary>
    /// <remarks>Parameter errors are left in <paramref name="query"/>; the caller must check them.</remarks>
    public async Task<Resultaat<VoortgangData>> LeesAsync(Parameters query, CancellationToken ct)
    {
        // Other parameter errors do not stop the read: the caller validates the rest against the data and then
        // reports every problem at once. A malformed cycle id falls back to the current data for that purpose.
        var cyclusId = query.Tekst(CyclusParameter, 60);
        if (cyclusId is not null && !Ids.IsCyclusId(cyclusId))
        {
            query.Fout(CyclusParameter, "ongeldigFormaat", "een cyclus-id bestaat uit kleine letters, cijfers en koppeltekens, bijvoorbeeld najaar-2024.");
            cyclusId = null;
        }

        return cyclusId is null ? await huidig.LeesAsync(ct) : await MomentopnameAsync(cyclusId, ct);
    }

    /// <summary>The snapshot of a vastgesteld cycle; 404 when unknown, 409 while it is still gepland.</summary>
    public async Task<Resultaat<VoortgangData>> MomentopnameAsync(string cyclusId, CancellationToken ct)
    {
        var versie = Ids.IsCyclusId(cyclusId) ? await cycli.LeesAsync(cyclusId, ct) : null;
        if (versie is null)
        {
            return Probleem.NietGevonden($"Er is geen rapportagecyclus met id '{Parameters.Kort(cyclusId)}'.");
        }

        if (versie.RunId is null)
        {
            return Probleem.Conflict(
                $"Rapportagecyclus '{cyclusId}' is nog gepland (peildatum {versie.Cyclus.Peildatum:yyyy-MM-dd}); er is nog geen momentopname.");
        }

        return await cycli.LeesMomentopnameAsync(cyclusId, versie.RunId, ct);
    }
}
