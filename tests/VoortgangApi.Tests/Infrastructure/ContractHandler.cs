using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VoortgangApi.Core.Validation;
using VoortgangApi.Functions.OpenApi;
using Xunit.Sdk;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>
/// Holds every response of the HTTP tests to the served OpenAPI document: the operation must document the status
/// code and the content type, and a JSON body must validate against the documented schema (NJsonSchema, on the
/// schemas/ file the component was made from). Answers outside any operation must be problem+json, unless they are
/// the Functions host's own, as the document's description lists them: a preflight (204), an unknown path or method
/// (404) and, where the operation documents it, a refused key (401) — all without body and without API-Version.
/// A violation fails the test that made the request.
/// </summary>
internal sealed class ContractHandler(HttpMessageHandler binnen, Func<Task<JsonObject>> document) : DelegatingHandler(binnen)
{
    private static readonly SchemaCatalogus Schemas = new(Repo.Pad("schemas"));
    private static readonly Dictionary<string, string> BestandPerComponent =
        SchemaComponenten.Namen(Repo.Pad("schemas")).ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        var fouten = await ControleerAsync(request, response);
        if (fouten.Count > 0)
        {
            throw new XunitException($"Contract geschonden door {request.Method} {request.RequestUri}: {string.Join("; ", fouten)}");
        }

        return response;
    }

    // The host's own answers: documented in the description (preflight, 404) or per operation as a response without content (401).
    private static bool IsVanDeHost(HttpRequestMessage request, HttpResponseMessage response, string body, JsonObject? operatie) =>
        body.Length == 0 && (int)response.StatusCode switch
        {
            204 => request.Method == HttpMethod.Options && request.Headers.Contains("Access-Control-Request-Method"),
            404 => operatie is null,
            401 => operatie?["responses"]?["401"] is JsonObject documentatie && documentatie["content"] is null,
            _ => false,
        };

    private async Task<List<string>> ControleerAsync(HttpRequestMessage request, HttpResponseMessage response)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var body = await response.Content.ReadAsStringAsync();
        var fouten = new List<string>();
        var operatie = await ZoekOperatieAsync(request);
        if (!response.Headers.Contains("API-Version"))
        {
            if (!IsVanDeHost(request, response, body, operatie))
            {
                fouten.Add("header API-Version ontbreekt");
            }

            return fouten;
        }

        // OPTIONS (CORS preflight) is infrastructure answered by the middleware, not an operation.
        if (request.Method == HttpMethod.Options)
        {
            return fouten;
        }

        if (operatie is null)
        {
            if (mediaType != "application/problem+json")
            {
                fouten.Add($"geen gedocumenteerde operatie, en {status} is geen problem+json");
            }
            else
            {
                fouten.AddRange((await Schemas.ValideerAsync("problem.schema.json", body)).Select(f => $"{f.Naam}: {f.Reden}"));
            }

            return fouten;
        }

        if (operatie["responses"]?[status] is not JsonObject antwoord)
        {
            fouten.Add($"status {status} is niet gedocumenteerd");
            return fouten;
        }

        if (antwoord["content"] is null && body.Length == 0)
        {
            return fouten; // 304: documented without content
        }

        if (antwoord["content"]?[mediaType ?? ""] is not JsonObject inhoud)
        {
            fouten.Add($"content-type {mediaType} is niet gedocumenteerd voor {status}");
            return fouten;
        }

        if (inhoud["schema"]?["$ref"] is JsonValue verwijzing)
        {
            var component = verwijzing.ToString().Split('/')[^1];
            fouten.AddRange((await Schemas.ValideerAsync(BestandPerComponent[component], body)).Select(f => $"{f.Naam}: {f.Code} ({f.Reden})"));
        }

        return fouten;
    }

    private async Task<JsonObject?> ZoekOperatieAsync(HttpRequestMessage request)
    {
        var doc = await document();
        var pad = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString.Split('?')[0];
        if (!pad.StartsWith("/api/v1/", StringComparison.Ordinal))
        {
            return null;
        }

        var relatief = pad["/api/v1".Length..];
        foreach (var (sjabloon, item) in doc["paths"]!.AsObject())
        {
            var patroon = "^" + Regex.Replace(Regex.Escape(sjabloon), @"\\\{[^}]+}", "[^/]+") + "$";
            if (Regex.IsMatch(relatief, patroon) && item![request.Method.Method.ToLowerInvariant()] is JsonObject operatie)
            {
                return operatie;
            }
        }

        return null;
    }
}
