using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using VoortgangApi.OpenData;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Identiteit;

namespace VoortgangApi.Functions;

/// <summary>Open-data publication: on demand (role Cycli.Beheren) and by the timer for cycles not yet published.</summary>
public sealed class PublicatieFunctions(PublicatieService publicatie, ILogger<PublicatieFunctions> logger)
{
    [Function("postPublicatie")]
    [VereistRol(Rollen.CycliBeheren)]
    public async Task<IActionResult> PostPublicatie(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/rapportagecycli/{cyclusId}/publicatie")] HttpRequest req, string cyclusId, CancellationToken ct) =>
        req.Ok(await publicatie.PubliceerAsync(cyclusId, ct)).GeenCache();

    [Function("publiceerOpenData")]
    public async Task PubliceerOpenData([TimerTrigger("%SNAPSHOT_SCHEDULE%")] TimerInfo timer, CancellationToken ct)
    {
        var gepubliceerd = await publicatie.PubliceerOntbrekendAsync(ct);
        logger.LogInformation("Timer (te laat: {TeLaat}): {Aantal} cycli gepubliceerd", timer.IsPastDue, gepubliceerd.Count);
    }
}
