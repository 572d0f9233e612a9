namespace VoortgangApi.Core;

/// <summary>
/// Domain dates (a peildatum, "today", a cycle being due) are dates in the Netherlands; moments stay UTC. Between
/// 00:00 and 01:00 (02:00 in summer) Amsterdam time the UTC date is still yesterday's.
/// </summary>
public static class Domeintijd
{
    /// <summary>Europe/Amsterdam (IANA id; .NET maps it on Windows too).</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>Today's date in the Netherlands.</summary>
    public static DateOnly Vandaag(this TimeProvider tijd) => Datum(tijd.GetUtcNow());

    /// <summary>The Dutch calendar date of a moment.</summary>
    public static DateOnly Datum(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);
}
