using Azure;
using Azure.Data.Tables;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;

namespace VoortgangApi.Storage;

/// <summary>The progress log in the <c>historie</c> table (see <see cref="TableKeys"/>): rows are inserted, never updated or deleted.</summary>
internal sealed class HistorieTableStore(TableClients tabellen, TimeProvider tijd, Partities partities) : IHistorieStore
{
    // Slots stay free in a 100-operation transaction for the idempotency row (and one spare, once the counter's).
    private const int MaxRegels = Toevoeging.MaxRegels; // Batches.MaxPerTransactie - 2

    public async Task<IReadOnlyList<Logregel>> LeesNaAsync(long na, CancellationToken ct)
    {
        var tabel = await tabellen.HistorieAsync(ct);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partities.Log} and RowKey gt {TableKeys.Regel(na)} and RowKey lt {TableKeys.RegelsTot}");
        var regels = new List<Logregel>();
        await foreach (var e in tabel.QueryAsync<TableEntity>(filter, select: [TableKeys.DataKolom], cancellationToken: ct))
        {
            regels.Add(EntityJson.Van<Logregel>(e));
        }

        return regels;
    }

    public async Task<IReadOnlyList<Logregel>> VoegToeAsync(Toevoeging t, CancellationToken ct)
    {
        if (t.Regels.Count is 0 or > MaxRegels)
        {
            throw new ArgumentOutOfRangeException(nameof(t), $"Een toevoeging heeft 1 tot {MaxRegels} regels.");
        }

        // No read first: the caller read the log (its last number and moment are in the request). Inserting rows
        // r{n+1}… fails if any exists, so a writer that was overtaken is refused and the log stays gapless.
        var tabel = await tabellen.HistorieAsync(ct);

        // One moment for the whole append, strictly later than the last one (milliseconds, as the API writes them):
        // numbers and moments then order the log the same way, whatever the clocks of the instances say.
        var nu = tijd.GetUtcNow();
        var op = new DateTimeOffset(nu.Ticks - (nu.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        if (op <= t.VorigMoment)
        {
            op = t.VorigMoment.AddMilliseconds(1);
        }

        var regels = t.Regels.Select((r, i) => r.Nummer(t.VerwachtVolgnummer + 1 + i, op)).ToList();
        var acties = new List<TableTransactionAction>();
        foreach (var r in regels)
        {
            var rij = EntityJson.Naar(partities.Log, TableKeys.Regel(r.Volgnummer), r);
            rij[TableKeys.DoorKolom] = t.Door?.Naam;
            rij[TableKeys.DoorIdKolom] = t.Door?.ObjectId;
            acties.Add(new TableTransactionAction(TableTransactionActionType.Add, rij));
        }

        if (t.IdempotentieSleutel is { } sleutel)
        {
            acties.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partities.Log, TableKeys.Idempotentie(sleutel))
            {
                [TableKeys.BodyHashKolom] = t.BodyHash,
                [TableKeys.VolgnummerKolom] = regels[0].Volgnummer,
            }));
        }

        try
        {
            await tabel.SubmitTransactionAsync(acties, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new GelijktijdigeWijzigingException("Een andere schrijver legde tegelijk iets vast.", ex);
        }

        return regels;
    }

    public async Task<Idempotentie?> IdempotentieAsync(string sleutel, CancellationToken ct)
    {
        var tabel = await tabellen.HistorieAsync(ct);
        var rij = await tabel.GetEntityIfExistsAsync<TableEntity>(partities.Log, TableKeys.Idempotentie(sleutel), cancellationToken: ct);
        return rij.HasValue
            ? new Idempotentie(rij.Value!.GetString(TableKeys.BodyHashKolom) ?? "", rij.Value.GetInt64(TableKeys.VolgnummerKolom) ?? 0)
            : null;
    }
}
