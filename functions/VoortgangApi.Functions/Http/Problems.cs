using Microsoft.AspNetCore.Http;
using VoortgangApi.Core;

namespace VoortgangApi.Functions.Http;

/// <summary>RFC 9457 problem body; <c>invalidParams</c> lists every invalid input (ADR /core/error-handling/invalid-input).</summary>
public sealed record ProblemBody(
    string Type, string Title, int Status, string Detail, string? Instance, IReadOnlyList<InvalidParam>? InvalidParams);

public sealed record InvalidParam(string Name, string Code, string Reason);

/// <summary>The one place where error responses are made.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static JsonBodyResult Van(Probleem p, HttpRequest req) => p.Soort switch
    {
        ProbleemSoort.OngeldigeInvoer => Maak(400, "Ongeldige invoer", p.Detail, req,
            [.. p.Fouten.Select(f => new InvalidParam(f.Naam, f.Code, f.Reden))]),
        ProbleemSoort.NietGevonden => Maak(404, "Niet gevonden", p.Detail, req),
        ProbleemSoort.Conflict => Maak(409, "Conflict", p.Detail, req),
        ProbleemSoort.VoorwaardeMislukt => Maak(412, "Voorwaarde mislukt", p.Detail, req),
        ProbleemSoort.VoorwaardeVereist => Maak(428, "Voorwaarde vereist", p.Detail, req),
        ProbleemSoort.Onverwerkbaar => Maak(422, "Niet te verwerken", p.Detail, req),
        ProbleemSoort.TeGroot => Maak(413, "Te groot", p.Detail, req, [.. p.Fouten.Select(f => new InvalidParam(f.Naam, f.Code, f.Reden))]),
        ProbleemSoort.Onbeschikbaar => MetRetryAfter(Maak(503, "Tijdelijk niet beschikbaar", p.Detail, req)),
        ProbleemSoort.TeVeel => MetRetryAfter(Maak(429, "Te veel verzoeken", p.Detail, req), p.Wacht),
        _ => Intern(req),
    };

    public static JsonBodyResult NietGevonden(HttpRequest req) =>
        Maak(404, "Niet gevonden", "Deze URL bestaat niet. Let op: paden eindigen nooit op een schuine streep.", req);

    // Never echo the exception: it can carry connection details or data that is not public.
    public static JsonBodyResult Intern(HttpRequest req) =>
        Maak(500, "Interne fout", "Er ging iets mis aan onze kant. Probeer het later opnieuw.", req);

    public static JsonBodyResult Onbeschikbaar(HttpRequest req) =>
        MetRetryAfter(Maak(503, "Tijdelijk niet beschikbaar", "De opslag is tijdelijk niet bereikbaar. Probeer het later opnieuw.", req));

    /// <summary>401 with the RFC 6750 challenge; <paramref name="fout"/> (e.g. invalid_token) only when a token was sent.</summary>
    public static JsonBodyResult NietAangemeld(HttpRequest req, string? fout, string detail)
    {
        var result = Maak(401, "Niet aangemeld", detail, req);
        result.Headers["WWW-Authenticate"] = fout is null
            ? $"Bearer realm=\"{Realm}\""
            : $"Bearer realm=\"{Realm}\", error=\"{fout}\", error_description=\"{Ascii(detail)}\"";
        return result;
    }

    /// <summary>400 for an Authorization header that is not one well-formed bearer token (RFC 6750 invalid_request).</summary>
    public static JsonBodyResult OngeldigTokenverzoek(HttpRequest req, string detail)
    {
        var result = Maak(400, "Ongeldige invoer", detail, req, [new InvalidParam("Authorization", "ongeldigFormaat", detail)]);
        result.Headers["WWW-Authenticate"] = $"Bearer realm=\"{Realm}\", error=\"invalid_request\"";
        return result;
    }

    /// <summary>403: a valid token without the operation's app role (RFC 6750 insufficient_scope).</summary>
    public static JsonBodyResult RolOntbreekt(HttpRequest req, string rol)
    {
        var result = Maak(403, "Geen toegang", $"Deze operatie vraagt de rol {rol}; het token heeft die rol niet.", req);
        result.Headers["WWW-Authenticate"] = $"Bearer realm=\"{Realm}\", error=\"insufficient_scope\", error_description=\"rol {rol} ontbreekt\"";
        return result;
    }

    /// <summary>403: the token holds the role, but not in this programme (the programme's grants do not name the caller).</summary>
    public static JsonBodyResult NietInProgramma(HttpRequest req, string rol, string programmaId)
    {
        var result = Maak(403, "Geen toegang", $"Het token heeft de rol {rol}, maar niet in programma '{programmaId}': de toegang van dat programma noemt u (of uw groep) niet.", req);
        result.Headers["WWW-Authenticate"] = $"Bearer realm=\"{Realm}\", error=\"insufficient_scope\", error_description=\"rol {rol} niet in dit programma\"";
        return result;
    }

    /// <summary>429: this identity's write budget is spent for now; Retry-After says when the next write is allowed.</summary>
    public static JsonBodyResult TeVeelSchrijfacties(HttpRequest req, TimeSpan wacht)
    {
        var seconden = Math.Max(1, (int)Math.Ceiling(wacht.TotalSeconds));
        var result = Maak(429, "Te veel verzoeken",
            $"Het schrijfbudget van deze identiteit is voorlopig op; probeer het over {seconden} s opnieuw.", req);
        result.Headers["Retry-After"] = seconden.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }

    private const string Realm = "voortgang-api";

    // RFC 6750 §3: error_description is visible ASCII without '"' and '\\'.
    private static string Ascii(string tekst) => new([.. tekst.Where(c => c is >= ' ' and <= '~' and not ('"' or '\\'))]);

    /// <summary>503: the token issuer's keys cannot be fetched, so no token can be judged (never a 401 for the caller's fault).</summary>
    public static JsonBodyResult AanmeldingOnbereikbaar(HttpRequest req) =>
        MetRetryAfter(Maak(503, "Tijdelijk niet beschikbaar", "De aanmeldingsdienst is tijdelijk niet bereikbaar; probeer het later opnieuw.", req));

    // RFC 9110 §10.2.3: tell the client when a retry makes sense.
    private static JsonBodyResult MetRetryAfter(JsonBodyResult result, TimeSpan? wacht = null)
    {
        result.Headers["Retry-After"] = wacht is { } w ? Math.Max(1, (int)Math.Ceiling(w.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) : "5";
        return result;
    }

    public static JsonBodyResult Maak(int status, string titel, string detail, HttpRequest req, IReadOnlyList<InvalidParam>? fouten = null)
    {
        var result = new JsonBodyResult(new ProblemBody("about:blank", titel, status, detail, req.Path.Value, fouten), status, ContentType);
        result.Headers["Cache-Control"] = "no-store";
        return result;
    }
}
