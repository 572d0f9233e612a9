using Azure;
using Azure.Data.Tables;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Storage;

/// <summary>Cycles in the <c>cycli</c> table, snapshot rows in <c>momentopnamen</c> (key design: <see cref="TableKeys"/>).</summary>
internal sealed class CyclusTableStore(TableClients tabellen, Partities partities) : ICyclusStore
{
    private const string RunKolom = "RunId";

    // Personal data lives in its own column, outside the JSON that the API and the open data are made from.
    private const string BehandelaarKolom = "Behandelaar";

    // Who planned and who froze the cycle (display name, directory object id): internal audit, personal data.
    private static readonly (string Naam, string Id) GeplandKolommen = ("GeplandDoor", "GeplandDoorId");
    private static readonly (string Naam, string Id) VastgesteldKolommen = ("VastgesteldDoor", "VastgesteldDoorId");

    public async Task<CyclusVersie?> LeesAsync(string cyclusId, CancellationToken ct)
    {
        var tabel = await tabellen.CycliAsync(ct);
        var rij = await tabel.GetEntityIfExistsAsync<TableEntity>(partities.Cyclus, cyclusId, cancellationToken: ct);
        return rij.HasValue ? Versie(rij.Value!) : null;
    }

    public async Task<IReadOnlyList<CyclusVersie>> LijstAsync(CancellationToken ct)
    {
        var tabel = await tabellen.CycliAsync(ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partities.Cyclus}");
        var lijst = new List<CyclusVersie>();
        await foreach (var rij in tabel.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            lijst.Add(Versie(rij));
        }

        return lijst;
    }

    public async Task<CyclusVersie> BewaarAsync(Rapportagecyclus cyclus, string? verwachteVersie, CancellationToken ct)
    {
        var tabel = await tabellen.CycliAsync(ct);
        var rij = Rij(cyclus);
        try
        {
            var antwoord = verwachteVersie is null
                ? await tabel.AddEntityAsync(rij, ct)
                : await tabel.UpdateEntityAsync(rij, new ETag(verwachteVersie), TableUpdateMode.Replace, ct);
            return new CyclusVersie(cyclus, null, antwoord.Headers.ETag!.Value.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new GelijktijdigeWijzigingException($"Rapportagecyclus {cyclus.Id} is gelijktijdig gewijzigd.", ex);
        }
    }

    public async Task SchrijfMomentopnameAsync(string cyclusId, string runId, VoortgangData data, CancellationToken ct)
    {
        var tabel = await tabellen.MomentopnamenAsync(ct);
        var partitie = partities.MomentopnamePartitie(cyclusId, runId);
        var rijen = VoortgangRijen.Naar(data, (soort, id) => (partitie, TableKeys.MomentopnameRij(soort, id)));

        // Add, never upsert: a snapshot row that exists is never overwritten (the transaction fails instead).
        await Batches.VoerUitAsync(tabel, rijen.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), ct);
    }

    public async Task<CyclusVersie> LegVastAsync(Rapportagecyclus vastgesteld, string runId, string verwachteVersie, CancellationToken ct)
    {
        var tabel = await tabellen.CycliAsync(ct);
        var rij = Rij(vastgesteld);
        rij[RunKolom] = runId;
        try
        {
            var antwoord = await tabel.UpdateEntityAsync(rij, new ETag(verwachteVersie), TableUpdateMode.Replace, ct);
            return new CyclusVersie(vastgesteld, runId, antwoord.Headers.ETag!.Value.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            throw new GelijktijdigeWijzigingException($"Rapportagecyclus {vastgesteld.Id} is gelijktijdig vastgesteld of gewijzigd.", ex);
        }
    }

    public async Task VerwijderAsync(string cyclusId, string verwachteVersie, CancellationToken ct)
    {
        var tabel = await tabellen.CycliAsync(ct);
        try
        {
            await tabel.DeleteEntityAsync(partities.Cyclus, cyclusId, new ETag(verwachteVersie), ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            throw new GelijktijdigeWijzigingException($"Rapportagecyclus {cyclusId} is gelijktijdig gewijzigd of vastgesteld.", ex);
        }
    }

    public async Task<VoortgangData> LeesMomentopnameAsync(string cyclusId, string runId, CancellationToken ct)
    {
        var tabel = await tabellen.MomentopnamenAsync(ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partities.MomentopnamePartitie(cyclusId, runId)}");
        return await VoortgangRijen.VanAsync(tabel.QueryAsync<TableEntity>(filter, cancellationToken: ct), e => e.RowKey[..e.RowKey.IndexOf('_', StringComparison.Ordinal)]);
    }

    public async Task VerwijderPogingAsync(string cyclusId, string runId, CancellationToken ct)
    {
        var tabel = await tabellen.MomentopnamenAsync(ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partities.MomentopnamePartitie(cyclusId, runId)}");
        var weg = new List<TableTransactionAction>();
        await foreach (var e in tabel.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            weg.Add(new TableTransactionAction(TableTransactionActionType.Delete, e));
        }

        await Batches.VoerUitAsync(tabel, weg, ct);
    }

    public async Task<IReadOnlyList<string>> PogingenAsync(string cyclusId, CancellationToken ct)
    {
        // Partition keys are "{prefix}{cyclusId}_{runId}"; '_' cannot occur in an id, so this range is exactly this cycle's.
        var tabel = await tabellen.MomentopnamenAsync(ct);
        var van = partities.MomentopnameVoorvoegsel(cyclusId);
        var tot = van[..^1] + "`"; // the character after '_'
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {van} and PartitionKey lt {tot}");
        var runs = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var e in tabel.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: ct))
        {
            runs.Add(e.PartitionKey[van.Length..]);
        }

        return [.. runs];
    }

    private static CyclusVersie Versie(TableEntity rij)
    {
        var cyclus = EntityJson.Van<Rapportagecyclus>(rij);
        var behandelaar = rij.GetString(BehandelaarKolom) is { } json ? System.Text.Json.JsonSerializer.Deserialize<Behandelaar>(json, Core.VoortgangJson.Options) : null;
        return new(cyclus with { Behandelaar = behandelaar, GeplandDoor = Door(rij, GeplandKolommen), VastgesteldDoor = Door(rij, VastgesteldKolommen) },
            rij.GetString(RunKolom), rij.ETag.ToString());
    }

    private TableEntity Rij(Rapportagecyclus cyclus)
    {
        var rij = EntityJson.Naar(partities.Cyclus, cyclus.Id, cyclus);
        if (cyclus.Behandelaar is not null)
        {
            rij[BehandelaarKolom] = System.Text.Json.JsonSerializer.Serialize(cyclus.Behandelaar, Core.VoortgangJson.Options);
        }

        Zet(rij, GeplandKolommen, cyclus.GeplandDoor);
        Zet(rij, VastgesteldKolommen, cyclus.VastgesteldDoor);
        return rij;
    }

    private static void Zet(TableEntity rij, (string Naam, string Id) kolommen, Core.Historie.Vastlegger? door)
    {
        if (door is not null)
        {
            rij[kolommen.Naam] = door.Naam;
            rij[kolommen.Id] = door.ObjectId;
        }
    }

    private static Core.Historie.Vastlegger? Door(TableEntity rij, (string Naam, string Id) kolommen) =>
        rij.GetString(kolommen.Id) is { } id ? new(id, rij.GetString(kolommen.Naam) ?? id) : null;
}
