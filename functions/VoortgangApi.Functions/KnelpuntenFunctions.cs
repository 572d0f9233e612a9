using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Queries;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Identiteit;

namespace VoortgangApi.Functions;

public sealed record KnelpuntLijst(IReadOnlyList<KnelpuntDetail> Knelpunten);

/// <summary>Problems that sex workers experience, with the solution directions that address them.</summary>
public sealed class KnelpuntenFunctions(VoortgangQueries queries, VoortgangSchrijver schrijver)
{
    [Function("getKnelpunten")]
    public async Task<IActionResult> GetKnelpunten(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/knelpunten")] HttpRequest req, CancellationToken ct) =>
        req.Ok(await queries.KnelpuntenAsync(req.Parameters(VoortgangQueries.KnelpuntParameters), ct), knelpunten => new KnelpuntLijst(knelpunten));

    [Function("getKnelpunt")]
    public async Task<IActionResult> GetKnelpunt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/knelpunten/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        req.Ok(await queries.KnelpuntAsync(id, req.Parameters(VoortgangQueries.LeesParameters), ct));

    [Function("putKnelpunt")]
    [VereistRol(Rollen.Vastleggen)]
    public async Task<IActionResult> PutKnelpunt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/knelpunten/{id}")] HttpRequest req, string id, CancellationToken ct)
    {
        var (body, fout) = await req.LeesJsonAsync(ct);
        return fout?.GeenCache() ?? req.Revisie(await schrijver.KnelpuntAsync(id, body!, req.Voorwaarden(), req.Vastlegger(), ct));
    }
}
