using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Programmas;

namespace VoortgangApi.Functions;

/// <summary>The public website's one call: current status per theme and what changed since the last letter.</summary>
public sealed class OverzichtFunctions(Programmakeuze programmas)
{
    [Function("getOverzicht")]
    public Task<IActionResult> GetOverzicht(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/overzicht")] HttpRequest req, CancellationToken ct) =>
        Overzicht(req, null, ct);

    [Function("getProgrammaOverzicht")]
    public Task<IActionResult> GetProgrammaOverzicht(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + "overzicht")] HttpRequest req, string programmaId, CancellationToken ct) =>
        Overzicht(req, programmaId, ct);

    private Task<IActionResult> Overzicht(HttpRequest req, string? programmaId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Ok(await p.Overzicht.OverzichtAsync(req.Parameters([]), ct)), ct);
}
