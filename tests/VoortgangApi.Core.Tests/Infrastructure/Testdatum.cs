using System.Globalization;
using VoortgangApi.Core;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>Dates the tests write with: the Dutch date (the API's "today" is Amsterdam's), as the wire shows it.</summary>
internal static class Testdatum
{
    /// <summary>Yesterday in Amsterdam, yyyy-MM-dd: a peildatum that is never in the future.</summary>
    public static string Gisteren => TimeProvider.System.Vandaag().AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
