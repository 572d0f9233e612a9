using Azure.Data.Tables;
using VoortgangApi.Core;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Storage;

/// <summary>The current progress state in the <c>voortgang</c> table (see <see cref="TableKeys"/>).</summary>
internal sealed class VoortgangTableStore(TableClients tabellen) : IVoortgangStore
{
    public async Task<VoortgangData> LeesAsync(CancellationToken ct)
    {
        var tabel = await tabellen.VoortgangAsync(ct);
        return await VoortgangRijen.VanAsync(tabel.QueryAsync<TableEntity>(cancellationToken: ct), e => e.PartitionKey);
    }

    public async Task SchrijfAsync(VoortgangData data, CancellationToken ct)
    {
        var tabel = await tabellen.VoortgangAsync(ct);
        var nieuw = VoortgangRijen.Naar(data, (soort, id) => (soort, id)).ToList();
        var sleutels = nieuw.Select(e => (e.PartitionKey, e.RowKey)).ToHashSet();

        // Upsert-replace keeps the import idempotent; rows that the new state no longer has are deleted afterwards,
        // so a reader sees old-or-new rows, never an empty table.
        await Batches.VoerUitAsync(tabel, nieuw.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct);

        var weg = new List<TableTransactionAction>();
        await foreach (var e in tabel.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            if (!sleutels.Contains((e.PartitionKey, e.RowKey)) && IsDomeinRij(e.PartitionKey))
            {
                weg.Add(new TableTransactionAction(TableTransactionActionType.Delete, e));
            }
        }

        await Batches.VoerUitAsync(tabel, weg, ct);

        // Last: the new version tells every instance's cache that the data changed.
        await tabel.UpsertEntityAsync(new TableEntity(TableKeys.Meta, TableKeys.Versie) { [TableKeys.Versie] = Guid.NewGuid().ToString("N") },
            TableUpdateMode.Replace, ct);
    }

    public async Task<string> VersieAsync(CancellationToken ct)
    {
        var tabel = await tabellen.VoortgangAsync(ct);
        var rij = await tabel.GetEntityIfExistsAsync<TableEntity>(TableKeys.Meta, TableKeys.Versie, cancellationToken: ct);
        return rij.HasValue ? rij.Value!.GetString(TableKeys.Versie) ?? "" : "";
    }

    public async Task<bool> IsLeegAsync(CancellationToken ct)
    {
        var tabel = await tabellen.VoortgangAsync(ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Thema}");
        await foreach (var _ in tabel.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: ct))
        {
            return false;
        }

        return true;
    }

    private static bool IsDomeinRij(string partitie) =>
        partitie is TableKeys.Thema or TableKeys.Knelpunt or TableKeys.Oplossingsrichting or TableKeys.Partij;
}
