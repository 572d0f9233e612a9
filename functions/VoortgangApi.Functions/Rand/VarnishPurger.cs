using VoortgangApi.Core.Rand;

namespace VoortgangApi.Functions.Rand;

/// <summary>
/// The local edge's purge (edge/voortgang.vcl): an HTTP PURGE per path, exact or ending in /*, as Front Door's purge
/// takes them. Varnish accepts it only from loopback and answers 200.
/// </summary>
public sealed class VarnishPurger(HttpClient http, Uri adres) : IRandpurger
{
    // Several at once: a publication's re-purge holds hundreds of paths, and a commit's paths wait behind the batch under
    // way; one at a time that batch took seconds on a busy machine, and a write showed at the edge only after it.
    private const int Gelijktijdig = 8;

    public async Task PurgeAsync(IReadOnlyCollection<string> paden, CancellationToken ct) =>
        await Parallel.ForEachAsync(paden, new ParallelOptions { MaxDegreeOfParallelism = Gelijktijdig, CancellationToken = ct }, async (pad, c) =>
        {
            using var verzoek = new HttpRequestMessage(new HttpMethod("PURGE"), new Uri(adres, pad));
            using var antwoord = await http.SendAsync(verzoek, c);
            if (!antwoord.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Varnish weigerde PURGE {pad}: {(int)antwoord.StatusCode}", null, antwoord.StatusCode);
            }
        });
}
