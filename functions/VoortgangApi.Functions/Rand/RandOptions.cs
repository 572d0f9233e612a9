using System.ComponentModel.DataAnnotations;

namespace VoortgangApi.Functions.Rand;

/// <summary>The edge cache in front of the API (section <c>Rand</c>): which one, where its purge goes, how long it keeps answers.</summary>
public sealed class RandOptions
{
    public const string Sectie = "Rand";
    public const string Varnish = "Varnish";
    public const string FrontDoor = "FrontDoor";

    /// <summary>Empty: no edge (answers carry no s-maxage, nothing is purged); <c>Varnish</c> or <c>FrontDoor</c>.</summary>
    [RegularExpression("^(|Varnish|FrontDoor)$")]
    public string Soort { get; set; } = "";

    /// <summary>Varnish: its address (the purge is an HTTP PURGE per path there, e.g. http://127.0.0.1:7070).</summary>
    public string? Adres { get; set; }

    /// <summary>Front Door: the endpoint's resource id (/subscriptions/…/profiles/{profile}/afdEndpoints/{endpoint}).</summary>
    public string? EndpointId { get; set; }

    /// <summary>How long the edge keeps current data (s-maxage): it is purged on every commit, so this may be long.</summary>
    [Range(1, 86400)]
    public int SMaxAgeSeconden { get; set; } = 3600;

    /// <summary>
    /// A second purge this long after the first: an edge fill that was already on its way when the commit happened (its
    /// state read before it) arrives after the first purge; the second drops it.
    /// </summary>
    [Range(0, 600)]
    public int NaspoelSeconden { get; set; } = 10;

    /// <summary>
    /// The header the edge adds to every request it forwards (Front Door: X-Azure-FDID; the VCL sets the same). A request
    /// with it fills the edge: it is answered from a state read after it arrived, and its X-Forwarded-Host names the links.
    /// </summary>
    public string Vulheader { get; set; } = "X-Azure-FDID";

    public bool Aan => Soort.Length > 0;
}
