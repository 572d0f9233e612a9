using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using VoortgangApi.Functions.Http;

namespace VoortgangApi.Functions.Programmas;

/// <summary>
/// The programme-scoped twin of every operation: the same operation under <c>/programmas/{programmaId}/</c>. A
/// function class declares each operation twice — once on the path of the standard programme (as before programmes),
/// once under this prefix — and both call one private method, so the two can never answer differently.
/// </summary>
public static class Programmaroute
{
    /// <summary>The route prefix of a programme's resources (a constant, so it can stand in the trigger attribute).</summary>
    public const string Pad = "v1/programmas/{programmaId}/";

    /// <summary>The route parameter that names the programme.</summary>
    public const string Parameter = "programmaId";

    /// <summary>Runs <paramref name="doe"/> with the services of the programme (null: the standard one); a problem when it does not exist.</summary>
    public static async Task<IActionResult> In(this HttpRequest req, Programmakeuze keuze, string? programmaId, Func<Programmadiensten, Task<IActionResult>> doe, CancellationToken ct)
    {
        var gekozen = await keuze.VoorAsync(programmaId, ct);
        return gekozen.IsGelukt ? await doe(gekozen.Waarde!) : Problems.Van(gekozen.Probleem!, req);
    }

    /// <summary>The base path of the resources the request addresses: /api/v1, or /api/v1/programmas/{programmaId}.</summary>
    public static string Basis(this HttpRequest req) =>
        req.RouteValues.TryGetValue(Parameter, out var id) && id is string programma ? $"{ApiInfo.BasisPad}/programmas/{programma}" : ApiInfo.BasisPad;
}
