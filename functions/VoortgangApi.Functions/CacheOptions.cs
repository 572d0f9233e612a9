namespace VoortgangApi.Functions;

/// <summary>How long public answers may be cached, by clients and by this app.</summary>
public sealed class CacheOptions
{
    public const string Sectie = "Cache";

    /// <summary>max-age of current data (Cache-Control: public); cycle-scoped reads are immutable instead.</summary>
    public int MaxAgeSeconden { get; set; } = 60;

    /// <summary>How long the app serves its in-memory data before checking the stored data version again.</summary>
    public int VersieControleSeconden { get; set; } = 5;
}
