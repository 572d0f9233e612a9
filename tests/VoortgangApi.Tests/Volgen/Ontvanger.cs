using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VoortgangApi.Tests.Volgen;

/// <summary>
/// A webhook receiver on loopback, as a subscriber runs one: /haak/{naam} echoes the challenge of a GET (unless told
/// not to) and keeps every POST with its headers; per name a list of status codes to answer first (500, 500, …), and a
/// delay per POST to keep deliveries in flight.
/// </summary>
public sealed class Ontvanger : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _statussen = new();

    public sealed record Ontvangen(string Naam, IHeaderDictionary Headers, string Body, DateTimeOffset Op);

    public ConcurrentQueue<Ontvangen> Berichten { get; } = new();
    public ConcurrentBag<string> Weigert { get; } = [];
    public TimeSpan Vertraging { get; set; }

    private Ontvanger(WebApplication app) => _app = app;

    public string Url(string naam) => $"{_app.Urls.First()}/haak/{naam}";

    public void AntwoordEerst(string naam, params int[] statussen) => _statussen[naam] = new ConcurrentQueue<int>(statussen);

    public IReadOnlyList<Ontvangen> Van(string naam) => [.. Berichten.Where(b => b.Naam == naam)];

    public static async Task<Ontvanger> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var ontvanger = new Ontvanger(app);
        app.MapGet("/haak/{naam}", (string naam, HttpRequest req) =>
            ontvanger.Weigert.Contains(naam) ? Results.Text("nee") : Results.Text(req.Query["hub.challenge"].ToString()));
        app.MapPost("/haak/{naam}", async (string naam, HttpRequest req) =>
        {
            using var lezer = new StreamReader(req.Body);
            var body = await lezer.ReadToEndAsync();
            var headers = new HeaderDictionary();
            foreach (var (k, v) in req.Headers)
            {
                headers[k] = v;
            }

            ontvanger.Berichten.Enqueue(new Ontvangen(naam, headers, body, DateTimeOffset.UtcNow));
            if (ontvanger.Vertraging > TimeSpan.Zero)
            {
                await Task.Delay(ontvanger.Vertraging);
            }

            return ontvanger._statussen.TryGetValue(naam, out var q) && q.TryDequeue(out var status) ? Results.StatusCode(status) : Results.NoContent();
        });
        await app.StartAsync();
        return ontvanger;
    }

    /// <summary>Waits (bounded) until the condition holds on what arrived.</summary>
    public static async Task WachtAsync(Func<bool> voorwaarde, TimeSpan limiet)
    {
        var tot = DateTime.UtcNow + limiet;
        while (!voorwaarde() && DateTime.UtcNow < tot)
        {
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
