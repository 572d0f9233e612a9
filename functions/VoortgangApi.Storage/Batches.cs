using Azure.Data.Tables;

namespace VoortgangApi.Storage;

internal static class Batches
{
    // An entity group transaction holds at most 100 operations, all in one partition.
    public const int MaxPerTransactie = 100;

    public static async Task VoerUitAsync(TableClient tabel, IEnumerable<TableTransactionAction> acties, CancellationToken ct)
    {
        foreach (var partitie in acties.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var deel in partitie.Chunk(MaxPerTransactie))
            {
                await tabel.SubmitTransactionAsync(deel, ct);
            }
        }
    }
}
