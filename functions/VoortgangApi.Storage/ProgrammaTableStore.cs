using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Programmas;

namespace VoortgangApi.Storage;

/// <summary>The programmes in the <c>programmas</c> table (see <see cref="TableKeys"/>): a row per programme and an audit row per change.</summary>
internal sealed class ProgrammaTableStore(TableClients tabellen, TimeProvider tijd) : IProgrammaStore
{
    private const string DoorKolom = TableKeys.DoorKolom;
    private const string DoorIdKolom = TableKeys.DoorIdKolom;

    public async Task<IReadOnlyList<ProgrammaVersie>> LijstAsync(CancellationToken ct)
    {
        var tabel = await tabellen.ProgrammasAsync(ct);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {TableKeys.ProgrammaRij}");
        var lijst = new List<ProgrammaVersie>();
        await foreach (var rij in tabel.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            lijst.Add(Versie(rij));
        }

        return lijst;
    }

    public async Task<ProgrammaVersie?> LeesAsync(string id, CancellationToken ct)
    {
        var tabel = await tabellen.ProgrammasAsync(ct);
        var rij = await tabel.GetEntityIfExistsAsync<TableEntity>(id, TableKeys.ProgrammaRij, cancellationToken: ct);
        return rij.HasValue ? Versie(rij.Value!) : null;
    }

    public async Task<ProgrammaVersie> BewaarAsync(Programma programma, Programmatoegang? toegang, string? verwachteVersie, Vastlegger door, CancellationToken ct)
    {
        var tabel = await tabellen.ProgrammasAsync(ct);
        var rij = EntityJson.Naar(programma.Id, TableKeys.ProgrammaRij, programma);
        rij[TableKeys.ToegangKolom] = toegang is null ? null : JsonSerializer.Serialize(toegang, VoortgangJson.Options);
        rij[DoorKolom] = door.Naam;
        rij[DoorIdKolom] = door.ObjectId;

        // The audit row in the same transaction: a change is never stored without who made it, nor the other way round.
        var audit = new TableEntity(programma.Id, TableKeys.ProgrammaAudit(tijd.GetUtcNow()))
        {
            [TableKeys.DataKolom] = rij.GetString(TableKeys.DataKolom),
            [TableKeys.ToegangKolom] = rij.GetString(TableKeys.ToegangKolom),
            [DoorKolom] = door.Naam,
            [DoorIdKolom] = door.ObjectId,
        };
        var actie = verwachteVersie is null
            ? new TableTransactionAction(TableTransactionActionType.Add, rij)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, rij, new ETag(verwachteVersie));
        try
        {
            var antwoord = await tabel.SubmitTransactionAsync([actie, new TableTransactionAction(TableTransactionActionType.Add, audit)], ct);
            return new ProgrammaVersie(programma, toegang, antwoord.Value[0].Headers.ETag?.ToString() ?? "");
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            throw new GelijktijdigeWijzigingException("Het programma is intussen gewijzigd.", ex);
        }
    }

    private static ProgrammaVersie Versie(TableEntity rij) =>
        new(EntityJson.Van<Programma>(rij),
            rij.GetString(TableKeys.ToegangKolom) is { } json ? JsonSerializer.Deserialize<Programmatoegang>(json, VoortgangJson.Options) : null,
            rij.ETag.ToString());
}
