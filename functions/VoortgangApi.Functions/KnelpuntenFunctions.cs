using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Queries;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Identiteit;
using VoortgangApi.Functions.Programmas;

namespace VoortgangApi.Functions;

public sealed record KnelpuntLijst(IReadOnlyList<KnelpuntDetail> Knelpunten);

/// <summary>Problems that people experience, with the solution directions that address them.</summary>
public sealed class KnelpuntenFunctions(Programmakeuze programmas)
{
    [Function("getKnelpunten")]
    public Task<IActionResult> GetKnelpunten(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/knelpunten")] HttpRequest req, CancellationToken ct) =>
        Lijst(req, null, ct);

    [Function("getProgrammaKnelpunten")]
    public Task<IActionResult> GetProgrammaKnelpunten(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + "knelpunten")] HttpRequest req, string programmaId, CancellationToken ct) =>
        Lijst(req, programmaId, ct);

    [Function("getKnelpunt")]
    public Task<IActionResult> GetKnelpunt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/knelpunten/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        Lees(req, null, id, ct);

    [Function("getProgrammaKnelpunt")]
    public Task<IActionResult> GetProgrammaKnelpunt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + "knelpunten/{id}")] HttpRequest req, string programmaId, string id, CancellationToken ct) =>
        Lees(req, programmaId, id, ct);

    [Function("putKnelpunt")]
    [VereistRol(Rollen.Vastleggen)]
    public Task<IActionResult> PutKnelpunt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/knelpunten/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        Herzie(req, null, id, ct);

    [Function("putProgrammaKnelpunt")]
    [VereistRol(Rollen.Vastleggen)]
    public Task<IActionResult> PutProgrammaKnelpunt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Programmaroute.Pad + "knelpunten/{id}")] HttpRequest req, string programmaId, string id, CancellationToken ct) =>
        Herzie(req, programmaId, id, ct);

    private Task<IActionResult> Lijst(HttpRequest req, string? programmaId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p =>
            req.Ok(await p.Queries.KnelpuntenAsync(req.Parameters(VoortgangQueries.KnelpuntParameters), ct), knelpunten => new KnelpuntLijst(knelpunten)), ct);

    private Task<IActionResult> Lees(HttpRequest req, string? programmaId, string id, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Ok(await p.Queries.KnelpuntAsync(id, req.Parameters(VoortgangQueries.LeesParameters), ct)), ct);

    private Task<IActionResult> Herzie(HttpRequest req, string? programmaId, string id, CancellationToken ct) =>
        req.In(programmas, programmaId, p => req.MetJsonAsync(async body => req.Revisie(await p.Schrijver.KnelpuntAsync(id, body, req.Voorwaarden(), req.Vastlegger(), ct)), ct), ct);
}
