using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Programmas;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Identiteit;

namespace VoortgangApi.Functions;

/// <summary>The ministry's programmes: listed and described (public), created and edited with their officials (role Programmas.Beheren).</summary>
public sealed class ProgrammasFunctions(Programmabeheer programmas)
{
    [Function("getProgrammas")]
    public async Task<IActionResult> GetProgrammas(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/programmas")] HttpRequest req, CancellationToken ct) =>
        req.Pagina(await programmas.LijstAsync(req.Parameters(Programmabeheer.LijstParameters), ct), "programmas");

    [Function("getProgramma")]
    public async Task<IActionResult> GetProgramma(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/programmas/{programmaId}")] HttpRequest req, string programmaId, CancellationToken ct) =>
        req.Ok(await programmas.ProgrammaAsync(programmaId, req.Parameters([]), ct));

    [Function("putProgramma")]
    [VereistRol(Rollen.ProgrammasBeheren)]
    public Task<IActionResult> PutProgramma(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/programmas/{programmaId}")] HttpRequest req, string programmaId, CancellationToken ct) =>
        req.MetJsonAsync(async body => req.Programma(await programmas.BewaarAsync(programmaId, body, req.Voorwaarden(), req.Vastlegger(), ct)), ct);

    [Function("getProgrammaToegang")]
    [VereistRol(Rollen.ProgrammasBeheren)]
    public async Task<IActionResult> GetProgrammaToegang(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/programmas/{programmaId}/toegang")] HttpRequest req, string programmaId, CancellationToken ct) =>
        req.Toegang(await programmas.ToegangAsync(programmaId, ct));

    [Function("putProgrammaToegang")]
    [VereistRol(Rollen.ProgrammasBeheren)]
    public Task<IActionResult> PutProgrammaToegang(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/programmas/{programmaId}/toegang")] HttpRequest req, string programmaId, CancellationToken ct) =>
        req.MetJsonAsync(async body => req.Toegang(await programmas.BewaarToegangAsync(programmaId, body, req.Voorwaarden(), req.Vastlegger(), ct)), ct);
}
