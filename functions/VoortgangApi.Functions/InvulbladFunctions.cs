using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Invulblad;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Identiteit;

namespace VoortgangApi.Functions;

/// <summary>The invulblad round trip for officials who work in Excel (role Voortgang.Vastleggen): download, dry run, apply.</summary>
public sealed class InvulbladFunctions(InvulbladService invulblad)
{
    [Function("getInvulblad")]
    [VereistRol(Rollen.Vastleggen)]
    public async Task<IActionResult> GetInvulblad(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/invulblad")] HttpRequest req, CancellationToken ct) =>
        req.Werkmap(req.Parameters([]), await invulblad.DownloadAsync(ct));

    [Function("postInvulblad")]
    [VereistRol(Rollen.Vastleggen)]
    public async Task<IActionResult> PostInvulblad(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/invulblad")] HttpRequest req, CancellationToken ct)
    {
        var (bestand, fout) = await req.LeesBestandAsync(InvulbladService.Mediatype, Invulbladregels.MaxBytes, ct);
        return fout ?? req.Invulblad(await invulblad.VerwerkAsync(bestand!, req.Parameters(InvulbladService.UploadParameters), req.Vastlegger(), ct));
    }
}
