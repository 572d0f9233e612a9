using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VoortgangApi.Core;
using VoortgangApi.Core.Historie;
using Microsoft.Extensions.Logging.Abstractions;
using VoortgangApi.Functions;
using VoortgangApi.Functions.Http;
using VoortgangApi.Storage;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Unit;

/// <summary>What the worker's ApiMiddleware makes of a failure in a function or while its result is written.</summary>
public class ApiMiddlewareTests
{
    // The middleware as the worker builds it: its services through the constructor, storage's outage recognition included.
    private static ApiMiddleware Middleware()
    {
        var opties = Options.Create(new CacheOptions());
        var versheid = new Versheid(new Wijzigingsteller(), TimeProvider.System, TimeSpan.FromSeconds(5));
        var logboek = new Logboek(new InMemoryHistorieStore(), versheid);
        return new ApiMiddleware(new Antwoordcache(TimeProvider.System, opties, new Core.Programmas.Programma("standaard", "Standaard", "Standaard", ["Ministerie"])),
            new CorsBeleid(Options.Create(new CorsOptions())), new Cachebeleid(opties, Options.Create(new Functions.Rand.RandOptions()), _ => logboek), new Opslagstoringen(),
            new Randvulling(Options.Create(new Functions.Rand.RandOptions()), TimeProvider.System), NullLogger<ApiMiddleware>.Instance);
    }

    private static async Task<(HttpContext Context, JsonElement Body)> Voer(Func<Task<IActionResult?>> functie)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/api/v1/rapportagecycli/x";
        context.Response.Body = new MemoryStream();

        await Middleware().InvokeAsync(context, functie);

        context.Response.Body.Position = 0;
        return (context, await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    public async Task AStorageFaultFromTheSdkBecomesProblem503WithRetryAfter(int status)
    {
        var (context, body) = await Voer(() => throw new RequestFailedException(status, "opslagfout"));

        Assert.Equal(503, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        Assert.Equal(503, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(context.Response.Headers.RetryAfter));
    }

    [Fact]
    public async Task ANetworkErrorToStorageBecomesProblem503()
    {
        var (context, _) = await Voer(() => throw new HttpRequestException("verbinding verbroken"));

        Assert.Equal(503, context.Response.StatusCode);
    }

    [Fact]
    public async Task AnExceptionThatIsNotAStorageFaultIsAProblem500ThatHidesItsMessage()
    {
        var (context, body) = await Voer(() => throw new InvalidOperationException("een fout in de code"));

        Assert.Equal(500, context.Response.StatusCode);
        Assert.DoesNotContain("fout in de code", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExceptionWhileTheResultIsWrittenIsMappedLikeOneInTheFunction()
    {
        // In the worker the result is written inside the middleware (WorkerApiMiddleware), so a throwing result is caught.
        var (context, body) = await Voer(() => Task.FromResult<IActionResult?>(new WerptBijSchrijven()));

        Assert.Equal(500, context.Response.StatusCode);
        Assert.Equal(500, body.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public async Task AGuardedFunctionIsNeverAnsweredFromTheAnswerCache(bool beschermd, int verwachteAanroepen)
    {
        var middleware = Middleware();
        var aanroepen = 0;
        for (var i = 0; i < 2; i++)
        {
            var context = new DefaultHttpContext();
            context.Request.Method = "GET";
            context.Request.Path = "/api/v1/rapportagecycli/x/concept";
            context.Response.Body = new MemoryStream();
            await middleware.InvokeAsync(context, () =>
            {
                aanroepen++;
                return Task.FromResult<IActionResult?>(ApiResults.Openbaar(new JsonBodyResult(new { id = "x" }, 200)));
            }, beschermd);
            Assert.Equal(200, context.Response.StatusCode);
        }

        // A public answer is prepared once and served again; a guarded one runs (after its role check) every time.
        Assert.Equal(verwachteAanroepen, aanroepen);
    }

    private sealed class WerptBijSchrijven : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => throw new InvalidOperationException("schrijven mislukt");
    }
}
