using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Queries;
using VoortgangApi.Functions.Http;

namespace VoortgangApi.Functions;

public sealed record ThemaLijst(IReadOnlyList<ThemaSamenvatting> Themas);

/// <summary>The five themes.</summary>
public sealed class ThemasFunctions(VoortgangQueries queries)
{
    [Function("getThemas")]
    public async Task<IActionResult> GetThemas(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/themas")] HttpRequest req, CancellationToken ct) =>
        req.Ok(await queries.ThemasAsync(req.Parameters(VoortgangQueries.LeesParameters), ct), themas => new ThemaLijst(themas));

    [Function("getThema")]
    public async Task<IActionResult> GetThema(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/themas/{themaId}")] HttpRequest req, string themaId, CancellationToken ct) =>
        req.Ok(await queries.ThemaAsync(themaId, req.Parameters(VoortgangQueries.LeesParameters), ct));
}
