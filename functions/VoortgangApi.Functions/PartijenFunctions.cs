using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Queries;
using VoortgangApi.Functions.Http;

namespace VoortgangApi.Functions;

public sealed record PartijLijst(IReadOnlyList<Partij> Partijen);

/// <summary>Organisations involved in the programme (never people).</summary>
public sealed class PartijenFunctions(VoortgangQueries queries)
{
    [Function("getPartijen")]
    public async Task<IActionResult> GetPartijen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "v1/partijen")] HttpRequest req, CancellationToken ct) =>
        req.Ok(await queries.PartijenAsync(req.Parameters(VoortgangQueries.LeesParameters), ct), partijen => new PartijLijst(partijen));
}
