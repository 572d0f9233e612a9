using System.Net.Http.Headers;
using System.Net.Http.Json;
using Azure.Core;
using VoortgangApi.Core.Rand;

namespace VoortgangApi.Storage;

/// <summary>
/// Front Door's purge: POST {endpoint}/purge on Azure Resource Manager with the app's managed identity, which holds only
/// the purge action on this endpoint (infra/frontdoor.bicep). ARM accepts the purge (202) and Front Door completes it
/// in the background; a refusal or an unreachable ARM throws, and the caller retries.
/// </summary>
public sealed class FrontDoorPurger(HttpClient http, TokenCredential credential, string endpointId) : IRandpurger
{
    private const string ApiVersie = "2024-02-01";
    private const int PerVerzoek = 100; // the purge API's limit on content paths per call
    private static readonly TokenRequestContext Scope = new(["https://management.azure.com/.default"]);
    private static readonly Uri Arm = new("https://management.azure.com");

    public async Task PurgeAsync(IReadOnlyCollection<string> paden, CancellationToken ct)
    {
        var token = await credential.GetTokenAsync(Scope, ct);
        foreach (var deel in paden.Chunk(PerVerzoek))
        {
            using var verzoek = new HttpRequestMessage(HttpMethod.Post, new Uri(Arm, $"{endpointId.TrimEnd('/')}/purge?api-version={ApiVersie}"))
            {
                Content = JsonContent.Create(new { contentPaths = deel }),
            };
            verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            using var antwoord = await http.SendAsync(verzoek, ct);
            if (!antwoord.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Front Door weigerde de purge: {(int)antwoord.StatusCode} {await antwoord.Content.ReadAsStringAsync(ct)}", null, antwoord.StatusCode);
            }
        }
    }
}
