namespace VoortgangApi.Core;

/// <summary>The kinds of failure the core reports; the HTTP layer maps each to one status code.</summary>
public enum ProbleemSoort
{
    OngeldigeInvoer,
    NietGevonden,
    Conflict,
    VoorwaardeMislukt,
    VoorwaardeVereist,
    Onverwerkbaar,
    Onbeschikbaar,
    TeGroot,

    /// <summary>A limit is reached; <see cref="Probleem.Wacht"/> says when a new try makes sense.</summary>
    TeVeel,
}

/// <summary>One invalid input: which parameter or field, a machine code and a Dutch reason.</summary>
public sealed record OngeldigeInvoer(string Naam, string Code, string Reden);

/// <summary>Why an operation did not succeed. Never contains stack traces or personal data.</summary>
public sealed record Probleem(ProbleemSoort Soort, string Detail, IReadOnlyList<OngeldigeInvoer> Fouten, TimeSpan? Wacht = null)
{
    public static Probleem NietGevonden(string detail) => new(ProbleemSoort.NietGevonden, detail, []);
    public static Probleem Conflict(string detail) => new(ProbleemSoort.Conflict, detail, []);

    public static Probleem Ongeldig(IReadOnlyList<OngeldigeInvoer> fouten) =>
        new(ProbleemSoort.OngeldigeInvoer, string.Join(" ", fouten.Select(f => $"{f.Naam}: {f.Reden}")), fouten);
}

/// <summary>Either a value or a problem; the core never throws for bad input.</summary>
public sealed class Resultaat<T>
{
    private Resultaat(T? waarde, Probleem? probleem) => (Waarde, Probleem) = (waarde, probleem);

    public T? Waarde { get; }
    public Probleem? Probleem { get; }
    public bool IsGelukt => Probleem is null;

    public static Resultaat<T> Gelukt(T waarde) => new(waarde, null);
    public static Resultaat<T> Mislukt(Probleem probleem) => new(default, probleem);

    public static implicit operator Resultaat<T>(T waarde) => Gelukt(waarde);
    public static implicit operator Resultaat<T>(Probleem probleem) => Mislukt(probleem);
}
