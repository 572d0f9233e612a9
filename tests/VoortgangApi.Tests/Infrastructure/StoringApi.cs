using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using VoortgangApi.Core.Import;
using VoortgangApi.Functions;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>When an armed fault strikes: before the real call (nothing happened), or after it (done, but the answer was lost).</summary>
public enum Storingsmoment { Voor, Na }

/// <summary>
/// The app's services (the same registration the worker uses) over their own tables in Azurite with the seed imported,
/// the Azure SDK clients replaced by Moq mocks that pass every call through to Azurite (CallBase) — until a test arms a
/// fault for one operation on one table or blob; then that call fails as the SDK would fail (RequestFailedException
/// with a status, a network error), before or after the real call. Mocks cannot cross into the worker process, so
/// these tests call the core services the functions call; <c>ApiMiddlewareTests</c> shows what HTTP answer each
/// failure becomes, and <c>UitvalTests</c> the real outage through the worker.
/// </summary>
public sealed class StoringApi : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(Exception Fout, Storingsmoment Moment)>> _storingen = new(StringComparer.Ordinal);
    private ServiceProvider _diensten = null!;

    public string Prefix { get; } = AzuriteInstance.NieuwPrefix();

    public T Service<T>() where T : notnull => _diensten.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        var instellingen = (await Azurite.GetAsync()).Instellingen(Prefix);
        instellingen["Cache:VersieControleSeconden"] = "0";
        instellingen["Seed:SchemaMap"] = Repo.Pad("schemas");
        var config = new ConfigurationBuilder().AddInMemoryCollection(instellingen).Build();
        var services = new ServiceCollection().AddLogging().AddVoortgang(config);
        Vervang(services, config["Storage:ConnectionString"]!);
        _diensten = services.BuildServiceProvider();
        await Service<SeedImporter>().ImporteerOntbrekendAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"), default);
    }

    public Task DisposeAsync() => _diensten.DisposeAsync().AsTask();

    /// <summary>Makes the next call of <paramref name="operatie"/> on the table or blob whose name ends in <paramref name="naam"/> fail.</summary>
    public void Arm(string naam, string operatie, Exception fout, Storingsmoment moment = Storingsmoment.Voor) =>
        _storingen.GetOrAdd($"{naam}|{operatie}", _ => new()).Enqueue((fout, moment));

    public static RequestFailedException Status(int status) => new(status, $"Gesimuleerde opslagfout {status}");

    private (Exception Fout, Storingsmoment Moment)? Neem(string naam, string operatie) =>
        _storingen.FirstOrDefault(s => naam.EndsWith(s.Key.Split('|')[0], StringComparison.Ordinal) && s.Key.EndsWith("|" + operatie, StringComparison.Ordinal)).Value is { } rij
            && rij.TryDequeue(out var storing) ? storing : null;

    private async Task<T> DoorAsync<T>(string naam, string operatie, Func<Task<T>> echt)
    {
        var storing = Neem(naam, operatie);
        if (storing is { Moment: Storingsmoment.Voor })
        {
            throw storing.Value.Fout;
        }

        var uitkomst = await echt();
        return storing is { } na ? throw na.Fout : uitkomst;
    }

    private void Vervang(IServiceCollection services, string verbinding)
    {
        services.AddSingleton(sp =>
        {
            var service = new Mock<TableServiceClient>(verbinding) { CallBase = true };
            var tabellen = new ConcurrentDictionary<string, TableClient>(StringComparer.Ordinal);
            service.Setup(s => s.GetTableClient(It.IsAny<string>())).Returns((string naam) => tabellen.GetOrAdd(naam, n => Tabel(verbinding, n)));
            return service.Object;
        });
        services.AddSingleton(sp =>
        {
            var service = new Mock<BlobServiceClient>(verbinding) { CallBase = true };
            service.Setup(s => s.GetBlobContainerClient(It.IsAny<string>())).Returns((string naam) => Container(verbinding, naam));
            return service.Object;
        });
    }

    private TableClient Tabel(string verbinding, string naam)
    {
        var echt = new TableClient(verbinding, naam);
        var tabel = new Mock<TableClient>(verbinding, naam) { CallBase = true };
        tabel.Setup(t => t.SubmitTransactionAsync(It.IsAny<IEnumerable<TableTransactionAction>>(), It.IsAny<CancellationToken>()))
            .Returns((IEnumerable<TableTransactionAction> acties, CancellationToken ct) => DoorAsync(naam, "transactie", () => echt.SubmitTransactionAsync(acties, ct)));
        tabel.Setup(t => t.UpdateEntityAsync(It.IsAny<TableEntity>(), It.IsAny<ETag>(), It.IsAny<TableUpdateMode>(), It.IsAny<CancellationToken>()))
            .Returns((TableEntity e, ETag etag, TableUpdateMode modus, CancellationToken ct) => DoorAsync(naam, "bijwerken", () => echt.UpdateEntityAsync(e, etag, modus, ct)));
        tabel.Setup(t => t.GetEntityIfExistsAsync<TableEntity>(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<IEnumerable<string>>(), It.IsAny<CancellationToken>()))
            .Returns((string p, string r, IEnumerable<string> select, CancellationToken ct) => DoorAsync(naam, "lezen", () => echt.GetEntityIfExistsAsync<TableEntity>(p, r, select, ct)));
        tabel.Setup(t => t.QueryAsync<TableEntity>(It.IsAny<string>(), It.IsAny<int?>(), It.IsAny<IEnumerable<string>>(), It.IsAny<CancellationToken>()))
            .Returns((string filter, int? perPagina, IEnumerable<string> select, CancellationToken ct) =>
                Neem(naam, "zoeken") is { } storing ? throw storing.Fout : echt.QueryAsync<TableEntity>(filter, perPagina, select, ct));
        return tabel.Object;
    }

    private BlobContainerClient Container(string verbinding, string naam)
    {
        var container = new Mock<BlobContainerClient>(verbinding, naam) { CallBase = true };
        container.Setup(c => c.GetBlobClient(It.IsAny<string>())).Returns((string pad) =>
        {
            var echt = new BlobClient(verbinding, naam, pad);
            var blob = new Mock<BlobClient>(verbinding, naam, pad) { CallBase = true };
            blob.Setup(b => b.UploadAsync(It.IsAny<BinaryData>(), It.IsAny<BlobUploadOptions>(), It.IsAny<CancellationToken>()))
                .Returns((BinaryData data, BlobUploadOptions opties, CancellationToken ct) => DoorAsync(pad, "uploaden", () => echt.UploadAsync(data, opties, ct)));
            return blob.Object;
        });
        return container.Object;
    }
}
