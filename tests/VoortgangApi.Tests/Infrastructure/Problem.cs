using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VoortgangApi.Tests.Infrastructure;

internal static class Problem
{
    /// <summary>Asserts an RFC 9457 problem with the given status and returns its body.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        Assert.True(response.Headers.Contains("API-Version"));
        return body;
    }
}
