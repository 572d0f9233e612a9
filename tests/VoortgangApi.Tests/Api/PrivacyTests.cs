using System.Net;
using Azure.Data.Tables;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.OpenData;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

/// <summary>Every log line of the host and of the worker (which arrive at the host under the worker's categories).</summary>
public sealed class PrivacyApi : TestApi
{
    public LogVanger Log { get; } = new("");

    protected override void Configureer(WebApplicationBuilder builder) => builder.Logging.AddProvider(Log);
}

/// <summary>Personal data of officials is stored for internal use but reaches no response, no published file and no log line.</summary>
public class PrivacyTests(PrivacyApi api) : IClassFixture<PrivacyApi>
{
    // The official who signs in (the development provider's test user with both roles) and a contact of a cycle.
    private const string Ambtenaar = "Testgebruiker Beide rollen";
    private const string AmbtenaarOid = "00000000-0000-4000-8000-000000000003";
    private static readonly string[] Persoonlijk = [Ambtenaar, AmbtenaarOid, "Jan Ambtenaar", "j.ambtenaar@minjenv.nl", "070 123 4567"];
    private string? _token;

    private async Task<string> Stuur(HttpMethod methode, string pad, string? body = null)
    {
        using var request = new HttpRequestMessage(methode, pad);
        // Signed in as a person, through the login page (authorization code + PKCE), as an official in a browser would.
        request.Headers.Authorization = new("Bearer", _token ??= await Tokens.AlsGebruikerAsync(api.Basis, "alles"));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await api.Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{methode} {pad}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task TheHandlingOfficialNeverLeavesTheStore()
    {
        var antwoorden = new List<string>
        {
            await Stuur(HttpMethod.Put, "/api/v1/rapportagecycli/privacy-2025",
                """{"titel":"Privacy","peildatum":"2025-06-01","kamerbrief":{"datum":"2025-06-15"},"behandelaar":{"naam":"Jan Ambtenaar","email":"j.ambtenaar@minjenv.nl","telefoon":"070 123 4567"}}"""),
            await Stuur(HttpMethod.Post, "/api/v1/oplossingsrichtingen/GE-02/statussen",
                """{"status":"in_uitvoering","peildatum":"2025-05-01","zekerheid":"afgeleid","toelichting":"Afgeleid in de test.","bron":{"titel":"Privacytest","soort":"derden","datum":"2025-05-01"}}"""),
            await Stuur(HttpMethod.Put, "/api/v1/partijen/privacy-partij", """{"naam":"Privacy-organisatie","soort":"sector"}"""),
            await Stuur(HttpMethod.Post, "/api/v1/rapportagecycli/privacy-2025/momentopname"),
            await Stuur(HttpMethod.Post, "/api/v1/rapportagecycli/privacy-2025/publicatie"),
            await Stuur(HttpMethod.Get, "/api/v1/rapportagecycli"),
            await Stuur(HttpMethod.Get, "/api/v1/rapportagecycli/privacy-2025"),
            await Stuur(HttpMethod.Get, "/api/v1/themas?cyclus=privacy-2025"),
            await Stuur(HttpMethod.Get, "/api/v1/overzicht"),
            await Stuur(HttpMethod.Get, "/api/v1/wijzigingen?pageSize=1000"),
            await Stuur(HttpMethod.Get, "/api/v1/oplossingsrichtingen/GE-02/historie"),
        };
        var store = api.Service<IOpenDataStore>();
        foreach (var blob in await store.LijstAsync("v1/", default))
        {
            antwoorden.Add(Encoding.UTF8.GetString((await store.LeesAsync(blob.Pad, default))!));
        }

        Assert.All(antwoorden, tekst => Assert.All(Persoonlijk, p => Assert.DoesNotContain(p, tekst, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(await store.LijstAsync(Layout.Map("privacy-2025"), default), b => b.Pad.EndsWith("SHA256SUMS", StringComparison.Ordinal));
        Assert.Contains(await store.LijstAsync(Layout.Map("privacy-2025"), default), b => b.Pad.EndsWith("historie.csv", StringComparison.Ordinal));
        var opgeslagen = await api.Service<ICyclusStore>().LeesAsync("privacy-2025", default);
        Assert.Equal("Jan Ambtenaar", opgeslagen!.Cyclus.Behandelaar!.Naam);
        // Who planned the letter and who froze it: the signed-in official, from the token, in the cycle's own columns.
        Assert.Equal(new Core.Historie.Vastlegger(AmbtenaarOid, Ambtenaar), opgeslagen.Cyclus.GeplandDoor);
        Assert.Equal(new Core.Historie.Vastlegger(AmbtenaarOid, Ambtenaar), opgeslagen.Cyclus.VastgesteldDoor);
        Assert.Contains((Ambtenaar, AmbtenaarOid), await VastgelegdDoorAsync());
        // Not in any log line either (the refusal and storage lines name no one; identity would be Debug at most).
        Assert.All(api.Log.Regels.Where(r => r.Niveau >= LogLevel.Information),
            r => Assert.All(Persoonlijk, p => Assert.DoesNotContain(p, r.Bericht, StringComparison.OrdinalIgnoreCase)));
        Assert.NotEmpty(api.Log.Regels);
    }

    // Who recorded each line is kept, for internal audit, in a column of its own next to the public line.
    private async Task<HashSet<(string Naam, string Id)>> VastgelegdDoorAsync()
    {
        var tabel = api.Service<TableServiceClient>().GetTableClient(api.Prefix + "historie");
        var door = new HashSet<(string, string)>();
        await foreach (var e in tabel.QueryAsync<TableEntity>(select: ["VastgelegdDoor", "VastgelegdDoorId"]))
        {
            if (e.GetString("VastgelegdDoor") is { } naam)
            {
                door.Add((naam, e.GetString("VastgelegdDoorId") ?? ""));
            }
        }

        return door;
    }

    [Fact]
    public void EveryPersonalFieldOfAPublishedModelIsExcludedFromSerialisation()
    {
        var gemarkeerd = typeof(Rapportagecyclus).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Rapportagecyclus).Namespace)
            .SelectMany(t => t.GetProperties())
            .Where(p => p.GetCustomAttribute<PersoonsgegevenAttribute>() is not null || p.PropertyType.GetCustomAttribute<PersoonsgegevenAttribute>() is not null)
            .ToList();

        Assert.NotEmpty(gemarkeerd);
        Assert.All(gemarkeerd, p => Assert.NotNull(p.GetCustomAttribute<JsonIgnoreAttribute>()));
    }

    [Fact]
    public async Task AnInvalidOfficialContactIsRejectedLikeAnyOtherInput()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/rapportagecycli/privacy-fout")
        {
            Content = new StringContent("""{"titel":"x","peildatum":"2025-06-01","kamerbrief":{"datum":"2025-06-15"},"behandelaar":{"email":"geen-adres"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", api.Token("beheren"));

        using var response = await api.Client.SendAsync(request);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
    }
}
