using System.Diagnostics;
using System.Net.Sockets;
using Yarp.ReverseProxy.Forwarder;

namespace VoortgangApi.LocalHost;

/// <summary>
/// The HTTP hop from host to worker, as the Azure host's DefaultHttpProxyService makes it: YARP's forwarder with the
/// default transformer (path, query, headers and body unchanged, X-Forwarded-* added), a 240 s activity time-out, and a
/// client without redirects, cookies or proxy that retries a refused connection (RetryProxyHandler: 10 tries, 50 ms
/// doubling to 250 ms) because the worker may announce its endpoint before its Kestrel accepts. The benchmark puts its
/// baseline behind this same hop.
/// </summary>
public sealed class Doorgeefhop(IHttpForwarder forwarder) : IDisposable
{
    public static readonly TimeSpan Looptijd = TimeSpan.FromSeconds(240);
    private static readonly ForwarderRequestConfig Config = new() { ActivityTimeout = Looptijd };

    private readonly HttpMessageInvoker _client = new(new HerhaalBijWeigering(new SocketsHttpHandler
    {
        UseProxy = false, AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None,
        UseCookies = false, ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
        ConnectTimeout = TimeSpan.FromSeconds(15),
    }));

    public ValueTask<ForwarderError> StuurAsync(HttpContext ctx, Uri doel) => forwarder.SendAsync(ctx, doel.ToString(), _client, Config);

    public void Dispose() => _client.Dispose();

    private sealed class HerhaalBijWeigering(HttpMessageHandler binnen) : DelegatingHandler(binnen)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var wacht = TimeSpan.FromMilliseconds(50);
            for (var poging = 1; ; poging++)
            {
                try
                {
                    return await base.SendAsync(request, ct);
                }
                catch (HttpRequestException ex) when (poging < 10 && ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
                {
                    await Task.Delay(wacht, ct);
                    wacht = TimeSpan.FromMilliseconds(Math.Min(250, wacht.TotalMilliseconds * 2));
                }
            }
        }
    }
}
