using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using VoortgangApi.LocalHost.Ontwikkelprovider;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>Tokens from the local host's development provider, obtained the way a script and a browser get them.</summary>
public static partial class Tokens
{
    public const string Audience = Testidentiteiten.Audience;

    /// <summary>Client credentials, as scripts/token.sh: client voortgang-{soort} with the development secret.</summary>
    public static async Task<string> ClientCredentialsAsync(HttpClient host, string soort)
    {
        using var antwoord = await host.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = $"voortgang-{soort}",
            ["client_secret"] = Testidentiteiten.ClientGeheim,
            ["scope"] = $"{Audience}/.default",
        }));
        var json = await antwoord.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(antwoord.IsSuccessStatusCode, $"token voor {soort}: {(int)antwoord.StatusCode} {json}");
        return json.GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// Authorization code with PKCE through the development login page, as a browser does: the page, the chosen test
    /// user's form, the redirect with the code, the code exchanged with its verifier.
    /// </summary>
    public static async Task<string> AlsGebruikerAsync(Uri basis, string gebruiker)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = basis };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var terug = new Uri(basis, "/api/v1/documentatie/oauth2-redirect.html").AbsoluteUri;
        var parameters = new Dictionary<string, string>
        {
            ["client_id"] = Testidentiteiten.BrowserClient, ["response_type"] = "code", ["redirect_uri"] = terug,
            ["scope"] = $"openid {Audience}/Beheer", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "s1",
        };
        var pagina = await client.GetStringAsync("/connect/authorize?" + string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")));
        Assert.Contains("Aanmelden bij de ontwikkelprovider", pagina, StringComparison.Ordinal);

        parameters["ontwikkelgebruiker"] = gebruiker;
        using var keuze = await client.PostAsync("/connect/authorize", new FormUrlEncodedContent(parameters));
        var locatie = keuze.Headers.Location ?? throw new Xunit.Sdk.XunitException($"geen redirect na aanmelden: {(int)keuze.StatusCode} {await keuze.Content.ReadAsStringAsync()}");
        Assert.StartsWith(terug, locatie.AbsoluteUri, StringComparison.Ordinal);
        var code = Uri.UnescapeDataString(CodeParameter().Match(locatie.Query).Groups[1].Value);

        using var antwoord = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = Testidentiteiten.BrowserClient, ["code"] = code,
            ["redirect_uri"] = terug, ["code_verifier"] = verifier,
        }));
        var json = await antwoord.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(antwoord.IsSuccessStatusCode, $"code inwisselen: {(int)antwoord.StatusCode} {json}");
        return json.GetProperty("access_token").GetString()!;
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("[?&]code=([^&]+)")]
    private static partial Regex CodeParameter();
}
