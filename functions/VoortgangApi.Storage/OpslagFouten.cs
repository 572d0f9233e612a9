using System.Net.Sockets;
using Azure;
using VoortgangApi.Core;

namespace VoortgangApi.Storage;

/// <summary>Classifies storage failures for the layers above, which must not know the Azure SDK's types (registered as <see cref="IStoringsherkenner"/>).</summary>
public static class OpslagFouten
{
    /// <summary>
    /// True when storage could not be reached, was overloaded or failed on its side: a retry later may succeed, so the
    /// answer is 503 with Retry-After, never 500. Covers what the SDK throws after its own retries (an AggregateException
    /// of the tries), time-outs (TaskCanceledException without the request being aborted) and refused connections.
    /// </summary>
    public static bool IsOnbereikbaar(Exception ex) => ex switch
    {
        RequestFailedException rfe => rfe.Status is 0 or 408 or 429 or 500 or 502 or 503 or 504,
        HttpRequestException or SocketException or TimeoutException or IOException => true,
        OperationCanceledException oce => oce.InnerException is null || IsOnbereikbaar(oce.InnerException),
        AggregateException agg => agg.InnerExceptions.Count > 0 && agg.InnerExceptions.All(IsOnbereikbaar),
        _ => ex.InnerException is { } inner && IsOnbereikbaar(inner),
    };

    /// <summary>A one-line description for the log: the kind of failure and the storage status, without a stack trace.</summary>
    public static string Omschrijving(Exception ex) => ex switch
    {
        RequestFailedException rfe => $"{rfe.Status} {rfe.ErrorCode}".Trim(),
        AggregateException { InnerExceptions.Count: > 0 } agg => $"{agg.InnerExceptions.Count} pogingen; laatste: {Omschrijving(agg.InnerExceptions[^1])}",
        _ => ex.InnerException is { } inner && ex is not RequestFailedException ? $"{ex.GetType().Name} ({Omschrijving(inner)})" : ex.GetType().Name,
    };
}

/// <summary>The store's outage recognition as a service: what <see cref="OpslagFouten"/> knows of the Azure SDK.</summary>
internal sealed class Opslagstoringen : IStoringsherkenner
{
    public bool IsOnbereikbaar(Exception fout) => OpslagFouten.IsOnbereikbaar(fout);

    public string Omschrijving(Exception fout) => OpslagFouten.Omschrijving(fout);
}
