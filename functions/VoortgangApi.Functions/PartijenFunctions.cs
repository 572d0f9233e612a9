using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.Queries;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Identiteit;

namespace VoortgangApi.Functions;

public sealed record PartijLijst(IReadOnlyList<Partij> Partijen);

/// <summary>Organisations involved in the programme (never people).</summary>
public sealed class PartijenFunctions(VoortgangQueries queries, VoortgangSchrijver schrijver)
{
    [Function("getPartijen")]
    public async Task<IActionResult> GetPartijen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/partijen")] HttpRequest req, CancellationToken ct) =>
        req.Ok(await queries.PartijenAsync(req.Parameters(VoortgangQueries.PartijParameters), ct), partijen => new PartijLijst(partijen));

    [Function("getPartij")]
    public async Task<IActionResult> GetPartij(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/partijen/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        req.Ok(await queries.PartijAsync(id, req.Parameters(VoortgangQueries.LeesParameters), ct));

    [Function("putPartij")]
    [VereistRol(Rollen.Vastleggen)]
    public async Task<IActionResult> PutPartij(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/partijen/{id}")] HttpRequest req, string id, CancellationToken ct)
    {
        var (body, fout) = await req.LeesJsonAsync(ct);
        return fout?.GeenCache() ?? req.Revisie(await schrijver.PartijAsync(id, body!, req.Voorwaarden(), req.Vastlegger(), ct));
    }
}
