using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VoortgangApi.Core;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Import;
using VoortgangApi.Functions;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Historie;

/// <summary>Domain dates are Dutch dates: just after midnight in Amsterdam it is already the next day, whatever UTC says.</summary>
public class DomeintijdTests
{
    [Theory]
    [InlineData("2026-07-15T23:30:00Z", "2026-07-16")] // summer: UTC+2
    [InlineData("2026-07-15T21:59:59Z", "2026-07-15")]
    [InlineData("2026-01-15T23:30:00Z", "2026-01-16")] // winter: UTC+1
    [InlineData("2026-01-15T22:59:59Z", "2026-01-15")]
    public void TheDateOfAMomentIsItsDateInAmsterdam(string moment, string datum)
    {
        Assert.Equal(DateOnly.Parse(datum, System.Globalization.CultureInfo.InvariantCulture),
            Domeintijd.Datum(DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task TodayIsTheDutchDateAt2330UtcInSummer()
    {
        var tijd = new FakeTimeProvider(new DateTimeOffset(2026, 7, 15, 23, 30, 0, TimeSpan.Zero));
        var instellingen = (await Azurite.GetAsync()).Instellingen(AzuriteInstance.NieuwPrefix());
        instellingen["Seed:SchemaMap"] = Repo.Pad("schemas");
        var services = new ServiceCollection().AddLogging().AddVoortgang(new ConfigurationBuilder().AddInMemoryCollection(instellingen).Build());
        services.AddSingleton<TimeProvider>(tijd);
        await using var diensten = services.BuildServiceProvider();
        await diensten.GetRequiredService<SeedImporter>().ImporteerOntbrekendAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"), default);
        var schrijver = diensten.GetRequiredService<VoortgangSchrijver>();
        static string Status(string datum) =>
            $$$"""{"status":"in_uitvoering","peildatum":"{{{datum}}}","zekerheid":"afgeleid","toelichting":"Afgeleid uit de nota.","bron":{"titel":"Nota aan de minister","soort":"nota","datum":"{{{datum}}}"}}""";

        var vandaag = await schrijver.StatusAsync("ZD-04", Status("2026-07-16"), "nl-vandaag", new Vastlegger("test", "test"), default);
        var morgen = await schrijver.StatusAsync("ZD-04", Status("2026-07-17"), "nl-morgen", new Vastlegger("test", "test"), default);

        Assert.True(vandaag.IsGelukt, vandaag.Probleem?.Detail);
        Assert.Equal(ProbleemSoort.OngeldigeInvoer, morgen.Probleem?.Soort);
        Assert.Contains(morgen.Probleem!.Fouten, f => f.Naam == "$.peildatum");
    }
}
