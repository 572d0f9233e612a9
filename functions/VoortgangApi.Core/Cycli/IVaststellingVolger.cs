using VoortgangApi.Core.Model;

namespace VoortgangApi.Core.Cycli;

/// <summary>Wants to act right after a cycle became vastgesteld (e.g. publish its open data).</summary>
public interface IVaststellingVolger
{
    Task NaVaststellingAsync(Rapportagecyclus cyclus, CancellationToken ct);
}
