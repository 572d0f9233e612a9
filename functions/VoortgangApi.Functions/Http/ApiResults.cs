using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using VoortgangApi.Core;
using VoortgangApi.Core.Queries;

namespace VoortgangApi.Functions.Http;

/// <summary>HAL-style link, as used in <c>_links</c>.</summary>
public sealed record Link(string Href);

/// <summary>Maps core results to responses, so function methods stay one line of binding and one core call.</summary>
public static class ApiResults
{
    /// <summary>The query string as the core reads it, with only the parameters an operation knows.</summary>
    public static Parameters Parameters(this HttpRequest req, IReadOnlyCollection<string> toegestaan) =>
        new(req.Query.ToDictionary(q => q.Key, q => (IReadOnlyList<string?>)q.Value.ToArray(), StringComparer.Ordinal), toegestaan);

    // onveranderlijk: the caller knows the answer can never change (e.g. the differences between two snapshots).
    public static IActionResult Ok<T>(this HttpRequest req, Resultaat<T> resultaat, Func<T, object>? vorm = null, bool onveranderlijk = false) =>
        resultaat.IsGelukt
            ? Openbaar(new JsonBodyResult(vorm is null ? resultaat.Waarde! : vorm(resultaat.Waarde!), StatusCodes.Status200OK), onveranderlijk)
            : Problems.Van(resultaat.Probleem!, req);

    /// <summary>Marks a public answer; <see cref="Cachebeleid"/> gives it its Cache-Control (immutable from a snapshot).</summary>
    public static JsonBodyResult Openbaar(JsonBodyResult result, bool onveranderlijk = false)
    {
        result.Openbaarheid = onveranderlijk ? Openbaarheid.Onveranderlijk : Openbaarheid.Openbaar;
        return result;
    }

    /// <summary>A page with its total, <c>_links</c> in the body and the same links in an RFC 8288 Link header.</summary>
    public static IActionResult Pagina<T>(this HttpRequest req, Resultaat<Pagina<T>> resultaat, string collectie)
    {
        if (!resultaat.IsGelukt)
        {
            return Problems.Van(resultaat.Probleem!, req);
        }

        var p = resultaat.Waarde!;
        var links = new Dictionary<string, Link> { ["self"] = new(PaginaUrl(req, p.Page)) };
        if (p.AantalPaginas > 0)
        {
            links["first"] = new(PaginaUrl(req, 1));
            links["last"] = new(PaginaUrl(req, p.AantalPaginas));
        }

        if (p.Page > 1 && p.AantalPaginas > 0)
        {
            links["prev"] = new(PaginaUrl(req, Math.Min(p.Page - 1, p.AantalPaginas)));
        }

        if (p.Page < p.AantalPaginas)
        {
            links["next"] = new(PaginaUrl(req, p.Page + 1));
        }

        var body = new Dictionary<string, object>
        {
            ["_links"] = links,
            ["totaal"] = p.Totaal,
            ["page"] = p.Page,
            ["pageSize"] = p.PageSize,
            ["aantalPaginas"] = p.AantalPaginas,
            [collectie] = p.Items,
        };
        var result = Openbaar(new JsonBodyResult(body, StatusCodes.Status200OK));
        result.Headers["Link"] = string.Join(", ", links.Select(l => $"<{l.Value.Href}>; rel=\"{l.Key}\""));
        return result;
    }

    /// <summary>A page of the change feed: the cursor in the body, and rel="next" (body and Link header) while more follow.</summary>
    public static IActionResult Wijzigingen(this HttpRequest req, Resultaat<Wijzigingenpagina> resultaat)
    {
        if (!resultaat.IsGelukt)
        {
            return Problems.Van(resultaat.Probleem!, req);
        }

        var p = resultaat.Waarde!;
        var links = new Dictionary<string, Link> { ["self"] = new(UriHelper.BuildAbsolute(req.Scheme, req.Host, req.PathBase, req.Path, req.QueryString)) };
        if (p.MeerBeschikbaar)
        {
            var query = QueryHelpers.ParseQuery(req.QueryString.Value);
            query["na"] = p.Cursor;
            links["next"] = new(UriHelper.BuildAbsolute(req.Scheme, req.Host, req.PathBase, req.Path, QueryString.Create(query.OrderBy(q => q.Key, StringComparer.Ordinal))));
        }

        var body = new Dictionary<string, object> { ["_links"] = links, ["cursor"] = p.Cursor, ["wijzigingen"] = p.Wijzigingen };
        var result = Openbaar(new JsonBodyResult(body, StatusCodes.Status200OK));
        result.Headers["Link"] = string.Join(", ", links.Select(l => $"<{l.Value.Href}>; rel=\"{l.Key}\""));
        return result;
    }

    /// <summary>An Atom feed: current public data (cached and purged like the JSON), with a strong ETag and 304 as every answer.</summary>
    public static IActionResult Atom(this HttpRequest req, Resultaat<Core.Volgen.Feedinhoud> resultaat)
    {
        if (!resultaat.IsGelukt)
        {
            return Problems.Van(resultaat.Probleem!, req);
        }

        var result = new Atomantwoord(Core.Volgen.Atom.Schrijf(resultaat.Waarde!)) { Openbaarheid = Openbaarheid.Openbaar };
        result.Headers["Link"] = $"<{resultaat.Waarde!.Alternate}>; rel=\"alternate\"; type=\"text/html\"";
        return result;
    }

    private sealed class Atomantwoord(byte[] bytes) : Bytesantwoord(StatusCodes.Status200OK, Core.Volgen.Atom.Mediatype)
    {
        public override byte[] Bytes() => bytes;
    }

    private static string PaginaUrl(HttpRequest req, int page)
    {
        var query = QueryHelpers.ParseQuery(req.QueryString.Value);
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        var qs = QueryString.Create(query.OrderBy(q => q.Key, StringComparer.Ordinal));
        return UriHelper.BuildAbsolute(req.Scheme, req.Host, req.PathBase, req.Path, qs);
    }
}
