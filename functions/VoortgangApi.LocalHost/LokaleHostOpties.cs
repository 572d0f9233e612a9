using System.Net;
using System.Net.Sockets;

namespace VoortgangApi.LocalHost;

/// <summary>How the local host runs: which app, on which port, with which settings for the worker.</summary>
public sealed class LokaleHostOpties
{
    /// <summary>Sent as WorkerInitRequest.host_version: the Azure host release whose sources this host follows.</summary>
    public const string HostVersie = "4.1037.0-lokaal";

    /// <summary>The built function app (the folder with worker.config.json, host.json and the app's dll).</summary>
    public string AppMap { get; set; } = "";

    /// <summary>The public HTTP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Poort { get; set; } = 7071;

    /// <summary>App settings for the worker process on top of the inherited environment (as local.settings.json Values).</summary>
    public Dictionary<string, string?> Instellingen { get; } = new(StringComparer.Ordinal);

    /// <summary>Restarts after an unexpected worker exit before the host gives up.</summary>
    public int MaxHerstarts { get; set; } = 5;

    /// <summary>The master key (x-functions-key header or code query) for Function- and Admin-level triggers.</summary>
    public string? Sleutel { get; set; }

    /// <summary>
    /// The host names the public port answers (the Host header, port aside; config <c>AllowedHosts</c>, separated by
    /// ';'): loopback names only, so a web page that rebinds its own DNS name to 127.0.0.1 cannot reach the local API.
    /// </summary>
    public List<string> ToegestaneHosts { get; } = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Comma-separated origins for the host's CORS (the platform setting), from Cors__AllowedOrigins.</summary>
    public string CorsOrigins { get; set; } = "";

    /// <summary>
    /// Serve the development OpenID Connect provider (the local stand-in for Entra ID) on the public port, and give the
    /// worker its issuer and audience as app settings (Identiteit__Authority, Identiteit__Audience) unless they are set.
    /// </summary>
    public bool Ontwikkelprovider { get; set; } = true;

    /// <summary>The largest request body the host accepts (FUNCTIONS_REQUEST_BODY_SIZE_LIMIT; the Azure host's default 100 MB).</summary>
    public long BodyLimiet { get; set; } = 104_857_600;
}

/// <summary>
/// One of the host's listeners: a loopback socket bound and listening before the host is built, so its port is known
/// (and the kernel queues a connection until Kestrel accepts it) while the host still builds. The worker can then be
/// started at once instead of after the host's own start, as the Azure host starts its gRPC server and its worker
/// before the rest of its start-up. Kestrel takes the socket over (<see cref="NeemOver"/>) and closes it when it stops.
/// </summary>
public abstract class Luisteraarpoort
{
    private Socket? _socket;

    public int Poort { get; private set; }

    internal void Bind(int poort)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, poort));
            socket.Listen(512); // Kestrel's default backlog
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new IOException($"Kan niet luisteren op http://127.0.0.1:{poort}: {ex.Message}", ex);
        }

        _socket = socket;
        Poort = ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>The bound socket for Kestrel's listener on this port (once), or null for any other endpoint.</summary>
    internal Socket? NeemOver(EndPoint eindpunt) =>
        eindpunt is IPEndPoint ip && ip.Port == Poort ? Interlocked.Exchange(ref _socket, null) : null;

    /// <summary>Closes the socket if Kestrel never took it (a host that was built but not started).</summary>
    internal void Sluit() => Interlocked.Exchange(ref _socket, null)?.Dispose();
}

/// <summary>The HTTP/2-only listener the worker opens its gRPC stream to.</summary>
public sealed class GrpcPoort : Luisteraarpoort;

/// <summary>The public listener (the API, the homepage, the development provider).</summary>
public sealed class PubliekePoort : Luisteraarpoort
{
    public Uri Adres => new($"http://127.0.0.1:{Poort}/");
}
