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

/// <summary>The port of one of the host's listeners, known once Kestrel has bound it.</summary>
public abstract class Luisteraarpoort
{
    private Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions? _luisteraar;

    internal void Zet(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions luisteraar) => _luisteraar = luisteraar;

    public int Poort => (_luisteraar?.IPEndPoint ?? throw new InvalidOperationException("De luisteraar is nog niet gebonden.")).Port;
}

/// <summary>The HTTP/2-only listener the worker opens its gRPC stream to.</summary>
public sealed class GrpcPoort : Luisteraarpoort;

/// <summary>The public listener (the API, the homepage, the development provider).</summary>
public sealed class PubliekePoort : Luisteraarpoort
{
    public Uri Adres => new($"http://127.0.0.1:{Poort}/");
}
