using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.OpenApi;

namespace VoortgangApi.Functions;

/// <summary>The contract: OpenAPI 3.0 as JSON and YAML (public, any origin) and a readable reference page.</summary>
public sealed class OpenApiFunctions(OpenApiDocumenten documenten, Microsoft.Extensions.Options.IOptions<Identiteit.IdentiteitOptions> identiteit)
{
    [Function("getOpenApiJson")]
    public async Task<IActionResult> GetOpenApiJson(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/openapi.json")] HttpRequest req) =>
        Openbaar(new TekstResult((await Uitvoer(req)).Json, "application/json"));

    [Function("getOpenApiYaml")]
    public async Task<IActionResult> GetOpenApiYaml(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/openapi.yaml")] HttpRequest req) =>
        Openbaar(new TekstResult((await Uitvoer(req)).Yaml, "application/yaml"));

    [Function("getDocumentatie")]
    public IActionResult GetDocumentatie(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/documentatie")] HttpRequest req) =>
        Openbaar(new TekstResult(Referentie.Pagina, "text/html").MetBeleid("text/html", identiteit.Value));

    [Function("getDocumentatieBestand")]
    public IActionResult GetDocumentatieBestand(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/documentatie/{bestand}")] HttpRequest req, string bestand) =>
        Referentie.Lees(bestand) is { } tekst
            ? Openbaar(new TekstResult(tekst, Referentie.Bestanden.Typen[bestand]).MetBeleid(Referentie.Bestanden.Typen[bestand], identiteit.Value))
            : Referentie.Onbekend(bestand, req);

    private Task<OpenApiUitvoer> Uitvoer(HttpRequest req) => documenten.VoorAsync(documenten.ServerUrl(req.Scheme, req.Host.Value ?? "localhost"));

    // ADR /core/publish-openapi: the document is readable from any origin, without a key.
    private static TekstResult Openbaar(TekstResult result)
    {
        result.Headers["Access-Control-Allow-Origin"] = "*";
        result.Headers["Cache-Control"] = "public, max-age=300";
        return result;
    }
}
