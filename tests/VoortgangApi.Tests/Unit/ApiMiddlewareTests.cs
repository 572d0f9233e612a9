using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using VoortgangApi.Functions.Http;

namespace VoortgangApi.Tests.Unit;

/// <summary>What the worker's ApiMiddleware makes of a failure in a function or while its result is written.</summary>
public class ApiMiddlewareTests
{
    private static async Task<(HttpContext Context, JsonElement Body)> Voer(Func<Task> functie)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        context.Request.Method = "GET";
        context.Request.Path = "/api/v1/rapportagecycli/x";
        context.Response.Body = new MemoryStream();

        await ApiMiddleware.InvokeAsync(context, functie, NullLogger.Instance);

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
        var (context, body) = await Voer(() => ApiMiddleware.SchrijfAsync(new DefaultHttpContext(), new WerptBijSchrijven()));

        Assert.Equal(500, context.Response.StatusCode);
        Assert.Equal(500, body.GetProperty("status").GetInt32());
    }

    private sealed class WerptBijSchrijven : Microsoft.AspNetCore.Mvc.IActionResult
    {
        public Task ExecuteResultAsync(Microsoft.AspNetCore.Mvc.ActionContext context) => throw new InvalidOperationException("schrijven mislukt");
    }
}
