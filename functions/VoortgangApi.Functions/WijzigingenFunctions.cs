using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Queries;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Programmas;

namespace VoortgangApi.Functions;

/// <summary>The change feed: every status entry and revision of a programme in recording order, with a cursor to sync incrementally.</summary>
public sealed class WijzigingenFunctions(Programmakeuze programmas)
{
    [Function("getWijzigingen")]
    public Task<IActionResult> GetWijzigingen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/wijzigingen")] HttpRequest req, CancellationToken ct) =>
        Wijzigingen(req, null, ct);

    [Function("getProgrammaWijzigingen")]
    public Task<IActionResult> GetProgrammaWijzigingen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + "wijzigingen")] HttpRequest req, string programmaId, CancellationToken ct) =>
        Wijzigingen(req, programmaId, ct);

    private Task<IActionResult> Wijzigingen(HttpRequest req, string? programmaId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Wijzigingen(await p.Historie.WijzigingenAsync(req.Parameters(HistorieQueries.WijzigingenParameters), ct)), ct);
}
