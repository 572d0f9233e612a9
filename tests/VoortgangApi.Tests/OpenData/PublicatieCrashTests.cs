using Microsoft.Extensions.Logging.Abstractions;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.OpenData;
using VoortgangApi.OpenData;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.OpenData;

public class PublicatieCrashTests : IAsyncLifetime
{
    private readonly TestStorage _storage = new();

    public async Task InitializeAsync()
    {
        await _storage.InitializeAsync();
        await _storage.ImporteerAsync(_storage.Seed.Regels);
        await _storage.StelVastAsync("crash-2025", new DateOnly(2025, 11, 1));
    }

    public Task DisposeAsync() => _storage.DisposeAsync();

    private PublicatieService Service(IOpenDataStore store) =>
        new(_storage.Cycli, _storage.Logboek, store, CatalogusTests.Instellingen, NullLogger<PublicatieService>.Instance);

    [Fact]
    public async Task APublicationThatDiesHalfwayIsCompletedByARetry()
    {
        var echt = _storage.Service<IOpenDataStore>();

        await Assert.ThrowsAsync<IOException>(() => Service(new FalendeOpenDataStore(echt, naAantal: 3)).PubliceerAsync("crash-2025", default));

        var halverwege = await echt.LijstAsync(Layout.Map("crash-2025"), default);
        Assert.Equal(3, halverwege.Count);
        Assert.DoesNotContain(halverwege, b => b.Pad.EndsWith(Layout.Controlelijst, StringComparison.Ordinal));
        Assert.Null(await echt.LeesAsync(Layout.Laatste, default));
        var eerste = await echt.LeesAsync(halverwege[0].Pad, default);

        var retry = await Service(echt).PubliceerAsync("crash-2025", default);

        Assert.Equal(7, retry.Waarde!.Nieuw);
        Assert.Equal(10, (await echt.LijstAsync(Layout.Map("crash-2025"), default)).Count);
        Assert.Equal(eerste, await echt.LeesAsync(halverwege[0].Pad, default));
        Assert.Contains("\"cyclus\": \"crash-2025\"", System.Text.Encoding.UTF8.GetString((await echt.LeesAsync(Layout.Laatste, default))!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlannedCycleIsNotPublished()
    {
        var peildatum = new DateOnly(2099, 1, 1);
        await _storage.Cycli.BewaarAsync(new Rapportagecyclus("nog-niet", "Later", peildatum, new Kamerbrief(peildatum, null, null, null, null), Toestanden.Gepland, null), null, default);

        var r = await Service(_storage.Service<IOpenDataStore>()).PubliceerAsync("nog-niet", default);

        Assert.Equal(VoortgangApi.Core.ProbleemSoort.Conflict, r.Probleem!.Soort);
        Assert.Empty(await _storage.Service<IOpenDataStore>().LijstAsync(Layout.Map("nog-niet"), default));
    }

    /// <summary>Writes the first files for real, then dies like a crashing process.</summary>
    private sealed class FalendeOpenDataStore(IOpenDataStore echt, int naAantal) : IOpenDataStore
    {
        private int _geschreven;

        public async Task<bool> MaakAanAsync(string pad, byte[] inhoud, string contentType, CancellationToken ct)
        {
            if (_geschreven++ >= naAantal)
            {
                throw new IOException("Gesimuleerde crash halverwege de publicatie.");
            }

            return await echt.MaakAanAsync(pad, inhoud, contentType, ct);
        }

        public Task<bool> VervangAlsAndersAsync(string pad, byte[] inhoud, string contentType, CancellationToken ct) => echt.VervangAlsAndersAsync(pad, inhoud, contentType, ct);
        public Task<byte[]?> LeesAsync(string pad, CancellationToken ct) => echt.LeesAsync(pad, ct);
        public Task<IReadOnlyList<OpenDataBlob>> LijstAsync(string prefix, CancellationToken ct) => echt.LijstAsync(prefix, ct);
        public Task<(byte[] Inhoud, string Versie)?> LeesMetVersieAsync(string pad, CancellationToken ct) => echt.LeesMetVersieAsync(pad, ct);
        public Task<bool> SchrijfAlsOngewijzigdAsync(string pad, byte[] inhoud, string contentType, string? verwachteVersie, CancellationToken ct) =>
            echt.SchrijfAlsOngewijzigdAsync(pad, inhoud, contentType, verwachteVersie, ct);
    }
}
