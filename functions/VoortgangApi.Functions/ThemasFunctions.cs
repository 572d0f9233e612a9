using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Queries;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Identiteit;
using VoortgangApi.Functions.Programmas;

namespace VoortgangApi.Functions;

public sealed record ThemaLijst(IReadOnlyList<ThemaSamenvatting> Themas);

/// <summary>A programme's themes (the standard programme's five on the paths without a programme); a programme's own theme is written with Voortgang.Vastleggen.</summary>
public sealed class ThemasFunctions(Programmakeuze programmas)
{
    [Function("getThemas")]
    public Task<IActionResult> GetThemas(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/themas")] HttpRequest req, CancellationToken ct) =>
        Themas(req, null, ct);

    [Function("getProgrammaThemas")]
    public Task<IActionResult> GetProgrammaThemas(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + "themas")] HttpRequest req, string programmaId, CancellationToken ct) =>
        Themas(req, programmaId, ct);

    [Function("getThema")]
    public Task<IActionResult> GetThema(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/themas/{themaId}")] HttpRequest req, string themaId, CancellationToken ct) =>
        Thema(req, null, themaId, ct);

    [Function("getProgrammaThema")]
    public Task<IActionResult> GetProgrammaThema(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + "themas/{themaId}")] HttpRequest req,
        string programmaId, string themaId, CancellationToken ct) =>
        Thema(req, programmaId, themaId, ct);

    [Function("putProgrammaThema")]
    [VereistRol(Rollen.Vastleggen)]
    public Task<IActionResult> PutProgrammaThema(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Programmaroute.Pad + "themas/{themaId}")] HttpRequest req,
        string programmaId, string themaId, CancellationToken ct) =>
        req.In(programmas, programmaId, p => req.MetJsonAsync(async body => req.Revisie(await p.Schrijver.ThemaAsync(themaId, body, req.Voorwaarden(), req.Vastlegger(), ct)), ct), ct);

    private Task<IActionResult> Themas(HttpRequest req, string? programmaId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p =>
            req.Ok(await p.Queries.ThemasAsync(req.Parameters(VoortgangQueries.LeesParameters), ct), themas => new ThemaLijst(themas)), ct);

    private Task<IActionResult> Thema(HttpRequest req, string? programmaId, string themaId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Ok(await p.Queries.ThemaAsync(themaId, req.Parameters(VoortgangQueries.LeesParameters), ct)), ct);
}
