namespace VoortgangApi.Storage;

/// <summary>
/// Every table name, partition key and row key is built here. The key design:
/// <list type="bullet">
/// <item><c>historie</c> — the progress log, append-only. One partition (<c>log</c>) holds three kinds of row:
/// <c>r{number:D12}</c> per line (the line as JSON in <c>Data</c>, who recorded it in <c>VastgelegdDoor</c> (display name) and <c>VastgelegdDoorId</c> (directory object id), personal data
/// kept apart from the public line), and <c>i{sha256}</c> per Idempotency-Key. An append is one entity-group transaction
/// that inserts the rows numbered after the last line the writer read (and its key): a number or key that exists fails
/// the whole transaction, so lines commit in number order with no gaps, an overtaken writer reads again, and a key is
/// used at most once. (Stores written before 1.6 also hold a <c>teller</c> row with the last number; nothing reads it.)
/// Reading "everything after n" is one range scan; the zero-padded number keeps RowKey order equal to number order.</item>
/// <item><c>cycli</c> — reporting cycles. PartitionKey = <c>cyclus</c>, RowKey = cycle id: one partition, so the list
/// is one range scan and the cycle row is the single commit marker of its snapshot (updated with If-Match).</item>
/// <item><c>momentopnamen</c> — snapshot rows, insert-only. PartitionKey = <c>{cycleId}_{runId}</c>, RowKey =
/// <c>{kind}_{id}</c>. One partition per attempt, so a snapshot of any size is written in 100-row transactions,
/// read back with one partition scan, and an abandoned attempt never mixes with the committed one.</item>
/// <item><c>programmas</c> — the programmes. PartitionKey = programme id; RowKey <c>programma</c> is the programme (its
/// description as JSON, its grants in <c>Toegang</c>, updated with If-Match), and <c>a{ticks}</c> one audit row per change
/// (who, what), inserted in the same transaction.</item>
/// </list>
/// Every programme has partitions of its own (<see cref="Partities"/>): the standard programme keeps the keys above, so a
/// store written before programmes existed is read as that programme without a change; another programme's keys carry
/// its id. A write to one programme never touches another's partition.
/// </summary>
internal static class TableKeys
{
    public const string Thema = "thema";
    public const string Knelpunt = "knelpunt";
    public const string Oplossingsrichting = "oplossingsrichting";
    public const string Partij = "partij";
    public const string Cyclus = "cyclus";

    public const string Log = "log";
    public const string DataKolom = "Data";
    public const string DoorKolom = "VastgelegdDoor";
    public const string DoorIdKolom = "VastgelegdDoorId";
    public const string VolgnummerKolom = "Volgnummer";
    public const string BodyHashKolom = "BodyHash";

    public static string HistorieTabel(string prefix) => prefix + "historie";
    public static string CycliTabel(string prefix) => prefix + "cycli";
    public static string MomentopnameTabel(string prefix) => prefix + "momentopnamen";
    public static string ProgrammaTabel(string prefix) => prefix + "programmas";

    /// <summary>Webhook subscriptions: partition = programme, row = subscription id; the delivery cursor of each programme in partition <see cref="CursorPartitie"/>.</summary>
    public static string AbonnementTabel(string prefix) => prefix + "abonnementen";

    public const string CursorPartitie = "_cursor";

    public const string ProgrammaRij = "programma";
    public const string ToegangKolom = "Toegang";

    public static string ProgrammaAudit(DateTimeOffset op) => "a" + op.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6];

    public static string MomentopnameRij(string soort, string id) => $"{soort}_{id}";

    public static string Regel(long volgnummer) => "r" + volgnummer.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Past every line's row key (and before an old store's <c>teller</c>): the upper bound of a scan of lines.</summary>
    public const string RegelsTot = "s";

    public static string Idempotentie(string sleutelHash) => "i" + sleutelHash;
}

/// <summary>
/// The partitions of one programme. The standard programme keeps the keys of the time before programmes (<c>log</c>,
/// <c>cyclus</c>, <c>{cycleId}_{runId}</c>); another's carry its id (<c>log_{id}</c>, <c>cyclus_{id}</c>,
/// <c>{id}.{cycleId}_{runId}</c>). Ids are slugs ([a-z0-9-]), so '_' and '.' keep the forms apart.
/// </summary>
internal sealed record Partities(VoortgangApi.Core.Programmas.Programmacontext Programma)
{
    public string Log => Programma.IsStandaard ? TableKeys.Log : $"{TableKeys.Log}_{Programma.Id}";

    public string Cyclus => Programma.IsStandaard ? TableKeys.Cyclus : $"{TableKeys.Cyclus}_{Programma.Id}";

    public string MomentopnamePartitie(string cyclusId, string runId) => $"{MomentopnameVoorvoegsel(cyclusId)}{runId}";

    /// <summary>Every attempt of this cycle, and of no other cycle or programme, has a partition key that starts with this.</summary>
    public string MomentopnameVoorvoegsel(string cyclusId) => Programma.IsStandaard ? $"{cyclusId}_" : $"{Programma.Id}.{cyclusId}_";
}
