using Azure;
using Azure.Data.Tables;
using VoortgangApi.Core.Volgen;

namespace VoortgangApi.Storage;

/// <summary>
/// Webhook subscriptions in the <c>abonnementen</c> table (a row per subscription, the programme as partition) and each
/// programme's delivery cursor (partition <c>_cursor</c>). The secret is kept to sign deliveries; it never leaves the API
/// except once, in the answer to the subscription.
/// </summary>
internal sealed class AbonnementTableStore(TableClients tabellen) : IAbonnementStore
{
    private const string VolgnummerKolom = "Volgnummer";
    private const string BriefKolom = "LaatsteBrief";

    public async Task<IReadOnlyList<Abonnement>> LijstAsync(string programmaId, CancellationToken ct)
    {
        var tabel = await tabellen.AbonnementenAsync(ct);
        var lijst = new List<Abonnement>();
        await foreach (var rij in tabel.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {programmaId}"), cancellationToken: ct))
        {
            lijst.Add(Van(rij));
        }

        return lijst;
    }

    public async Task<int> AantalAsync(CancellationToken ct)
    {
        var tabel = await tabellen.AbonnementenAsync(ct);
        var aantal = 0;
        await foreach (var _ in tabel.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ne {TableKeys.CursorPartitie}"), select: ["RowKey"], cancellationToken: ct))
        {
            aantal++;
        }

        return aantal;
    }

    public async Task<Abonnement?> ZoekAsync(string programmaId, string id, CancellationToken ct)
    {
        var tabel = await tabellen.AbonnementenAsync(ct);
        var rij = await tabel.GetEntityIfExistsAsync<TableEntity>(programmaId, id, cancellationToken: ct);
        return rij.HasValue ? Van(rij.Value!) : null;
    }

    public async Task VoegToeAsync(Abonnement abonnement, CancellationToken ct) =>
        await (await tabellen.AbonnementenAsync(ct)).AddEntityAsync(Naar(abonnement), ct);

    public async Task<bool> WerkBijAsync(Abonnement abonnement, CancellationToken ct)
    {
        var tabel = await tabellen.AbonnementenAsync(ct);
        try
        {
            await tabel.UpdateEntityAsync(Naar(abonnement), abonnement.ETag is { } e ? new ETag(e) : ETag.All, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false; // unsubscribed meanwhile, or changed by another delivery: that one's state stands
        }
    }

    public async Task VerwijderAsync(string programmaId, string id, CancellationToken ct) =>
        await (await tabellen.AbonnementenAsync(ct)).DeleteEntityAsync(programmaId, id, ETag.All, ct);

    public async Task<Uitzendcursor?> CursorAsync(string programmaId, CancellationToken ct)
    {
        var tabel = await tabellen.AbonnementenAsync(ct);
        var rij = await tabel.GetEntityIfExistsAsync<TableEntity>(TableKeys.CursorPartitie, programmaId, cancellationToken: ct);
        return rij.HasValue
            ? new Uitzendcursor(rij.Value!.GetInt64(VolgnummerKolom) ?? 0, rij.Value.GetDateTimeOffset(BriefKolom) ?? DateTimeOffset.UnixEpoch, rij.Value.ETag.ToString())
            : null;
    }

    public async Task<bool> ZetCursorAsync(string programmaId, Uitzendcursor cursor, CancellationToken ct)
    {
        var tabel = await tabellen.AbonnementenAsync(ct);
        var rij = new TableEntity(TableKeys.CursorPartitie, programmaId) { [VolgnummerKolom] = cursor.Volgnummer, [BriefKolom] = cursor.LaatsteBrief };
        try
        {
            if (cursor.ETag is null)
            {
                await tabel.AddEntityAsync(rij, ct);
            }
            else
            {
                await tabel.UpdateEntityAsync(rij, new ETag(cursor.ETag), TableUpdateMode.Replace, ct);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    private static TableEntity Naar(Abonnement a) => EntityJson.Naar(a.ProgrammaId, a.Id, a with { ETag = null });

    private static Abonnement Van(TableEntity rij) => EntityJson.Van<Abonnement>(rij) with { ETag = rij.ETag.ToString() };
}
