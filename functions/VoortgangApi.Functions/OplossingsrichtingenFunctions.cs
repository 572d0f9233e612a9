using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Queries;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Identiteit;

namespace VoortgangApi.Functions;

/// <summary>Solution directions: filtered, searched and paged; their history; and recording their progress (role Voortgang.Vastleggen).</summary>
public sealed class OplossingsrichtingenFunctions(VoortgangQueries queries, HistorieQueries historie, VoortgangSchrijver schrijver)
{
    [Function("getOplossingsrichtingen")]
    public async Task<IActionResult> GetOplossingsrichtingen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/oplossingsrichtingen")] HttpRequest req, CancellationToken ct) =>
        req.Pagina(await queries.OplossingsrichtingenAsync(req.Parameters(VoortgangQueries.OplossingsrichtingParameters), ct), "oplossingsrichtingen");

    [Function("getOplossingsrichting")]
    public async Task<IActionResult> GetOplossingsrichting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/oplossingsrichtingen/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        req.Ok(await queries.OplossingsrichtingAsync(id, req.Parameters(VoortgangQueries.LeesParameters), ct));

    [Function("getHistorie")]
    public async Task<IActionResult> GetHistorie(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/oplossingsrichtingen/{id}/historie")] HttpRequest req, string id, CancellationToken ct) =>
        req.Ok(await historie.HistorieAsync(id, req.Parameters([]), ct));

    [Function("getStatusregel")]
    public async Task<IActionResult> GetStatusregel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/oplossingsrichtingen/{id}/statussen/{statusId}")] HttpRequest req,
        string id, string statusId, CancellationToken ct) =>
        req.Ok(await historie.StatusregelAsync(id, statusId, req.Parameters([]), ct), onveranderlijk: true);

    [Function("postStatus")]
    [VereistRol(Rollen.Vastleggen)]
    public async Task<IActionResult> PostStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/oplossingsrichtingen/{id}/statussen")] HttpRequest req, string id, CancellationToken ct)
    {
        var (body, fout) = await req.LeesJsonAsync(ct);
        return fout?.GeenCache() ?? req.Status(await schrijver.StatusAsync(id, body!, req.IdempotentieSleutel(), req.Vastlegger(), ct));
    }

    [Function("putOplossingsrichting")]
    [VereistRol(Rollen.Vastleggen)]
    public async Task<IActionResult> PutOplossingsrichting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/oplossingsrichtingen/{id}")] HttpRequest req, string id, CancellationToken ct)
    {
        var (body, fout) = await req.LeesJsonAsync(ct);
        return fout?.GeenCache() ?? req.Revisie(await schrijver.OplossingsrichtingAsync(id, body!, req.Voorwaarden(), req.Vastlegger(), ct));
    }
}
