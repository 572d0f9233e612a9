using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Invulblad;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Identiteit;
using VoortgangApi.Functions.Programmas;

namespace VoortgangApi.Functions;

/// <summary>The invulblad round trip for officials who work in Excel (role Voortgang.Vastleggen): download, dry run, apply — per programme.</summary>
public sealed class InvulbladFunctions(Programmakeuze programmas)
{
    [Function("getInvulblad")]
    [VereistRol(Rollen.Vastleggen)]
    public Task<IActionResult> GetInvulblad(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/invulblad")] HttpRequest req, CancellationToken ct) =>
        Download(req, null, ct);

    [Function("getProgrammaInvulblad")]
    [VereistRol(Rollen.Vastleggen)]
    public Task<IActionResult> GetProgrammaInvulblad(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + "invulblad")] HttpRequest req, string programmaId, CancellationToken ct) =>
        Download(req, programmaId, ct);

    [Function("postInvulblad")]
    [VereistRol(Rollen.Vastleggen)]
    public Task<IActionResult> PostInvulblad(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/invulblad")] HttpRequest req, CancellationToken ct) =>
        Upload(req, null, ct);

    [Function("postProgrammaInvulblad")]
    [VereistRol(Rollen.Vastleggen)]
    public Task<IActionResult> PostProgrammaInvulblad(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Programmaroute.Pad + "invulblad")] HttpRequest req, string programmaId, CancellationToken ct) =>
        Upload(req, programmaId, ct);

    private Task<IActionResult> Download(HttpRequest req, string? programmaId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Werkmap(req.Parameters([]), await p.Invulblad.DownloadAsync(ct)), ct);

    private Task<IActionResult> Upload(HttpRequest req, string? programmaId, CancellationToken ct) =>
        req.In(programmas, programmaId, async p =>
        {
            var (bestand, fout) = await req.LeesBestandAsync(InvulbladService.Mediatype, Invulbladregels.MaxBytes, ct);
            return fout ?? req.Invulblad(await p.Invulblad.VerwerkAsync(bestand!, req.Parameters(InvulbladService.UploadParameters), req.Vastlegger(), ct));
        }, ct);
}
