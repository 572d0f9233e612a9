using System.Net;
using VoortgangApi.LocalHost;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

public class LocalHostTests(TestApi api) : IClassFixture<TestApi>
{
    public static TheoryData<string> HttpFuncties()
    {
        var data = new TheoryData<string>();
        foreach (var f in FunctionMetadata.Lees(AppContext.BaseDirectory).Where(f => f.IsHttp))
        {
            data.Add(f.Name);
        }

        return data;
    }

    [Fact]
    public void FunctionsMetadataListsTheReadFunctions()
    {
        var namen = FunctionMetadata.Lees(AppContext.BaseDirectory).Select(f => f.Name).ToList();

        Assert.Subset(namen.ToHashSet(), new HashSet<string> { "getThemas", "getThema", "getOplossingsrichtingen", "getOplossingsrichting", "getPartijen" });
    }

    // Every HTTP trigger in functions.metadata answers on its route and method, served by its own function:
    // a route with placeholders is called with a sample value, and the answer must not be the host's fallback.
    [Theory]
    [MemberData(nameof(HttpFuncties))]
    public async Task EveryHttpFunctionInTheMetadataIsServed(string naam)
    {
        var functie = FunctionMetadata.Lees(AppContext.BaseDirectory).Single(f => f.Name == naam);
        var route = System.Text.RegularExpressions.Regex.Replace(functie.Trigger!.Route!, "{[^}]+}", "voorbeeld");
        using var request = new HttpRequestMessage(new HttpMethod(functie.Trigger.Methods![0].ToUpperInvariant()), $"/api/{route}");
        request.Headers.Add("x-functions-key", TestApi.AdminSleutel);

        using var response = await api.Client.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Deze URL bestaat niet", body, StringComparison.Ordinal);
        Assert.True((int)response.StatusCode < 500, $"{naam}: {(int)response.StatusCode} {body}");
    }

    [Fact]
    public async Task UnknownPathReturnsProblem404()
    {
        using var response = await api.Client.GetAsync("/api/v1/bestaat-niet");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongMethodOnAKnownPathReturnsProblem405WithAllow()
    {
        using var response = await api.Client.DeleteAsync("/api/v1/themas");

        await Problem.AssertAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }
}
