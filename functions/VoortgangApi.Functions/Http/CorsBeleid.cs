using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace VoortgangApi.Functions.Http;

/// <summary>Origins (the public website's) that may read the API from a browser; comma-separated in Cors__AllowedOrigins.</summary>
public sealed class CorsOptions
{
    public const string Sectie = "Cors";

    public string AllowedOrigins { get; set; } = "";

    public bool Toegestaan(string origin) =>
        AllowedOrigins.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(o => o == "*" || string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The app's CORS headers, for the same origins as the platform's CORS (one setting, Cors__AllowedOrigins, which Bicep
/// also passes to siteConfig.cors): the platform answers preflights and adds Access-Control-Allow-Origin for those
/// origins before and after the app; the app adds the same, the headers a page may read, and "*" on the OpenAPI
/// document. A disallowed origin simply gets no Access-Control-Allow-Origin.
/// </summary>
public sealed class CorsBeleid(IOptions<CorsOptions> opties)
{
    private const string OpenbaarVoorIedereen = "/openapi.";
    private readonly CorsOptions _opties = opties.Value;

    public void VoegToe(HttpContext context)
    {
        var response = context.Response;
        response.Headers.Append("Vary", "Origin");
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || context.Request.Path.Value?.Contains(OpenbaarVoorIedereen, StringComparison.Ordinal) == true)
        {
            return; // the OpenAPI functions send "*" themselves
        }

        if (_opties.Toegestaan(origin))
        {
            response.Headers.AccessControlAllowOrigin = origin;
            response.Headers.AccessControlExposeHeaders = "ETag, Link, Location, API-Version";
        }
    }

    /// <summary>
    /// An OPTIONS that reaches the app (the platform answers real preflights itself): 204 with what may be asked, CORS
    /// headers only for allowed origins.
    /// </summary>
    public static void Voorcontrole(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status204NoContent;
        response.Headers.Allow = "GET, HEAD, OPTIONS";
        if (response.Headers.AccessControlAllowOrigin.Count > 0 || context.Request.Path.Value?.Contains(OpenbaarVoorIedereen, StringComparison.Ordinal) == true)
        {
            response.Headers.AccessControlAllowOrigin = response.Headers.AccessControlAllowOrigin.Count > 0 ? response.Headers.AccessControlAllowOrigin : "*";
            response.Headers.AccessControlAllowMethods = "GET, HEAD, OPTIONS";
            response.Headers.AccessControlAllowHeaders = "If-None-Match, Content-Type";
            response.Headers.AccessControlMaxAge = "600";
        }
    }
}
