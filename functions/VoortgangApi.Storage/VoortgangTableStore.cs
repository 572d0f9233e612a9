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
        var themas = new List<Thema>();
        var knelpunten = new List<Knelpunt>();
        var oplossingsrichtingen = new List<Oplossingsrichting>();
        var partijen = new List<Partij>();
        await foreach (var e in tabel.QueryAsync<TableEntity>(cancellationToken: ct))
        {
            switch (e.PartitionKey)
            {
                case TableKeys.Thema: themas.Add(EntityJson.Van<Thema>(e)); break;
                case TableKeys.Knelpunt: knelpunten.Add(EntityJson.Van<Knelpunt>(e)); break;
                case TableKeys.Oplossingsrichting: oplossingsrichtingen.Add(EntityJson.Van<Oplossingsrichting>(e)); break;
                case TableKeys.Partij: partijen.Add(EntityJson.Van<Partij>(e)); break;
            }
        }

        return VoortgangOrde.Sorteer(new VoortgangData(themas, knelpunten, oplossingsrichtingen, partijen));
    }

    public async Task SchrijfAsync(VoortgangData data, CancellationToken ct)
    {
        var tabel = await tabellen.VoortgangAsync(ct);
        var nieuw = Rijen(data).ToList();
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

    private static IEnumerable<TableEntity> Rijen(VoortgangData d) =>
        d.Themas.Select(t => EntityJson.Naar(TableKeys.Thema, t.Id, t))
            .Concat(d.Knelpunten.Select(k => EntityJson.Naar(TableKeys.Knelpunt, k.Id, k)))
            .Concat(d.Oplossingsrichtingen.Select(o => EntityJson.Naar(TableKeys.Oplossingsrichting, o.Id, o)))
            .Concat(d.Partijen.Select(p => EntityJson.Naar(TableKeys.Partij, p.Id, p)));
}
