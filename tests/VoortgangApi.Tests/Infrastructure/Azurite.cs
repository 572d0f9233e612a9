using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>
/// One Azurite process for the whole test run, on free loopback ports, in memory. Test classes share it but never
/// share tables or containers (each uses its own name prefix), so they can run in parallel.
/// When Azurite cannot start, every test that needs it fails with the reason: never a silent skip.
/// </summary>
internal static class Azurite
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly Lazy<Task<AzuriteInstance>> Instance = new(StartAsync);

    public static Task<AzuriteInstance> GetAsync() => Instance.Value;

    private static async Task<AzuriteInstance> StartAsync()
    {
        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var proces = await AzuriteProces.StartAsync(blob, queue, table, map: null);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => proces.Stop();
        return new AzuriteInstance(blob, queue, table, Key);
    }

    /// <summary>An Azurite of a test's own, on its own ports and with its data on disk, so the test can stop and restart it.</summary>
    public static async Task<(AzuriteInstance Instance, AzuriteProces Proces)> EigenAsync(string map)
    {
        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        return (new AzuriteInstance(blob, queue, table, Key), await AzuriteProces.StartAsync(blob, queue, table, map));
    }

    internal static async Task WachtOpPoortAsync(int port, Process proces, StringBuilder uitvoer, string wat = "Azurite")
    {
        var tot = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < tot)
        {
            if (proces.HasExited)
            {
                throw new InvalidOperationException($"{wat} stopte meteen (code {proces.ExitCode}): {uitvoer}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"{wat} luistert na 60 s niet op poort {port}: {uitvoer}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One Azurite process: in memory (map null) or with its data in a folder; it can be stopped, frozen and started again.</summary>
public sealed class AzuriteProces
{
    private readonly int[] _poorten;
    private readonly string? _map;
    private Process _proces = null!;

    private AzuriteProces(int[] poorten, string? map) => (_poorten, _map) = (poorten, map);

    public static async Task<AzuriteProces> StartAsync(int blob, int queue, int table, string? map)
    {
        var proces = new AzuriteProces([blob, queue, table], map);
        await proces.StartAsync();
        return proces;
    }

    public async Task StartAsync()
    {
        var bin = Environment.GetEnvironmentVariable("AZURITE_BIN") ?? Repo.Pad("node_modules", ".bin", "azurite");
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException($"Azurite niet gevonden op {bin}: voer 'npm ci' uit in {Repo.Root} (of zet AZURITE_BIN).");
        }

        var psi = new ProcessStartInfo(bin) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] opslag = _map is null ? ["--inMemoryPersistence"] : ["--location", _map];
        foreach (var arg in new[] { "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
                     "--blobHost", "127.0.0.1", "--blobPort", $"{_poorten[0]}", "--queueHost", "127.0.0.1", "--queuePort", $"{_poorten[1]}",
                     "--tableHost", "127.0.0.1", "--tablePort", $"{_poorten[2]}" }.Concat(opslag))
        {
            psi.ArgumentList.Add(arg);
        }

        var uitvoer = new StringBuilder();
        _proces = Process.Start(psi) ?? throw new InvalidOperationException($"{bin} start niet.");
        _proces.OutputDataReceived += (_, e) => uitvoer.AppendLine(e.Data);
        _proces.ErrorDataReceived += (_, e) => uitvoer.AppendLine(e.Data);
        _proces.BeginOutputReadLine();
        _proces.BeginErrorReadLine();
        foreach (var port in _poorten)
        {
            await Azurite.WachtOpPoortAsync(port, _proces, uitvoer);
        }
    }

    /// <summary>SIGTERM (Azurite saves its data and exits), then wait for the exit.</summary>
    public async Task StopAsync()
    {
        Signaal("TERM");
        await _proces.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGSTOP / SIGCONT: a storage account that accepts connections but never answers.</summary>
    public void Bevries() => Signaal("STOP");

    public void Ontdooi() => Signaal("CONT");

    public void Stop()
    {
        try
        {
            _proces.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void Signaal(string naam)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{naam} {_proces.Id}") { UseShellExecute = false })!;
        kill.WaitForExit();
    }
}

public sealed record AzuriteInstance(int BlobPort, int QueuePort, int TablePort, string Key)
{
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>A fresh table/container name prefix, so that tests never see each other's data.</summary>
    public static string NieuwPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The app's storage settings for this Azurite, with tables and the open-data container of their own.</summary>
    public Dictionary<string, string?> Instellingen(string prefix) => new()
    {
        ["Storage:ConnectionString"] = ConnectionString,
        ["Storage:TablePrefix"] = prefix,
        ["Storage:OpenDataContainer"] = prefix + "-open-data",
        ["AzureWebJobsStorage"] = ConnectionString,
        ["WEBHOOKS_QUEUE"] = prefix + "webhooks",
    };
}
