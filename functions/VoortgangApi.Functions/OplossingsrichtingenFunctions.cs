using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Queries;
using VoortgangApi.Functions.Http;

namespace VoortgangApi.Functions;

/// <summary>Solution directions: filtered, searched and paged.</summary>
public sealed class OplossingsrichtingenFunctions(VoortgangQueries queries)
{
    [Function("getOplossingsrichtingen")]
    public async Task<IActionResult> GetOplossingsrichtingen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "v1/oplossingsrichtingen")] HttpRequest req, CancellationToken ct) =>
        req.Pagina(await queries.OplossingsrichtingenAsync(req.Parameters(VoortgangQueries.OplossingsrichtingParameters), ct), "oplossingsrichtingen");

    [Function("getOplossingsrichting")]
    public async Task<IActionResult> GetOplossingsrichting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "v1/oplossingsrichtingen/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        req.Ok(await queries.OplossingsrichtingAsync(id, req.Parameters(VoortgangQueries.LeesParameters), ct));
}
