using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Queries;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Identiteit;
using VoortgangApi.Functions.Programmas;

namespace VoortgangApi.Functions;

/// <summary>Solution directions: filtered, searched and paged; their history; and recording their progress (role Voortgang.Vastleggen).</summary>
public sealed class OplossingsrichtingenFunctions(Programmakeuze programmas)
{
    private const string Lijst = "oplossingsrichtingen";
    private const string Een = "oplossingsrichtingen/{id}";

    [Function("getOplossingsrichtingen")]
    public Task<IActionResult> GetOplossingsrichtingen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/" + Lijst)] HttpRequest req, CancellationToken ct) =>
        Zoek(req, null, ct);

    [Function("getProgrammaOplossingsrichtingen")]
    public Task<IActionResult> GetProgrammaOplossingsrichtingen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + Lijst)] HttpRequest req, string programmaId, CancellationToken ct) =>
        Zoek(req, programmaId, ct);

    [Function("getOplossingsrichting")]
    public Task<IActionResult> GetOplossingsrichting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/" + Een)] HttpRequest req, string id, CancellationToken ct) =>
        Lees(req, null, id, ct);

    [Function("getProgrammaOplossingsrichting")]
    public Task<IActionResult> GetProgrammaOplossingsrichting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + Een)] HttpRequest req, string programmaId, string id, CancellationToken ct) =>
        Lees(req, programmaId, id, ct);

    [Function("getHistorie")]
    public Task<IActionResult> GetHistorie(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/" + Een + "/historie")] HttpRequest req, string id, CancellationToken ct) =>
        Historie(req, null, id, ct);

    [Function("getProgrammaHistorie")]
    public Task<IActionResult> GetProgrammaHistorie(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + Een + "/historie")] HttpRequest req, string programmaId, string id, CancellationToken ct) =>
        Historie(req, programmaId, id, ct);

    [Function("getStatusregel")]
    public Task<IActionResult> GetStatusregel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/" + Een + "/statussen/{statusId}")] HttpRequest req,
        string id, string statusId, CancellationToken ct) =>
        Statusregel(req, null, id, statusId, ct);

    [Function("getProgrammaStatusregel")]
    public Task<IActionResult> GetProgrammaStatusregel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + Een + "/statussen/{statusId}")] HttpRequest req,
        string programmaId, string id, string statusId, CancellationToken ct) =>
        Statusregel(req, programmaId, id, statusId, ct);

    [Function("postStatus")]
    [VereistRol(Rollen.Vastleggen)]
    public Task<IActionResult> PostStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/" + Een + "/statussen")] HttpRequest req, string id, CancellationToken ct) =>
        Status(req, null, id, ct);

    [Function("postProgrammaStatus")]
    [VereistRol(Rollen.Vastleggen)]
    public Task<IActionResult> PostProgrammaStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Programmaroute.Pad + Een + "/statussen")] HttpRequest req, string programmaId, string id, CancellationToken ct) =>
        Status(req, programmaId, id, ct);

    [Function("putOplossingsrichting")]
    [VereistRol(Rollen.Vastleggen)]
    public Task<IActionResult> PutOplossingsrichting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/" + Een)] HttpRequest req, string id, CancellationToken ct) =>
        Herzie(req, null, id, ct);

    [Function("putProgrammaOplossingsrichting")]
    [VereistRol(Rollen.Vastleggen)]
    public Task<IActionResult> PutProgrammaOplossingsrichting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Programmaroute.Pad + Een)] HttpRequest req, string programmaId, string id, CancellationToken ct) =>
        Herzie(req, programmaId, id, ct);

    private Task<IActionResult> Zoek(HttpRequest req, string? programmaId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p =>
            req.Pagina(await p.Queries.OplossingsrichtingenAsync(req.Parameters(VoortgangQueries.OplossingsrichtingParameters), ct), "oplossingsrichtingen"), ct);

    private Task<IActionResult> Lees(HttpRequest req, string? programmaId, string id, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Ok(await p.Queries.OplossingsrichtingAsync(id, req.Parameters(VoortgangQueries.LeesParameters), ct)), ct);

    private Task<IActionResult> Historie(HttpRequest req, string? programmaId, string id, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Ok(await p.Historie.HistorieAsync(id, req.Parameters([]), ct)), ct);

    private Task<IActionResult> Statusregel(HttpRequest req, string? programmaId, string id, string statusId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Ok(await p.Historie.StatusregelAsync(id, statusId, req.Parameters([]), ct), onveranderlijk: true), ct);

    private Task<IActionResult> Status(HttpRequest req, string? programmaId, string id, CancellationToken ct) =>
        req.In(programmas, programmaId, p => req.MetJsonAsync(async body => req.Status(await p.Schrijver.StatusAsync(id, body, req.IdempotentieSleutel(), req.Vastlegger(), ct)), ct), ct);

    private Task<IActionResult> Herzie(HttpRequest req, string? programmaId, string id, CancellationToken ct) =>
        req.In(programmas, programmaId, p => req.MetJsonAsync(async body => req.Revisie(await p.Schrijver.OplossingsrichtingAsync(id, body, req.Voorwaarden(), req.Vastlegger(), ct)), ct), ct);
}
