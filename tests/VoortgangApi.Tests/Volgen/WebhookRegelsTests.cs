using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;
using VoortgangApi.Core.Volgen;
using VoortgangApi.Functions.Webhooks;

namespace VoortgangApi.Tests.Volgen;

/// <summary>The webhook rules without storage: addresses, signatures, the callback channel's guard and the retry schedule.</summary>
public class WebhookRegelsTests
{
    [Theory]
    [InlineData("169.254.169.254")] // the cloud metadata address
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("0.0.0.0")]
    [InlineData("127.0.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 of the metadata address
    [InlineData("2002:a9fe:a9fe::1")]  // 6to4 of the metadata address
    [InlineData("224.0.0.1")]
    public void AnAddressInsideANetworkIsNeverACallback(string adres)
    {
        Assert.True(Adresregels.IsVerboden(IPAddress.Parse(adres), loopbackToegestaan: false));
        Assert.NotNull(Adresregels.Fout($"https://{(adres.Contains(':') ? $"[{adres}]" : adres)}/haak", loopbackToegestaan: false));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("2a00:1450:400e:80c::200e")]
    public void APublicAddressIsAllowed(string adres) => Assert.False(Adresregels.IsVerboden(IPAddress.Parse(adres), loopbackToegestaan: false));

    [Theory]
    [InlineData("http://ontvanger.voorbeeld.nl/haak")]
    [InlineData("ftp://ontvanger.voorbeeld.nl/haak")]
    [InlineData("https://gebruiker:wachtwoord@ontvanger.voorbeeld.nl/haak")]
    [InlineData("https://ontvanger.voorbeeld.nl/haak#stuk")]
    [InlineData("/relatief")]
    [InlineData("")]
    public void OnlyAPlainHttpsUrlIsACallback(string callback) => Assert.NotNull(Adresregels.Fout(callback, loopbackToegestaan: false));

    [Fact]
    public void LoopbackOverHttpIsAllowedOnlyWhenTheSettingSaysSo()
    {
        Assert.NotNull(Adresregels.Fout("http://127.0.0.1:5000/haak", loopbackToegestaan: false));
        Assert.Null(Adresregels.Fout("http://127.0.0.1:5000/haak", loopbackToegestaan: true));
        Assert.NotNull(Adresregels.Fout("http://10.0.0.1:5000/haak", loopbackToegestaan: true)); // still never a private address
    }

    [Fact]
    public void ADeliverySignatureIsAcceptedByTheStandardWebhooksVerifierAndATamperedOneIsNot()
    {
        var geheim = Handtekening.NieuwGeheim();
        const string body = """{"type":"status.vastgelegd","timestamp":"2026-12-06T10:00:00Z","data":{"item":"ZD-03"}}""";
        var headers = Handtekening.Headers(geheim, "msg_test", DateTimeOffset.UtcNow, body);
        var kop = new HeaderDictionary();
        foreach (var (naam, waarde) in headers)
        {
            kop[naam] = waarde;
        }

        new StandardWebhook(geheim).Verify(body, kop); // throws when it does not hold
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(geheim).Verify(body.Replace("ZD-03", "ZD-04", StringComparison.Ordinal), kop));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(Handtekening.NieuwGeheim()).Verify(body, kop));
    }

    [Fact]
    public void TheSignatureMatchesTheTestVectorOfTheStandardWebhooksSpecification()
    {
        // The example of the specification's reference libraries: secret, id, timestamp and body give exactly this signature.
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            Handtekening.Teken("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}"""));
    }

    /// <summary>A resolver and a connector that fail the test on any attempt to connect: the guard must refuse before either is needed.</summary>
    private static (CallbackKanaal Kanaal, List<string> Verbindingen) KanaalZonderVerbinding(Dictionary<string, IPAddress[]> dns)
    {
        var verbindingen = new List<string>();
        var kanaal = new CallbackKanaal(new VasteOplosser(dns), new WebhookOptions { TimeoutSeconden = 2 }, (adres, _) =>
        {
            lock (verbindingen)
            {
                verbindingen.Add(adres.ToString());
            }

            throw new InvalidOperationException($"verbinding met {adres} geprobeerd");
        });
        return (kanaal, verbindingen);
    }

    [Theory]
    [InlineData("metadata.voorbeeld.test", "169.254.169.254")]
    [InlineData("intern.voorbeeld.test", "10.0.0.7")]
    [InlineData("nergens.voorbeeld.test", "0.0.0.0")]
    [InlineData("ula.voorbeeld.test", "fd12:3456::1")]
    public async Task ANameThatResolvesIntoANetworkIsRefusedWithoutAConnection(string naam, string adres)
    {
        // One good address beside the bad one does not help: every address must be outside.
        var (kanaal, verbindingen) = KanaalZonderVerbinding(new() { [naam] = [IPAddress.Parse("93.184.215.14"), IPAddress.Parse(adres)] });
        using (kanaal)
        {
            var bevestiging = await kanaal.BevestigAsync(new Uri($"https://{naam}/haak"), "c", "p", default);
            var bezorging = await kanaal.BezorgAsync(new Uri($"https://{naam}/haak"), new Dictionary<string, string>(), "{}", default);

            Assert.True(bevestiging is { Gelukt: false, AdresGeweigerd: true }, bevestiging.ToString());
            Assert.True(bezorging is { Gelukt: false, AdresGeweigerd: true }, bezorging.ToString());
            Assert.Contains(adres, bevestiging.Fout, StringComparison.Ordinal);
            Assert.Empty(verbindingen);
        }
    }

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://10.0.0.1/haak")]
    [InlineData("https://0.0.0.0/haak")]
    [InlineData("https://[::1]/haak")]
    public async Task AnAddressInTheUrlIsRefusedWithoutALookupOrAConnection(string callback)
    {
        var (kanaal, verbindingen) = KanaalZonderVerbinding([]);
        using (kanaal)
        {
            var antwoord = await kanaal.BezorgAsync(new Uri(callback), new Dictionary<string, string>(), "{}", default);
            Assert.True(antwoord is { Gelukt: false, AdresGeweigerd: true }, antwoord.ToString());
            Assert.Empty(verbindingen);
        }
    }

    [Fact]
    public async Task AFailingDeliveryIsRetriedAfterEachPauseThenGivenUpAndTheSubscriptionPaused()
    {
        var klok = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero));
        var store = new GeheugenAbonnementen();
        var abonnement = new Abonnement("abo_1", "p", "https://ontvanger.voorbeeld.nl/haak", [], [], [], Handtekening.NieuwGeheim(), Abonnementstoestanden.Actief, 0, klok.GetUtcNow());
        await store.VoegToeAsync(abonnement, default);
        var wachtrij = new GeheugenWachtrij();
        var kanaal = new VasteAntwoorden(500);
        var opties = new WebhookOptions();
        var bezorger = new Bezorger(store, wachtrij, kanaal, opties, klok);

        var bericht = new Aflevering("p", "abo_1", "msg_1", "{}", 1, klok.GetUtcNow());
        var uitkomsten = new List<Bezorging>();
        while (bericht is not null)
        {
            uitkomsten.Add(await bezorger.BezorgAsync(bericht, default));
            bericht = wachtrij.Gezet.Count > 0 && wachtrij.Gezet[^1].Aflevering.Poging > bericht.Poging ? wachtrij.Gezet[^1].Aflevering : null;
        }

        Assert.Equal([.. opties.Pauzes.Select(p => TimeSpan.FromSeconds(p))], wachtrij.Gezet.Select(g => g.Wacht));
        Assert.True(opties.Pauzes.Sum() >= TimeSpan.FromHours(24).TotalSeconds, "retries span at least 24 hours");
        Assert.All(wachtrij.Gezet, g => Assert.Equal("msg_1", g.Aflevering.WebhookId));
        Assert.Equal(Bezorging.Opgegeven, uitkomsten[^1]);
        Assert.Equal("msg_1", Assert.Single(wachtrij.Opgegeven).WebhookId);
        var gepauzeerd = (await store.ZoekAsync("p", "abo_1", default))!;
        Assert.Equal(Abonnementstoestanden.Gepauzeerd, gepauzeerd.Toestand);
        Assert.Contains("msg_1", gepauzeerd.Reden, StringComparison.Ordinal);
        Assert.Equal(opties.Pauzes.Count + 1, kanaal.Aantal);

        // Paused: a later message is not sent at all.
        Assert.Equal(Bezorging.Vervallen, await bezorger.BezorgAsync(new Aflevering("p", "abo_1", "msg_2", "{}", 1, klok.GetUtcNow()), default));
        Assert.Equal(opties.Pauzes.Count + 1, kanaal.Aantal);
    }

    private sealed class VasteOplosser(Dictionary<string, IPAddress[]> dns) : IAdresOplosser
    {
        public Task<IPAddress[]> LosOpAsync(string host, CancellationToken ct) =>
            dns.TryGetValue(host, out var a) ? Task.FromResult(a) : throw new InvalidOperationException($"onverwachte DNS-vraag naar {host}");
    }

    private sealed class VasteAntwoorden(int status) : ICallbackKanaal
    {
        public int Aantal { get; private set; }

        public Task<Callbackantwoord> BevestigAsync(Uri callback, string challenge, string onderwerp, CancellationToken ct) => throw new NotSupportedException();

        public Task<Callbackantwoord> BezorgAsync(Uri callback, IReadOnlyDictionary<string, string> headers, string body, CancellationToken ct)
        {
            Aantal++;
            return Task.FromResult(new Callbackantwoord(status, status is >= 200 and < 300, $"HTTP {status}"));
        }
    }
}

internal sealed class GeheugenWachtrij : IAfleverwachtrij
{
    public List<(Aflevering Aflevering, TimeSpan Wacht)> Gezet { get; } = [];
    public List<Aflevering> Opgegeven { get; } = [];

    public Task ZetAsync(Aflevering aflevering, TimeSpan wacht, CancellationToken ct)
    {
        Gezet.Add((aflevering, wacht));
        return Task.CompletedTask;
    }

    public Task OpgegevenAsync(Aflevering aflevering, CancellationToken ct)
    {
        Opgegeven.Add(aflevering);
        return Task.CompletedTask;
    }
}

internal sealed class GeheugenAbonnementen : IAbonnementStore
{
    private readonly Dictionary<(string, string), Abonnement> _rijen = [];
    private readonly Dictionary<string, Uitzendcursor> _cursors = [];

    public Task<IReadOnlyList<Abonnement>> LijstAsync(string programmaId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Abonnement>>([.. _rijen.Values.Where(a => a.ProgrammaId == programmaId)]);

    public Task<int> AantalAsync(CancellationToken ct) => Task.FromResult(_rijen.Count);

    public Task<Abonnement?> ZoekAsync(string programmaId, string id, CancellationToken ct) => Task.FromResult(_rijen.GetValueOrDefault((programmaId, id)));

    public Task VoegToeAsync(Abonnement abonnement, CancellationToken ct)
    {
        _rijen.Add((abonnement.ProgrammaId, abonnement.Id), abonnement);
        return Task.CompletedTask;
    }

    public Task<bool> WerkBijAsync(Abonnement abonnement, CancellationToken ct)
    {
        _rijen[(abonnement.ProgrammaId, abonnement.Id)] = abonnement;
        return Task.FromResult(true);
    }

    public Task VerwijderAsync(string programmaId, string id, CancellationToken ct)
    {
        _rijen.Remove((programmaId, id));
        return Task.CompletedTask;
    }

    public Task<Uitzendcursor?> CursorAsync(string programmaId, CancellationToken ct) => Task.FromResult(_cursors.GetValueOrDefault(programmaId));

    public Task<bool> ZetCursorAsync(string programmaId, Uitzendcursor cursor, CancellationToken ct)
    {
        _cursors[programmaId] = cursor with { ETag = "e" };
        return Task.FromResult(true);
    }
}
