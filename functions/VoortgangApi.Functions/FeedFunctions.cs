using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoortgangApi.Core.Volgen;
using VoortgangApi.Functions.Http;
using VoortgangApi.Functions.Programmas;

namespace VoortgangApi.Functions;

/// <summary>The Atom feeds of the log: per programme, per theme and per solution direction, for a feed reader.</summary>
public sealed class FeedFunctions(Programmakeuze programmas)
{
    [Function("getFeed")]
    public Task<IActionResult> GetFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/feed")] HttpRequest req, CancellationToken ct) =>
        Feed(req, null, Feedbereik.HeelProgramma, ct);

    [Function("getProgrammaFeed")]
    public Task<IActionResult> GetProgrammaFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + "feed")] HttpRequest req, string programmaId, CancellationToken ct) =>
        Feed(req, programmaId, Feedbereik.HeelProgramma, ct);

    [Function("getThemaFeed")]
    public Task<IActionResult> GetThemaFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/themas/{themaId}/feed")] HttpRequest req, string themaId, CancellationToken ct) =>
        Feed(req, null, new(Feedbereik.Thema, themaId), ct);

    [Function("getProgrammaThemaFeed")]
    public Task<IActionResult> GetProgrammaThemaFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + "themas/{themaId}/feed")] HttpRequest req,
        string programmaId, string themaId, CancellationToken ct) =>
        Feed(req, programmaId, new(Feedbereik.Thema, themaId), ct);

    [Function("getOplossingsrichtingFeed")]
    public Task<IActionResult> GetOplossingsrichtingFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "v1/oplossingsrichtingen/{id}/feed")] HttpRequest req, string id, CancellationToken ct) =>
        Feed(req, null, new(Feedbereik.Item, id), ct);

    [Function("getProgrammaOplossingsrichtingFeed")]
    public Task<IActionResult> GetProgrammaOplossingsrichtingFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = Programmaroute.Pad + "oplossingsrichtingen/{id}/feed")] HttpRequest req,
        string programmaId, string id, CancellationToken ct) =>
        Feed(req, programmaId, new(Feedbereik.Item, id), ct);

    private Task<IActionResult> Feed(HttpRequest req, string? programmaId, Feedbereik bereik, CancellationToken ct) =>
        req.In(programmas, programmaId, async p => req.Atom(await p.Feeds.FeedAsync(bereik, req.Parameters([]), ct)), ct);
}
