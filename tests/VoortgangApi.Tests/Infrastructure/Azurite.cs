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
        var bin = Environment.GetEnvironmentVariable("AZURITE_BIN") ?? Repo.Pad("node_modules", ".bin", "azurite");
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException($"Azurite niet gevonden op {bin}: voer 'npm ci' uit in {Repo.Root} (of zet AZURITE_BIN).");
        }

        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var psi = new ProcessStartInfo(bin)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--silent", "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
                     "--blobHost", "127.0.0.1", "--blobPort", $"{blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
                     "--tableHost", "127.0.0.1", "--tablePort", $"{table}" })
        {
            psi.ArgumentList.Add(arg);
        }

        var uitvoer = new StringBuilder();
        var proces = Process.Start(psi) ?? throw new InvalidOperationException($"{bin} start niet.");
        proces.OutputDataReceived += (_, e) => uitvoer.AppendLine(e.Data);
        proces.ErrorDataReceived += (_, e) => uitvoer.AppendLine(e.Data);
        proces.BeginOutputReadLine();
        proces.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(proces);

        foreach (var port in new[] { blob, queue, table })
        {
            await WachtOpPoortAsync(port, proces, uitvoer);
        }

        return new AzuriteInstance(blob, queue, table, Key);
    }

    private static async Task WachtOpPoortAsync(int port, Process proces, StringBuilder uitvoer)
    {
        var tot = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < tot)
        {
            if (proces.HasExited)
            {
                throw new InvalidOperationException($"Azurite stopte meteen (code {proces.ExitCode}): {uitvoer}");
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

        throw new InvalidOperationException($"Azurite luistert na 60 s niet op poort {port}: {uitvoer}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Stop(Process proces)
    {
        try
        {
            proces.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}

internal sealed record AzuriteInstance(int BlobPort, int QueuePort, int TablePort, string Key)
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
    };
}
