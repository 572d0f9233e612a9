using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Queries;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Identiteit;
using VoortgangApi.Functions.Programmas;

namespace VoortgangApi.Functions;

public sealed record PartijLijst(IReadOnlyList<Partij> Partijen);

/// <summary>Organisations involved in a programme (never people).</summary>
public sealed class PartijenFunctions(Programmakeuze programmas)
{
    [Function("getPartijen")]
    public Task<IActionResult> GetPartijen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/partijen")] HttpRequest req, CancellationToken ct) =>
        Lijst(req, null, ct);

    [Function("getProgrammaPartijen")]
    public Task<IActionResult> GetProgrammaPartijen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + "partijen")] HttpRequest req, string programmaId, CancellationToken ct) =>
        Lijst(req, programmaId, ct);

    [Function("getPartij")]
    public Task<IActionResult> GetPartij(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/partijen/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        Lees(req, null, id, ct);

    [Function("getProgrammaPartij")]
    public Task<IActionResult> GetProgrammaPartij(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + "partijen/{id}")] HttpRequest req, string programmaId, string id, CancellationToken ct) =>
        Lees(req, programmaId, id, ct);

    [Function("putPartij")]
    [VereistRol(Rollen.Vastleggen)]
    public Task<IActionResult> PutPartij(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/partijen/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        Herzie(req, null, id, ct);

    [Function("putProgrammaPartij")]
    [VereistRol(Rollen.Vastleggen)]
    public Task<IActionResult> PutProgrammaPartij(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Programmaroute.Pad + "partijen/{id}")] HttpRequest req, string programmaId, string id, CancellationToken ct) =>
        Herzie(req, programmaId, id, ct);

    private Task<IActionResult> Lijst(HttpRequest req, string? programmaId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p =>
            req.Ok(await p.Queries.PartijenAsync(req.Parameters(VoortgangQueries.PartijParameters), ct), partijen => new PartijLijst(partijen)), ct);

    private Task<IActionResult> Lees(HttpRequest req, string? programmaId, string id, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Ok(await p.Queries.PartijAsync(id, req.Parameters(VoortgangQueries.LeesParameters), ct)), ct);

    private Task<IActionResult> Herzie(HttpRequest req, string? programmaId, string id, CancellationToken ct) =>
        req.In(programmas, programmaId, p => req.MetJsonAsync(async body => req.Revisie(await p.Schrijver.PartijAsync(id, body, req.Voorwaarden(), req.Vastlegger(), ct)), ct), ct);
}
