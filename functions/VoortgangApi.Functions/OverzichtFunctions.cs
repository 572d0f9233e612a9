using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Queries;
using VoortgangApi.Functions.Http;

namespace VoortgangApi.Functions;

/// <summary>The public website's one call: current status per theme and what changed since the last letter.</summary>
public sealed class OverzichtFunctions(OverzichtQueries queries)
{
    [Function("getOverzicht")]
    public async Task<IActionResult> GetOverzicht(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/overzicht")] HttpRequest req, CancellationToken ct) =>
        req.Ok(await queries.OverzichtAsync(req.Parameters([]), ct));
}
