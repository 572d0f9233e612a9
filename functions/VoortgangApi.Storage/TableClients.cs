using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace VoortgangApi.Storage;

/// <summary>The project's tables, each created once per process on first use.</summary>
internal sealed class TableClients(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly string _prefix = options.Value.TablePrefix;
    private readonly Dictionary<string, Lazy<Task<TableClient>>> _tabellen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<TableClient> HistorieAsync(CancellationToken ct) => Tabel(TableKeys.HistorieTabel(_prefix), ct);
    public Task<TableClient> CycliAsync(CancellationToken ct) => Tabel(TableKeys.CycliTabel(_prefix), ct);
    public Task<TableClient> MomentopnamenAsync(CancellationToken ct) => Tabel(TableKeys.MomentopnameTabel(_prefix), ct);
    public Task<TableClient> ProgrammasAsync(CancellationToken ct) => Tabel(TableKeys.ProgrammaTabel(_prefix), ct);
    public Task<TableClient> AbonnementenAsync(CancellationToken ct) => Tabel(TableKeys.AbonnementTabel(_prefix), ct);

    private Task<TableClient> Tabel(string naam, CancellationToken ct)
    {
        Lazy<Task<TableClient>> lazy;
        lock (_lock)
        {
            if (!_tabellen.TryGetValue(naam, out lazy!))
            {
                lazy = new Lazy<Task<TableClient>>(() => Maak(naam));
                _tabellen[naam] = lazy;
            }
        }

        return lazy.Value.WaitAsync(ct);
    }

    private async Task<TableClient> Maak(string naam)
    {
        var client = service.GetTableClient(naam);
        try
        {
            await client.CreateIfNotExistsAsync();
        }
        catch
        {
            // Forget the failed attempt so the next request tries again instead of failing forever.
            lock (_lock)
            {
                _tabellen.Remove(naam);
            }

            throw;
        }

        return client;
    }
}
