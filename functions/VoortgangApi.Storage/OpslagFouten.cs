using Azure;

namespace VoortgangApi.Storage;

/// <summary>Classifies storage failures for the HTTP layer, which must not know the Azure SDK's types.</summary>
public static class OpslagFouten
{
    /// <summary>True when storage could not be reached or was overloaded: a retry may succeed.</summary>
    public static bool IsOnbereikbaar(Exception ex) =>
        ex is HttpRequestException || ex.InnerException is HttpRequestException
        || (ex is RequestFailedException rfe && rfe.Status is 0 or 503);
}
