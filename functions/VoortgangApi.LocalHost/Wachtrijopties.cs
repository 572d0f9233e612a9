using System.Globalization;
using System.Text.Json.Nodes;

namespace VoortgangApi.LocalHost;

/// <summary>
/// host.json <c>extensions.queues</c> with the storage extension's defaults (QueuesOptions): batch size 16, a new batch
/// when half of it is done, at most 5 dequeues before the poison queue, a failed message visible again after 0 s,
/// polling that backs off to at most 1 minute when the queue is empty, base64 messages.
/// </summary>
public sealed record Wachtrijopties(
    int BatchSize = 16, int NewBatchThreshold = 8, int MaxDequeueCount = 5, TimeSpan VisibilityTimeout = default, TimeSpan? MaxPollingInterval = null,
    bool Base64 = true)
{
    /// <summary>The extension's minimum poll interval (QueuePollingIntervals.Minimum).</summary>
    public static readonly TimeSpan MinPolling = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a received message stays invisible while its function runs (QueueListener: 10 minutes, renewed halfway).</summary>
    public static readonly TimeSpan Verwerkingstijd = TimeSpan.FromMinutes(10);

    public TimeSpan Polling => MaxPollingInterval ?? TimeSpan.FromMinutes(1);

    public static Wachtrijopties Lees(JsonNode? hostJson)
    {
        var q = hostJson?["extensions"]?["queues"];
        if (q is null)
        {
            return new();
        }

        var batch = (int?)q["batchSize"] ?? 16;
        return new(batch, (int?)q["newBatchThreshold"] ?? batch / 2, (int?)q["maxDequeueCount"] ?? 5, Duur(q["visibilityTimeout"]) ?? TimeSpan.Zero,
            Duur(q["maxPollingInterval"]), !string.Equals((string?)q["messageEncoding"], "none", StringComparison.OrdinalIgnoreCase));
    }

    // A TimeSpan string ("00:00:02") or, as host.json also allows for maxPollingInterval, milliseconds.
    private static TimeSpan? Duur(JsonNode? waarde) => waarde switch
    {
        null => null,
        JsonValue v when v.TryGetValue<double>(out var ms) => TimeSpan.FromMilliseconds(ms),
        _ => TimeSpan.Parse((string)waarde!, CultureInfo.InvariantCulture),
    };
}
