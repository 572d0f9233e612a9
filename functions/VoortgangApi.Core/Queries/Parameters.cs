namespace VoortgangApi.Core.Queries;

/// <summary>
/// Query-string values as the HTTP layer received them, checked in one pass so that a 400 lists every
/// problem at once. Unknown keys and repeated keys are errors: a typo must not silently widen a result.
/// </summary>
public sealed partial class Parameters
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string?>> _waarden;
    private readonly List<OngeldigeInvoer> _fouten = [];

    public Parameters(IReadOnlyDictionary<string, IReadOnlyList<string?>> waarden, IReadOnlyCollection<string> toegestaan)
    {
        _waarden = waarden;
        foreach (var naam in waarden.Keys.Where(k => !toegestaan.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
        {
            Fout(naam, "onbekendeParameter", $"onbekende parameter; toegestaan: {string.Join(", ", toegestaan)}.");
        }
    }

    public static IReadOnlyDictionary<string, IReadOnlyList<string?>> Geen { get; } =
        new Dictionary<string, IReadOnlyList<string?>>();

    public IReadOnlyList<OngeldigeInvoer> Fouten => _fouten;

    public void Fout(string naam, string code, string reden) => _fouten.Add(new OngeldigeInvoer(naam, code, reden));

    /// <summary>The single value of <paramref name="naam"/>, or null when absent; an error when repeated or empty.</summary>
    public string? Tekst(string naam, int maxLengte = 100)
    {
        if (!_waarden.TryGetValue(naam, out var lijst) || lijst.Count == 0)
        {
            return null;
        }

        if (lijst.Count > 1)
        {
            Fout(naam, "herhaald", "geef deze parameter hooguit één keer op.");
            return null;
        }

        var waarde = lijst[0]?.Trim();
        if (string.IsNullOrEmpty(waarde))
        {
            Fout(naam, "leeg", "de waarde mag niet leeg zijn.");
            return null;
        }

        if (waarde.Length > maxLengte)
        {
            Fout(naam, "teLang", $"de waarde is langer dan {maxLengte} tekens.");
            return null;
        }

        // Control characters and lone surrogates never belong in a value; a value of only invisible characters
        // (zero-width space, a lone combining accent) would silently match everything.
        if (waarde.Any(char.IsControl) || HeeftLosseSurrogaat(waarde))
        {
            Fout(naam, "stuurteken", "de waarde bevat een stuurteken of een ongeldig Unicode-teken.");
            return null;
        }

        if (!waarde.Any(char.IsLetterOrDigit) && !waarde.Any(char.IsPunctuation) && !waarde.Any(char.IsSymbol))
        {
            Fout(naam, "onzichtbaar", "de waarde bevat geen zichtbare tekens.");
            return null;
        }

        return waarde.Normalize(System.Text.NormalizationForm.FormC);
    }

    private static bool HeeftLosseSurrogaat(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsSurrogatePair(s, i))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An integer in [min, max], <paramref name="standaard"/> when absent.</summary>
    public int Geheel(string naam, int standaard, int min, int max)
    {
        var tekst = Tekst(naam, 10);
        if (tekst is null)
        {
            return standaard;
        }

        if (!int.TryParse(tekst, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var getal)
            || getal < min || getal > max)
        {
            Fout(naam, "buitenBereik", $"geef een geheel getal van {min} tot en met {max}.");
            return standaard;
        }

        return getal;
    }

    /// <summary>One or more comma-separated values from a fixed list (status=gepland,vertraagd), or null when absent.</summary>
    public IReadOnlySet<string>? Keuzes(string naam, IReadOnlyCollection<string> toegestaan)
    {
        var waarden = Lijst(naam);
        return waarden is null || !Binnen(naam, waarden, toegestaan) ? null : waarden;
    }

    /// <summary>One or more comma-separated values whose allowed list is known only later (ids in the data), or null when absent.</summary>
    public IReadOnlySet<string>? Lijst(string naam) =>
        Tekst(naam, 300) is { } tekst ? tekst.Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal) : null;

    /// <summary>Whether every value is allowed; if not, the error names those that are not and what may be chosen.</summary>
    public bool Binnen(string naam, IReadOnlySet<string> waarden, IReadOnlyCollection<string> toegestaan)
    {
        var fout = waarden.Where(w => !toegestaan.Contains(w, StringComparer.Ordinal)).ToList();
        if (fout.Count > 0)
        {
            Fout(naam, "onbekendeWaarde", $"'{Kort(string.Join(",", fout))}' is geen geldige waarde; kies een of meer (met komma's) uit: {string.Join(", ", toegestaan)}.");
        }

        return fout.Count == 0;
    }

    /// <summary>A value from a fixed list, or null when absent.</summary>
    public string? Keuze(string naam, IReadOnlyCollection<string> toegestaan)
    {
        var tekst = Tekst(naam);
        if (tekst is not null && !toegestaan.Contains(tekst, StringComparer.Ordinal))
        {
            Fout(naam, "onbekendeWaarde", $"'{Kort(tekst)}' is geen geldige waarde; kies uit: {string.Join(", ", toegestaan)}.");
            return null;
        }

        return tekst;
    }

    /// <summary>A date (JJJJ-MM-DD) from 2000-01-01 on, or null when absent.</summary>
    public DateOnly? Datum(string naam)
    {
        var tekst = Tekst(naam, 10);
        if (tekst is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(tekst, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var datum)
            || datum < Validation.Datums.Vroegst)
        {
            Fout(naam, "ongeldigeDatum", "geef een datum als JJJJ-MM-DD, vanaf 2000-01-01.");
            return null;
        }

        return datum;
    }

    /// <summary>A moment in ISO 8601 with a zone (2024-11-18T12:00:00Z), or null when absent.</summary>
    public DateTimeOffset? Moment(string naam)
    {
        var tekst = Tekst(naam, 40);
        if (tekst is null)
        {
            return null;
        }

        if (!MomentPatroon().IsMatch(tekst)
            || !DateTimeOffset.TryParse(tekst, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var moment)
            || moment.Year < 2000)
        {
            Fout(naam, "ongeldigMoment", "geef een moment als 2024-11-18T12:00:00Z (ISO 8601 met Z of een tijdzone), vanaf 2000.");
            return null;
        }

        return moment.ToUniversalTime();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex MomentPatroon();

    // Echoing user input back is useful, but only a short, harmless slice of it.
    public static string Kort(string waarde) => waarde.Length <= 40 ? waarde : waarde[..40] + "…";
}
