using VoortgangApi.Core.Rand;

namespace VoortgangApi.Functions.Rand;

/// <summary>
/// The local edge's purge (edge/voortgang.vcl): an HTTP PURGE per path, exact or ending in /*, as Front Door's purge
/// takes them. Varnish accepts it only from loopback and answers 200.
/// </summary>
public sealed class VarnishPurger(HttpClient http, Uri adres) : IRandpurger
{
    public async Task PurgeAsync(IReadOnlyCollection<string> paden, CancellationToken ct)
    {
        foreach (var pad in paden)
        {
            using var verzoek = new HttpRequestMessage(new HttpMethod("PURGE"), new Uri(adres, pad));
            using var antwoord = await http.SendAsync(verzoek, ct);
            if (!antwoord.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Varnish weigerde PURGE {pad}: {(int)antwoord.StatusCode}", null, antwoord.StatusCode);
            }
        }
    }
}
