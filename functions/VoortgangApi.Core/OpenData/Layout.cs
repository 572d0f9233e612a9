namespace VoortgangApi.Core.OpenData;

/// <summary>The stable paths of the open-data container: people bookmark these, so they never change.</summary>
public static class Layout
{
    public const string Catalogus = "v1/catalogus.jsonld";
    public const string Feed = "v1/feed.atom";
    public const string Laatste = "v1/latest.json";
    public const string Controlelijst = "SHA256SUMS";

    public static string Map(string cyclusId) => $"v1/cycli/{cyclusId}/";

    public static string Pad(string cyclusId, string bestand) => Map(cyclusId) + bestand;
}
