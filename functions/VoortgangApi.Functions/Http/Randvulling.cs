using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using VoortgangApi.Core;
using VoortgangApi.Functions.Rand;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// A request forwarded by the edge (it carries <see cref="RandOptions.Vulheader"/>) will be kept there until the next
/// purge. So it must not be answered from a state this instance read before the request arrived: another instance's
/// write, already purged from the edge, may not have reached this one's memory yet (the version check runs every few
/// seconds). Its links name the public host the client asked for (X-Forwarded-Host), not the origin's own.
/// </summary>
public sealed class Randvulling(IOptions<RandOptions> opties, TimeProvider tijd)
{
    private readonly RandOptions _opties = opties.Value;

    /// <summary>Null for a request that does not come from the edge; otherwise a scope that ends the freshness demand.</summary>
    public IDisposable? Begin(HttpRequest req)
    {
        if (!_opties.Aan || !req.Headers.ContainsKey(_opties.Vulheader))
        {
            return null;
        }

        var host = req.Headers["X-Forwarded-Host"].ToString().Split(',')[0].Trim();
        if (host.Length > 0 && Uri.CheckHostName(HostString.FromUriComponent(host).Host) != UriHostNameType.Unknown)
        {
            req.Host = HostString.FromUriComponent(host);
        }

        var schema = req.Headers["X-Forwarded-Proto"].ToString().Split(',')[0].Trim();
        if (schema is "https" or "http")
        {
            req.Scheme = schema;
        }

        return Versheid.EisVersSinds(tijd.GetUtcNow());
    }
}
