namespace VoortgangApi.Storage;

/// <summary>
/// Every table name, partition key and row key is built here. The key design:
/// <list type="bullet">
/// <item><c>voortgang</c> — the current state. PartitionKey = kind (<c>thema</c>, <c>knelpunt</c>,
/// <c>oplossingsrichting</c>, <c>partij</c>), RowKey = the stable id. The set is small (tens of rows, thousands
/// at most), so one table read serves every query, a point read needs no scan, and an import writes each kind as
/// entity-group transactions of up to 100 rows within one partition.</item>
/// <item><c>cycli</c> — reporting cycles. PartitionKey = <c>cyclus</c>, RowKey = cycle id: one partition, so the list
/// is one range scan and the cycle row is the single commit marker of its snapshot (updated with If-Match).</item>
/// <item><c>momentopnamen</c> — snapshot rows, insert-only. PartitionKey = <c>{cycleId}_{runId}</c>, RowKey =
/// <c>{kind}_{id}</c>. One partition per attempt, so a snapshot of any size is written in 100-row transactions,
/// read back with one partition scan, and an abandoned attempt never mixes with the committed one.</item>
/// </list>
/// </summary>
internal static class TableKeys
{
    public const string Thema = "thema";
    public const string Knelpunt = "knelpunt";
    public const string Oplossingsrichting = "oplossingsrichting";
    public const string Partij = "partij";
    public const string Cyclus = "cyclus";

    /// <summary>One row (meta/versie) in <c>voortgang</c> whose value changes with every write: the caches' data version.</summary>
    public const string Meta = "meta";
    public const string Versie = "versie";

    public static string VoortgangTabel(string prefix) => prefix + "voortgang";
    public static string CycliTabel(string prefix) => prefix + "cycli";
    public static string MomentopnameTabel(string prefix) => prefix + "momentopnamen";

    public static string MomentopnamePartitie(string cyclusId, string runId) => $"{cyclusId}_{runId}";
    public static string MomentopnameRij(string soort, string id) => $"{soort}_{id}";
}
