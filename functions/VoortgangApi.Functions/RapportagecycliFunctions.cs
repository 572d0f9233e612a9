using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Identiteit;

namespace VoortgangApi.Functions;

public sealed record CyclusLijst(IReadOnlyList<Rapportagecyclus> Rapportagecycli);

/// <summary>Reporting cycles: read and compare (public), plan and snapshot (role Cycli.Beheren).</summary>
public sealed class RapportagecycliFunctions(RapportagecycliQueries queries, CyclusPlanner planner, MomentopnameService momentopnamen)
{
    [Function("getRapportagecycli")]
    public async Task<IActionResult> GetRapportagecycli(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/rapportagecycli")] HttpRequest req, CancellationToken ct) =>
        req.Ok(await queries.LijstAsync(req.Parameters([]), ct), cycli => new CyclusLijst(cycli));

    [Function("getRapportagecyclus")]
    public async Task<IActionResult> GetRapportagecyclus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/rapportagecycli/{cyclusId}")] HttpRequest req, string cyclusId, CancellationToken ct) =>
        req.Ok(await queries.CyclusAsync(cyclusId, req.Parameters([]), ct));

    [Function("getVerschillen")]
    public async Task<IActionResult> GetVerschillen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/rapportagecycli/{cyclusId}/verschillen")] HttpRequest req, string cyclusId, CancellationToken ct) =>
        req.Ok(await queries.VerschillenAsync(cyclusId, req.Parameters([RapportagecycliQueries.TenOpzichteVan]), ct), onveranderlijk: true);

    [Function("getConcept")]
    [VereistRol(Rollen.CycliBeheren)]
    public async Task<IActionResult> GetConcept(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/rapportagecycli/{cyclusId}/concept")] HttpRequest req, string cyclusId, CancellationToken ct) =>
        req.Concept(await queries.ConceptAsync(cyclusId, req.Parameters([]), ct));

    [Function("putRapportagecyclus")]
    [VereistRol(Rollen.CycliBeheren)]
    public async Task<IActionResult> PutRapportagecyclus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/rapportagecycli/{cyclusId}")] HttpRequest req, string cyclusId, CancellationToken ct)
    {
        var (body, fout) = await req.LeesJsonAsync(ct);
        return fout?.GeenCache() ?? req.Plan(await planner.PlanAsync(cyclusId, body!, req.Voorwaarden(), req.Vastlegger(), ct));
    }

    [Function("deleteRapportagecyclus")]
    [VereistRol(Rollen.CycliBeheren)]
    public async Task<IActionResult> DeleteRapportagecyclus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/rapportagecycli/{cyclusId}")] HttpRequest req, string cyclusId, CancellationToken ct) =>
        req.Geannuleerd(await planner.AnnuleerAsync(cyclusId, req.Voorwaarden(), ct));

    [Function("postMomentopname")]
    [VereistRol(Rollen.CycliBeheren)]
    public async Task<IActionResult> PostMomentopname(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/rapportagecycli/{cyclusId}/momentopname")] HttpRequest req, string cyclusId, CancellationToken ct) =>
        req.Momentopname(await momentopnamen.NeemAsync(cyclusId, req.Vastlegger(), ct));
}
