using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using VoortgangApi.LocalHost.Rpc;
using Yarp.ReverseProxy.Forwarder;

namespace VoortgangApi.LocalHost;

/// <summary>
/// An HTTP request to a function, as the Azure host's HTTP proxying handles it (FunctionInvocationMiddleware,
/// DefaultHttpProxyService, ScriptInvocationContextExtensions): match a route and method, else 404 with no body;
/// check the key, else 401 with no body; set <c>x-ms-invocation-id</c>, start forwarding the request unchanged to the
/// worker's HTTP endpoint, then send the InvocationRequest (an empty RpcHttp, route and query values as trigger
/// metadata). The worker writes the whole answer; the host adds nothing but a 500 when the invocation failed before
/// any answer started.
/// </summary>
internal sealed class HttpAanroepen(Werker werker, Sleutels sleutels, Doorgeefhop hop, IOptions<LokaleHostOpties> opties, ILogger<HttpAanroepen> logger)
{
    public const string InvocatieHeader = "x-ms-invocation-id";
    private static readonly TimeSpan Wachttijd = TimeSpan.FromSeconds(30);

    public async Task VoerUitAsync(HttpContext ctx)
    {
        Verbinding verbinding;
        try
        {
            verbinding = await werker.GereedAsync(Wachttijd, ctx.RequestAborted);
        }
        catch (TimeoutException)
        {
            ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable; // the host without a running worker
            return;
        }

        if (verbinding.Routes.Zoek(ctx.Request.Method, ctx.Request.Path) is not { } gevonden)
        {
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var (functie, waarden) = gevonden;
        if (!sleutels.Toegestaan(functie.Trigger.AuthLevel, ctx.Request))
        {
            ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limiet)
        {
            limiet.MaxRequestBodySize = opties.Value.BodyLimiet;
        }

        var id = Guid.NewGuid().ToString();
        ctx.Request.Headers[InvocatieHeader] = id; // overwrite: a client's own value must not pair another invocation
        var doorgestuurd = hop.StuurAsync(ctx, verbinding.HttpUri);
        InvocationResponse? antwoord = null;
        try
        {
            antwoord = await verbinding.RoepAanAsync(Aanroep(id, functie, waarden, ctx.Request), Doorgeefhop.Looptijd, ctx.RequestAborted);
        }
        catch (Exception ex) when (ex is IOException or TimeoutException)
        {
            logger.LogError("Aanroep {Functie} ({Id}) kreeg geen antwoord van de werker: {Fout}", functie.Naam, id, ex.Message);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // the client left; InvocationCancel went to the worker
        }

        var fout = await doorgestuurd;
        if (antwoord?.Result.Status == StatusResult.Types.Status.Failure)
        {
            logger.LogError("Functie {Functie} ({Id}) mislukte: {Fout}", functie.Naam, id, antwoord.Result.Exception?.Message);
        }

        if ((fout != ForwarderError.None || antwoord?.Result.Status != StatusResult.Types.Status.Success) && !ctx.Response.HasStarted)
        {
            ctx.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    // The HTTP binding's data minus the request itself: route values, query values (not the key), Query and Headers as JSON.
    private static InvocationRequest Aanroep(string id, Functie functie, RouteValueDictionary waarden, HttpRequest req)
    {
        var aanroep = new InvocationRequest
        {
            InvocationId = id,
            FunctionId = functie.Id,
            InputData = { new ParameterBinding { Name = functie.Trigger.Name, Data = new TypedData { Http = new RpcHttp() } } },
            TraceContext = new RpcTraceContext { TraceParent = Activity.Current?.Id ?? "", TraceState = Activity.Current?.TraceStateString ?? "" },
        };
        var query = req.Query.Where(q => !string.Equals(q.Key, "code", StringComparison.OrdinalIgnoreCase)).ToDictionary(q => q.Key, q => q.Value.ToString());
        foreach (var (naam, waarde) in query)
        {
            aanroep.TriggerMetadata[naam] = new TypedData { String = waarde };
        }

        foreach (var (naam, waarde) in waarden)
        {
            aanroep.TriggerMetadata[naam] = new TypedData { String = waarde?.ToString() ?? "" };
        }

        aanroep.TriggerMetadata["Query"] = new TypedData { Json = JsonSerializer.Serialize(query) };
        aanroep.TriggerMetadata["Headers"] = new TypedData { Json = JsonSerializer.Serialize(req.Headers.ToDictionary(h => h.Key, h => h.Value.ToString())) };
        return aanroep;
    }
}
