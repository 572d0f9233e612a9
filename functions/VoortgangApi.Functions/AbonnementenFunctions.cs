using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Programmas;

namespace VoortgangApi.Functions;

/// <summary>Webhook subscriptions: public, guarded by verification of intent; read and ended with the subscription's secret.</summary>
public sealed class AbonnementenFunctions(Programmakeuze programmas)
{
    private const string Een = "abonnementen/{abonnementId}";

    [Function("postAbonnement")]
    public Task<IActionResult> PostAbonnement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/abonnementen")] HttpRequest req, CancellationToken ct) =>
        Neem(req, null, ct);

    [Function("postProgrammaAbonnement")]
    public Task<IActionResult> PostProgrammaAbonnement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Programmaroute.Pad + "abonnementen")] HttpRequest req, string programmaId, CancellationToken ct) =>
        Neem(req, programmaId, ct);

    [Function("getAbonnement")]
    public Task<IActionResult> GetAbonnement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/" + Een)] HttpRequest req, string abonnementId, CancellationToken ct) =>
        Lees(req, null, abonnementId, ct);

    [Function("getProgrammaAbonnement")]
    public Task<IActionResult> GetProgrammaAbonnement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + Een)] HttpRequest req,
        string programmaId, string abonnementId, CancellationToken ct) =>
        Lees(req, programmaId, abonnementId, ct);

    [Function("deleteAbonnement")]
    public Task<IActionResult> DeleteAbonnement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/" + Een)] HttpRequest req, string abonnementId, CancellationToken ct) =>
        ZegOp(req, null, abonnementId, ct);

    [Function("deleteProgrammaAbonnement")]
    public Task<IActionResult> DeleteProgrammaAbonnement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Programmaroute.Pad + Een)] HttpRequest req,
        string programmaId, string abonnementId, CancellationToken ct) =>
        ZegOp(req, programmaId, abonnementId, ct);

    private Task<IActionResult> Neem(HttpRequest req, string? programmaId, CancellationToken ct) =>
        req.In(programmas, programmaId, p => req.MetJsonAsync(async body => req.Abonnement(await p.Abonnementen.NeemAsync(body, req.Beller(), ct)), ct), ct);

    private Task<IActionResult> Lees(HttpRequest req, string? programmaId, string id, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Prive(await p.Abonnementen.LeesAsync(id, req.WebhookGeheim(), req.Parameters([]), ct)), ct);

    private Task<IActionResult> ZegOp(HttpRequest req, string? programmaId, string id, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Opgezegd(await p.Abonnementen.ZegOpAsync(id, req.WebhookGeheim(), ct)), ct);
}
