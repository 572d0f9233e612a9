using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Identiteit;
using VoortgangApi.Functions.Programmas;

namespace VoortgangApi.Functions;

public sealed record CyclusLijst(IReadOnlyList<Rapportagecyclus> Rapportagecycli);

/// <summary>Reporting cycles of a programme: read and compare (public), plan and snapshot (role Cycli.Beheren).</summary>
public sealed class RapportagecycliFunctions(Programmakeuze programmas, Programmaoverzicht overzicht)
{
    private const string Lijst = "rapportagecycli";
    private const string Een = "rapportagecycli/{cyclusId}";

    [Function("getRapportagecycli")]
    public Task<IActionResult> GetRapportagecycli(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/" + Lijst)] HttpRequest req, CancellationToken ct) => Cycli(req, null, ct);

    [Function("getProgrammaRapportagecycli")]
    public Task<IActionResult> GetProgrammaRapportagecycli(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + Lijst)] HttpRequest req, string programmaId, CancellationToken ct) =>
        Cycli(req, programmaId, ct);

    [Function("getRapportagecyclus")]
    public Task<IActionResult> GetRapportagecyclus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/" + Een)] HttpRequest req, string cyclusId, CancellationToken ct) =>
        Cyclus(req, null, cyclusId, ct);

    [Function("getProgrammaRapportagecyclus")]
    public Task<IActionResult> GetProgrammaRapportagecyclus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + Een)] HttpRequest req, string programmaId, string cyclusId, CancellationToken ct) =>
        Cyclus(req, programmaId, cyclusId, ct);

    [Function("getVerschillen")]
    public Task<IActionResult> GetVerschillen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/" + Een + "/verschillen")] HttpRequest req, string cyclusId, CancellationToken ct) =>
        Verschillen(req, null, cyclusId, ct);

    [Function("getProgrammaVerschillen")]
    public Task<IActionResult> GetProgrammaVerschillen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + Een + "/verschillen")] HttpRequest req,
        string programmaId, string cyclusId, CancellationToken ct) =>
        Verschillen(req, programmaId, cyclusId, ct);

    [Function("getConcept")]
    [VereistRol(Rollen.CycliBeheren)]
    public Task<IActionResult> GetConcept(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/" + Een + "/concept")] HttpRequest req, string cyclusId, CancellationToken ct) =>
        Concept(req, null, cyclusId, ct);

    [Function("getProgrammaConcept")]
    [VereistRol(Rollen.CycliBeheren)]
    public Task<IActionResult> GetProgrammaConcept(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + Een + "/concept")] HttpRequest req,
        string programmaId, string cyclusId, CancellationToken ct) =>
        Concept(req, programmaId, cyclusId, ct);

    [Function("putRapportagecyclus")]
    [VereistRol(Rollen.CycliBeheren)]
    public Task<IActionResult> PutRapportagecyclus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/" + Een)] HttpRequest req, string cyclusId, CancellationToken ct) =>
        Plan(req, null, cyclusId, ct);

    [Function("putProgrammaRapportagecyclus")]
    [VereistRol(Rollen.CycliBeheren)]
    public Task<IActionResult> PutProgrammaRapportagecyclus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Programmaroute.Pad + Een)] HttpRequest req, string programmaId, string cyclusId, CancellationToken ct) =>
        Plan(req, programmaId, cyclusId, ct);

    [Function("deleteRapportagecyclus")]
    [VereistRol(Rollen.CycliBeheren)]
    public Task<IActionResult> DeleteRapportagecyclus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/" + Een)] HttpRequest req, string cyclusId, CancellationToken ct) =>
        Annuleer(req, null, cyclusId, ct);

    [Function("deleteProgrammaRapportagecyclus")]
    [VereistRol(Rollen.CycliBeheren)]
    public Task<IActionResult> DeleteProgrammaRapportagecyclus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Programmaroute.Pad + Een)] HttpRequest req, string programmaId, string cyclusId, CancellationToken ct) =>
        Annuleer(req, programmaId, cyclusId, ct);

    [Function("postMomentopname")]
    [VereistRol(Rollen.CycliBeheren)]
    public Task<IActionResult> PostMomentopname(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/" + Een + "/momentopname")] HttpRequest req, string cyclusId, CancellationToken ct) =>
        Neem(req, null, cyclusId, ct);

    [Function("postProgrammaMomentopname")]
    [VereistRol(Rollen.CycliBeheren)]
    public Task<IActionResult> PostProgrammaMomentopname(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Programmaroute.Pad + Een + "/momentopname")] HttpRequest req,
        string programmaId, string cyclusId, CancellationToken ct) =>
        Neem(req, programmaId, cyclusId, ct);

    [Function("postPublicatie")]
    [VereistRol(Rollen.CycliBeheren)]
    public Task<IActionResult> PostPublicatie(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/" + Een + "/publicatie")] HttpRequest req, string cyclusId, CancellationToken ct) =>
        Publiceer(req, null, cyclusId, ct);

    [Function("postProgrammaPublicatie")]
    [VereistRol(Rollen.CycliBeheren)]
    public Task<IActionResult> PostProgrammaPublicatie(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Programmaroute.Pad + Een + "/publicatie")] HttpRequest req,
        string programmaId, string cyclusId, CancellationToken ct) =>
        Publiceer(req, programmaId, cyclusId, ct);

    private Task<IActionResult> Cycli(HttpRequest req, string? programmaId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Ok(await p.Cycli.LijstAsync(req.Parameters([]), ct), cycli => new CyclusLijst(cycli)), ct);

    private Task<IActionResult> Cyclus(HttpRequest req, string? programmaId, string cyclusId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Ok(await p.Cycli.CyclusAsync(cyclusId, req.Parameters([]), ct)), ct);

    private Task<IActionResult> Verschillen(HttpRequest req, string? programmaId, string cyclusId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p =>
            req.Ok(await p.Cycli.VerschillenAsync(cyclusId, req.Parameters([RapportagecycliQueries.TenOpzichteVan]), ct), onveranderlijk: true), ct);

    private Task<IActionResult> Concept(HttpRequest req, string? programmaId, string cyclusId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Concept(await p.Cycli.ConceptAsync(cyclusId, req.Parameters([]), ct)), ct);

    private Task<IActionResult> Plan(HttpRequest req, string? programmaId, string cyclusId, CancellationToken ct) =>
        req.In(programmas, programmaId, p => req.MetJsonAsync(async body => req.Plan(await p.Planner.PlanAsync(cyclusId, body, req.Voorwaarden(), req.Vastlegger(), ct)), ct), ct);

    private Task<IActionResult> Annuleer(HttpRequest req, string? programmaId, string cyclusId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Geannuleerd(await p.Planner.AnnuleerAsync(cyclusId, req.Voorwaarden(), ct)), ct);

    private Task<IActionResult> Neem(HttpRequest req, string? programmaId, string cyclusId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Momentopname(await p.Momentopnamen.NeemAsync(cyclusId, req.Vastlegger(), ct)), ct);

    private Task<IActionResult> Publiceer(HttpRequest req, string? programmaId, string cyclusId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p =>
        {
            var publicatie = await p.Publicatie.PubliceerAsync(cyclusId, ct);
            if (publicatie.IsGelukt)
            {
                await overzicht.ProbeerAsync(ct); // the catalogue and index of all programmes follow the release
            }

            return req.Ok(publicatie).GeenCache();
        }, ct);
}
