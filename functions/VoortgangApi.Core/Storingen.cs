namespace VoortgangApi.Core;

/// <summary>
/// Tells an outage of the store (retry later: 503) from a bug (500). The storage project registers the one that knows
/// its SDK's failures, so the layers above recognise an outage without referencing storage.
/// </summary>
public interface IStoringsherkenner
{
    /// <summary>True when the store could not be reached, was overloaded or failed on its side: a retry later may succeed.</summary>
    bool IsOnbereikbaar(Exception fout);

    /// <summary>A one-line description for the log: the kind of failure and the store's status, without a stack trace.</summary>
    string Omschrijving(Exception fout);
}
