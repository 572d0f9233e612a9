using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>
/// The app as the one guard of the admin operations: only a token the development provider signed, for this API, in
/// its lifetime, with the operation's role, records anything; the audit names the token's identity and nothing else.
/// Refused tokens are made here with the provider's own signing key (read from the host in this process), so each
/// fails for one reason only; a control token made the same way is accepted.
/// </summary>
public class IdentiteitTests(TestApi api) : IClassFixture<TestApi>
{
    private const string Item = "CM-02";

    private static string Status(string titel) =>
        $$"""{"status":"in_uitvoering","peildatum":"2025-05-01","zekerheid":"afgeleid","bron":{"titel":"{{titel}}","soort":"derden","datum":"2025-05-01"},"toelichting":"identiteitstest"}""";

    private Task<HttpResponseMessage> PostAsync(string? token, string titel, params (string Naam, string Waarde)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/oplossingsrichtingen/{Item}/statussen")
        {
            Content = new StringContent(Status(titel), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }

        foreach (var (naam, waarde) in headers)
        {
            request.Headers.TryAddWithoutValidation(naam, waarde);
        }

        return api.Client.SendAsync(request);
    }

    private SigningCredentials ProviderSleutel() =>
        api.Host.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials[0];

    private string Maak(Action<SecurityTokenDescriptor>? wijzig = null, SigningCredentials? sleutel = null)
    {
        var nu = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = api.Basis.AbsoluteUri,
            Audience = Tokens.Audience,
            IssuedAt = nu.AddMinutes(-1),
            NotBefore = nu.AddMinutes(-1),
            Expires = nu.AddMinutes(30),
            Claims = new Dictionary<string, object>
            {
                ["oid"] = "11111111-2222-4333-8444-555555555555",
                ["roles"] = new[] { "Voortgang.Vastleggen" },
                ["azp"] = "voortgang-vastleggen", // a client on the allowlist (the local host names its provider's clients)
            },
            SigningCredentials = sleutel ?? ProviderSleutel(),
        };
        wijzig?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private async Task<bool> VastgelegdAsync(string titel)
    {
        var historie = await api.GetJsonAsync($"/api/v1/oplossingsrichtingen/{Item}/historie");
        return historie.ToString().Contains(titel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AControlTokenMadeWithTheProvidersKeyIsAcceptedSoEachRefusalBelowHasOneCause()
    {
        using var response = await PostAsync(Maak(), "controle-token");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(await VastgelegdAsync("controle-token"));
    }

    public static TheoryData<string> Geweigerd() =>
        ["verlopen", "nog-niet-geldig", "andere-audience", "andere-uitgever", "alg-none", "andere-sleutel", "payload-gewijzigd", "zonder-oid", "rommel",
            "id-token", "hs256-met-publieke-sleutel", "zonder-azp", "vreemde-client", "gebruiker-zonder-beheer-scope"];

    [Theory]
    [MemberData(nameof(Geweigerd))]
    public async Task ARefusedTokenGets401WithTheInvalidTokenChallenge(string soort)
    {
        var token = soort switch
        {
            "verlopen" => Maak(d => (d.NotBefore, d.Expires) = (DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddMinutes(-10))),
            "nog-niet-geldig" => Maak(d => (d.NotBefore, d.IssuedAt) = (DateTime.UtcNow.AddMinutes(10), DateTime.UtcNow)),
            "andere-audience" => Maak(d => d.Audience = "api://een-andere-api"),
            "andere-uitgever" => Maak(d => d.Issuer = "https://login.voorbeeld.invalid/"),
            "alg-none" => Ongetekend(Maak()),
            "andere-sleutel" => Maak(sleutel: new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "vreemd" }, SecurityAlgorithms.RsaSha256)),
            "payload-gewijzigd" => MetExtraRol(api.Token("vastleggen")),
            "zonder-oid" => Maak(d => d.Claims.Remove("oid")),
            "id-token" => Maak(d => d.Claims["nonce"] = "n-0S6_WzA2Mj"), // an id_token's shape: same issuer, audience, key and claims, a nonce
            "hs256-met-publieke-sleutel" => Maak(sleutel: PubliekeSleutelAlsGeheim()),
            "zonder-azp" => Maak(d => d.Claims.Remove("azp")),
            // Another application an official consented to: a valid delegated token of this issuer, for this API, but not its client.
            "vreemde-client" => Maak(d => (d.Claims["azp"], d.Claims["scp"]) = ("een-andere-app", "Beheer")),
            "gebruiker-zonder-beheer-scope" => Maak(d => (d.Claims["azp"], d.Claims["scp"]) = ("voortgang-beheer", "User.Read")),
            _ => "geen.echt.token",
        };

        using var response = await PostAsync(token, $"geweigerd-{soort}");

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        var uitdaging = response.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", uitdaging.Scheme);
        Assert.Contains("error=\"invalid_token\"", uitdaging.Parameter, StringComparison.Ordinal);
        Assert.False(await VastgelegdAsync($"geweigerd-{soort}"));
    }

    [Fact]
    public async Task AUsersDelegatedTokenOfTheBeheerPageWithTheApisScopeIsAccepted()
    {
        using var response = await PostAsync(Maak(d => (d.Claims["azp"], d.Claims["scp"], d.Claims["name"]) = ("voortgang-beheer", "Beheer", "Testgebruiker")), "gedelegeerd-token");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(await VastgelegdAsync("gedelegeerd-token"));
    }

    [Fact]
    public async Task AValidTokenWithoutTheRoleGets403()
    {
        using var geen = await PostAsync(api.Token("geen"), "geweigerd-geen-rol");
        using var beheren = await PostAsync(api.Token("beheren"), "geweigerd-andere-rol");

        foreach (var response in new[] { geen, beheren })
        {
            await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.Single().Parameter, StringComparison.Ordinal);
        }

        Assert.False(await VastgelegdAsync("geweigerd-geen-rol"));
        Assert.False(await VastgelegdAsync("geweigerd-andere-rol"));
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer  twee delen")]
    public async Task AMalformedAuthorizationHeaderIsA400InvalidRequest(string kop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/oplossingsrichtingen/{Item}/statussen")
        {
            Content = new StringContent(Status("geweigerd-kop"), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", kop);

        using var response = await api.Client.SendAsync(request);

        // "Bearer" alone has no token at all: the challenge without an error; a token with a space is malformed.
        var verwacht = kop == "Bearer" ? HttpStatusCode.Unauthorized : HttpStatusCode.BadRequest;
        await Problem.AssertAsync(response, verwacht);
        Assert.False(await VastgelegdAsync("geweigerd-kop"));
    }

    [Fact]
    public async Task TheAuditNamesTheTokensIdentityNotAForgedHeader()
    {
        using var response = await PostAsync(api.Token("vastleggen"), "vervalste-kop",
            ("X-MS-CLIENT-PRINCIPAL-NAME", "nep.ambtenaar@voorbeeld.invalid"), ("X-MS-CLIENT-PRINCIPAL-ID", "99999999-9999-4999-8999-999999999999"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var rij = Assert.Single(await AuditAsync("vervalste-kop"));
        // The client-credentials token of voortgang-vastleggen: its service principal's oid; an app has no name.
        Assert.Equal("00000000-0000-4000-9000-000000000001", rij.GetString("VastgelegdDoorId"));
        Assert.Equal("toepassing voortgang-vastleggen", rij.GetString("VastgelegdDoor"));
    }

    [Fact]
    public async Task AnOfficialSignedInThroughTheLoginPageIsRecordedUnderTheirOidAndName()
    {
        var token = await Tokens.AlsGebruikerAsync(api.Basis, "vastleggen");

        using var response = await PostAsync(token, "als-ambtenaar");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var rij = Assert.Single(await AuditAsync("als-ambtenaar"));
        Assert.Equal("00000000-0000-4000-8000-000000000001", rij.GetString("VastgelegdDoorId"));
        Assert.Equal("Testgebruiker Vastleggen", rij.GetString("VastgelegdDoor"));
    }

    // The log rows (with their audit columns) whose public line mentions this source title.
    private async Task<List<TableEntity>> AuditAsync(string titel)
    {
        var tabel = api.Service<TableServiceClient>().GetTableClient(api.Prefix + "historie");
        var rijen = new List<TableEntity>();
        await foreach (var e in tabel.QueryAsync<TableEntity>(select: ["Data", "VastgelegdDoor", "VastgelegdDoorId"]))
        {
            if (e.GetString("Data")?.Contains(titel, StringComparison.Ordinal) == true)
            {
                rijen.Add(e);
            }
        }

        return rijen;
    }

    [Fact]
    public async Task TheUserWithoutARoleCanSignInButIsRefusedWith403()
    {
        var token = await Tokens.AlsGebruikerAsync(api.Basis, "geen");

        using var response = await PostAsync(token, "ambtenaar-zonder-rol");

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
    }

    // Key confusion: HMAC-SHA256 with the provider's published public key as the shared secret, under its key id.
    private SigningCredentials PubliekeSleutelAlsGeheim()
    {
        var sleutel = ProviderSleutel().Key;
        var rsa = sleutel switch
        {
            RsaSecurityKey r => r.Rsa ?? RSA.Create(r.Parameters),
            X509SecurityKey x => System.Security.Cryptography.X509Certificates.RSACertificateExtensions.GetRSAPublicKey(x.Certificate)!,
            _ => throw new InvalidOperationException($"onverwachte sleutel {sleutel.GetType().Name}"),
        };
        return new SigningCredentials(new SymmetricSecurityKey(rsa.ExportSubjectPublicKeyInfo()) { KeyId = sleutel.KeyId }, SecurityAlgorithms.HmacSha256);
    }

    // The same header and payload with "alg": "none" and no signature.
    private static string Ongetekend(string token)
    {
        var delen = token.Split('.');
        var kop = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(delen[0])))!.AsObject();
        kop["alg"] = "none";
        return $"{Tokens.Base64Url(Encoding.UTF8.GetBytes(kop.ToJsonString()))}.{delen[1]}.";
    }

    // A real provider token whose payload gains the other role after signing; the signature stays the original.
    private static string MetExtraRol(string token)
    {
        var delen = token.Split('.');
        var inhoud = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(delen[1])))!.AsObject();
        inhoud["roles"] = new JsonArray("Voortgang.Vastleggen", "Cycli.Beheren");
        return $"{delen[0]}.{Tokens.Base64Url(Encoding.UTF8.GetBytes(inhoud.ToJsonString()))}.{delen[2]}";
    }
}

/// <summary>The worker told to trust an issuer that does not answer (a closed loopback port).</summary>
public sealed class DodeUitgeverApi : TestApi
{
    public DodeUitgeverApi() => Stel("Identiteit:Authority", "http://127.0.0.1:1/");
}

public class DodeUitgeverTests(DodeUitgeverApi api) : IClassFixture<DodeUitgeverApi>
{
    [Fact]
    public async Task WhenTheIssuersKeysCannotBeFetchedAWriteGets503WithRetryAfterNotA401()
    {
        using var response = await api.Client.SendAsync(api.Beheer("vastleggen", HttpMethod.Put, "/api/v1/partijen/dode-uitgever",
            """{"naam":"Dode uitgever","soort":"sector"}"""));

        await Problem.AssertAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync("/api/v1/partijen/dode-uitgever")).StatusCode);
    }
}
