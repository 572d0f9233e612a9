using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Identiteit;
using VoortgangApi.Functions.OpenApi;

namespace VoortgangApi.Functions;

/// <summary>The beheer page and its files: public (what it does needs a token), never cached (it names the sign-in settings).</summary>
public sealed class BeheerpaginaFunctions(IOptions<IdentiteitOptions> identiteit, OpenApiDocumenten documenten)
{
    [Function("getBeheer")]
    public IActionResult GetBeheer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/beheer")] HttpRequest req) =>
        Vers(new TekstResult(Beheerpagina.Pagina(identiteit.Value, documenten.ServerUrl(req.Scheme, req.Host.Value ?? "localhost")), "text/html")
            .MetBeleid("text/html", identiteit.Value));

    [Function("getBeheerBestand")]
    public static IActionResult GetBeheerBestand(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/beheer/{bestand}")] HttpRequest req, string bestand) =>
        Beheerpagina.Bestanden.Lees(bestand) is { } tekst ? Vers(new TekstResult(tekst, Beheerpagina.Bestanden.Typen[bestand])) : Referentie.Onbekend(bestand, req);

    private static TekstResult Vers(TekstResult result)
    {
        result.Headers["Cache-Control"] = "no-cache";
        return result;
    }
}
