using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Queries;
using VoortgangApi.Functions.Http;

namespace VoortgangApi.Functions;

/// <summary>The change feed: every status entry and revision in recording order, with a cursor to sync incrementally.</summary>
public sealed class WijzigingenFunctions(HistorieQueries historie)
{
    [Function("getWijzigingen")]
    public async Task<IActionResult> GetWijzigingen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/wijzigingen")] HttpRequest req, CancellationToken ct) =>
        req.Wijzigingen(await historie.WijzigingenAsync(req.Parameters(HistorieQueries.WijzigingenParameters), ct));
}
