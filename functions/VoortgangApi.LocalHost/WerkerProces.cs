using System.Diagnostics;

namespace VoortgangApi.LocalHost;

/// <summary>
/// One worker process, started as the Azure host starts a dotnet-isolated app (RpcWorkerContext, RpcWorkerProcess):
/// <c>dotnet App.dll</c> in the app folder with the legacy and the <c>--functions-*</c> arguments, the host's
/// environment plus the app's settings and <c>FUNCTIONS_WORKER_DIRECTORY</c>/<c>FUNCTIONS_APPLICATION_DIRECTORY</c>.
/// Its stdout and stderr go to the host's log, line by line.
/// </summary>
internal sealed class WerkerProces : IAsyncDisposable
{
    private const string MaxBericht = "2147483647"; // the host always passes int.MaxValue; without it the worker's limit is 0
    private readonly Process _proces;
    private readonly Queue<string> _laatste = new();
    private int _weg;

    private WerkerProces(Process proces) => _proces = proces;

    public int Id => _proces.Id;
    public Task Afgesloten => _proces.WaitForExitAsync();
    public int? Code => _proces.HasExited ? _proces.ExitCode : null;

    /// <summary>The last lines the worker wrote to stderr, to say why it stopped.</summary>
    public string LaatsteFouten()
    {
        lock (_laatste)
        {
            return string.Join('\n', _laatste);
        }
    }

    /// <summary>
    /// Starts the process; its output waits in the pipe until <see cref="Volg"/> (the first worker is started before the
    /// host's logging exists).
    /// </summary>
    public static WerkerProces Start(FunctieApp app, int grpcPoort, string werkerId, IReadOnlyDictionary<string, string?> instellingen)
    {
        var psi = new ProcessStartInfo(app.Uitvoerbaar)
        {
            WorkingDirectory = app.Map,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Path.GetFileNameWithoutExtension(app.Uitvoerbaar) == "dotnet")
        {
            psi.ArgumentList.Add(app.WerkerPad);
        }

        var uri = $"http://127.0.0.1:{grpcPoort}/";
        var verzoekId = Guid.NewGuid().ToString();
        foreach (var arg in new[]
                 {
                     "--host", "127.0.0.1", "--port", $"{grpcPoort}", "--workerId", werkerId, "--requestId", verzoekId,
                     "--grpcMaxMessageLength", MaxBericht, "--functions-uri", uri, "--functions-worker-id", werkerId,
                     "--functions-request-id", verzoekId, "--functions-grpc-max-message-length", MaxBericht,
                 })
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var (sleutel, waarde) in instellingen)
        {
            psi.Environment[sleutel.Replace(":", "__", StringComparison.Ordinal)] = waarde;
        }

        psi.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        psi.Environment["FUNCTIONS_WORKER_DIRECTORY"] = app.Map;
        psi.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = app.Map;
        // The host's own Kestrel settings are not the worker's (it picks its own port).
        psi.Environment.Remove("ASPNETCORE_URLS");
        psi.Environment.Remove("ASPNETCORE_HTTP_PORTS");

        return new WerkerProces(Process.Start(psi) ?? throw new InvalidOperationException($"{app.Uitvoerbaar} start niet."));
    }

    /// <summary>From now on the worker's stdout and stderr go to <paramref name="logger"/>, line by line.</summary>
    public void Volg(ILogger logger)
    {
        var pid = _proces.Id;
        _proces.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } regel)
            {
                logger.LogInformation("[werker {Pid} stdout] {Regel}", pid, regel);
            }
        };
        _proces.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } regel)
            {
                Onthoud(regel);
                logger.LogWarning("[werker {Pid} stderr] {Regel}", pid, regel);
            }
        };
        _proces.BeginOutputReadLine();
        _proces.BeginErrorReadLine();
    }

    /// <summary>Ends the process (and any children) if it is still running after <paramref name="gratie"/>.</summary>
    public async Task StopAsync(TimeSpan gratie)
    {
        try
        {
            await _proces.WaitForExitAsync().WaitAsync(gratie);
        }
        catch (TimeoutException)
        {
            Dood();
            await _proces.WaitForExitAsync();
        }
    }

    public void Dood()
    {
        try
        {
            _proces.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _weg, 1) == 1)
        {
            return;
        }

        Dood();
        await _proces.WaitForExitAsync();
        _proces.Dispose();
    }

    private void Onthoud(string regel)
    {
        lock (_laatste)
        {
            _laatste.Enqueue(regel);
            if (_laatste.Count > 20)
            {
                _laatste.Dequeue();
            }
        }
    }
}
