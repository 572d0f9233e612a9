using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using VoortgangApi.Core.Volgen;

namespace VoortgangApi.Functions.Webhooks;

/// <summary>Resolves a callback's host name (DNS in the app; a test gives its own, so no name is ever looked up for real).</summary>
public interface IAdresOplosser
{
    Task<IPAddress[]> LosOpAsync(string host, CancellationToken ct);
}

public sealed class DnsOplosser : IAdresOplosser
{
    public Task<IPAddress[]> LosOpAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>
/// The only way the API reaches a subscriber. The address is judged where the connection is made: the name is resolved
/// once, every address it gives must be outside internal networks (<see cref="Adresregels"/>), and the socket connects to
/// an address that was judged — so a name that changes its answer between check and use (DNS rebinding) gains nothing.
/// No redirects, no pooled connections (each call resolves again), a time-out per call and at most 1 KiB read back.
/// </summary>
public sealed class CallbackKanaal : ICallbackKanaal, IDisposable
{
    public const int MaxAntwoord = 1024;
    private readonly HttpClient _http;
    private readonly bool _loopback;

    /// <param name="oplosser">Resolves the callback's host name.</param>
    /// <param name="opties">The time-out and whether loopback is allowed (locally only).</param>
    /// <param name="verbind">Opens the connection to a judged address (a socket in the app; a test's own to prove none is made).</param>
    public CallbackKanaal(IAdresOplosser oplosser, WebhookOptions opties, Func<IPEndPoint, CancellationToken, ValueTask<Stream>>? verbind = null)
    {
        _loopback = opties.LoopbackToegestaan;
        verbind ??= VerbindAsync;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.Zero,
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(5, opties.TimeoutSeconden)),
            MaxResponseHeadersLength = 16,
            ConnectCallback = async (context, ct) =>
            {
                var host = context.DnsEndPoint.Host;
                var adressen = IPAddress.TryParse(host, out var ip) ? [ip] : await oplosser.LosOpAsync(host, ct);
                if (adressen.Length == 0)
                {
                    throw new AdresGeweigerdException($"{host} heeft geen adres.");
                }

                if (adressen.FirstOrDefault(a => Adresregels.IsVerboden(a, _loopback)) is { } verboden)
                {
                    throw new AdresGeweigerdException(
                        $"{host} wijst naar {verboden}, een adres in een intern netwerk (loopback, privé, link-local of metadata); dat roept de API nooit aan.");
                }

                return await verbind(new IPEndPoint(adressen[0], context.DnsEndPoint.Port), ct);
            },
        };
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(opties.TimeoutSeconden), MaxResponseContentBufferSize = MaxAntwoord };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Voortgang-API-Webhooks/1");
    }

    public async Task<Callbackantwoord> BevestigAsync(Uri callback, string challenge, string onderwerp, CancellationToken ct)
    {
        var url = QueryHelpers.AddQueryString(callback.AbsoluteUri, new Dictionary<string, string?>
        {
            ["hub.mode"] = "subscribe", ["hub.topic"] = onderwerp, ["hub.challenge"] = challenge,
        });
        return await StuurAsync(new HttpRequestMessage(HttpMethod.Get, url), async antwoord =>
        {
            var body = await LeesBeperktAsync(antwoord, ct);
            return body.Trim() == challenge ? null : "het antwoord was niet de challenge";
        }, ct);
    }

    public Task<Callbackantwoord> BezorgAsync(Uri callback, IReadOnlyDictionary<string, string> headers, string body, CancellationToken ct)
    {
        var verzoek = new HttpRequestMessage(HttpMethod.Post, callback) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (naam, waarde) in headers)
        {
            verzoek.Headers.TryAddWithoutValidation(naam, waarde);
        }

        return StuurAsync(verzoek, _ => Task.FromResult<string?>(null), ct);
    }

    private async Task<Callbackantwoord> StuurAsync(HttpRequestMessage verzoek, Func<HttpResponseMessage, Task<string?>> beoordeel, CancellationToken ct)
    {
        using (verzoek)
        {
            if (Adresregels.Fout(verzoek.RequestUri!.AbsoluteUri, _loopback) is { } fout)
            {
                return new Callbackantwoord(0, false, fout, AdresGeweigerd: true);
            }

            try
            {
                using var antwoord = await _http.SendAsync(verzoek, HttpCompletionOption.ResponseHeadersRead, ct);
                var status = (int)antwoord.StatusCode;
                if (status is < 200 or > 299)
                {
                    return new Callbackantwoord(status, false, $"HTTP {status}{(status is >= 300 and < 400 ? " (doorverwijzingen worden niet gevolgd)" : "")}");
                }

                return await beoordeel(antwoord) is { } afgekeurd ? new Callbackantwoord(status, false, afgekeurd) : new Callbackantwoord(status, true);
            }
            catch (HttpRequestException ex) when (ex.InnerException is AdresGeweigerdException geweigerd)
            {
                return new Callbackantwoord(0, false, geweigerd.Message, AdresGeweigerd: true);
            }
            catch (HttpRequestException ex)
            {
                return new Callbackantwoord(0, false, "geen verbinding: " + ex.HttpRequestError);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                return new Callbackantwoord(0, false, "geen antwoord binnen de time-out");
            }
        }
    }

    private static async Task<string> LeesBeperktAsync(HttpResponseMessage antwoord, CancellationToken ct)
    {
        await using var stroom = await antwoord.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[MaxAntwoord];
        var gelezen = 0;
        int n;
        while (gelezen < buffer.Length && (n = await stroom.ReadAsync(buffer.AsMemory(gelezen), ct)) > 0)
        {
            gelezen += n;
        }

        return Encoding.UTF8.GetString(buffer, 0, gelezen);
    }

    private static async ValueTask<Stream> VerbindAsync(IPEndPoint adres, CancellationToken ct)
    {
        var socket = new Socket(adres.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(adres, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A callback address the API will not connect to.</summary>
public sealed class AdresGeweigerdException(string bericht) : Exception(bericht);
