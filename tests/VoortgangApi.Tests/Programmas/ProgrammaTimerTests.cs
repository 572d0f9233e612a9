using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using VoortgangApi.Core;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Programmas;
using VoortgangApi.Functions;
using VoortgangApi.Functions.Programmas;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Programmas;

/// <summary>
/// The timers over every programme, with a fault in one: programme "voorbeeld-a-kapot" (walked first) has a cycle store
/// that fails as storage does (a Moq mock throwing the SDK's 503); programme "voorbeeld-b-heel" still gets its snapshot
/// and its publication. The app's real services over Azurite otherwise, built as the worker builds them.
/// </summary>
public sealed class ProgrammaTimerTests : IAsyncLifetime
{
    private const string Kapot = "voorbeeld-a-kapot";
    private const string Heel = "voorbeeld-b-heel";
    private readonly Mock<ICyclusStore> _kapot = new();
    private ServiceProvider _diensten = null!;

    public async Task InitializeAsync()
    {
        var instellingen = (await Azurite.GetAsync()).Instellingen(AzuriteInstance.NieuwPrefix());
        instellingen["Seed:SchemaMap"] = Repo.Pad("schemas");
        var config = new ConfigurationBuilder().AddInMemoryCollection(instellingen).Build();
        var services = new ServiceCollection().AddLogging().AddVoortgang(config);
        _kapot.Setup(s => s.LijstAsync(It.IsAny<CancellationToken>())).ThrowsAsync(StoringApi.Status(503));
        services.AddKeyedSingleton(Kapot, _kapot.Object); // a key of its own wins over the registration for any programme
        _diensten = services.BuildServiceProvider();

        var register = _diensten.GetRequiredService<Programmaregister>();
        foreach (var id in new[] { Kapot, Heel })
        {
            await register.BewaarAsync(new Programma(id, $"Voorbeeldprogramma {id} (fictief)", "Verzonnen, voor de test.", ["Ministerie van Justitie en Veiligheid"]),
                Programmatoegang.Leeg, null, new Vastlegger("test", "test"), default);
        }

        var gisteren = TimeProvider.System.Vandaag().AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var gepland = await _diensten.GetRequiredKeyedService<CyclusPlanner>(Heel).PlanAsync("voorbeeld-brief",
            $$$"""{"titel":"Voorbeeldbrief (fictief)","peildatum":"{{{gisteren}}}","kamerbrief":{"datum":"{{{gisteren}}}"}}""",
            new Voorwaarden(null, null), new Vastlegger("test", "test"), default);
        Assert.True(gepland.IsGelukt, gepland.Probleem?.Detail);
    }

    public Task DisposeAsync() => _diensten.DisposeAsync().AsTask();

    private TimerFunctions Timers() =>
        new(_diensten.GetRequiredService<Programmakeuze>(), _diensten.GetRequiredService<Programmaoverzicht>(), NullLogger<TimerFunctions>.Instance);

    [Fact]
    public async Task AFailingProgrammeNeverKeepsAnotherFromItsSnapshotAndPublication()
    {
        await Timers().NeemVerlopenMomentopnamen(new TimerInfo(), default);
        await Timers().PubliceerOpenData(new TimerInfo(), default);

        var cyclus = await _diensten.GetRequiredKeyedService<ICyclusStore>(Heel).LeesAsync("voorbeeld-brief", default);
        Assert.Equal(Core.Model.Toestanden.Vastgesteld, cyclus!.Cyclus.Toestand);
        var uitgave = await _diensten.GetRequiredKeyedService<Core.OpenData.IOpenDataStore>(Heel).LeesAsync("v1/cycli/voorbeeld-brief/SHA256SUMS", default);
        Assert.NotNull(uitgave);
        _kapot.Verify(s => s.LijstAsync(It.IsAny<CancellationToken>()), Times.AtLeast(2)); // the fault struck in both walks
    }
}
