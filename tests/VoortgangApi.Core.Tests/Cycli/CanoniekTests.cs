using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Seed;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Cycli;

public class CanoniekTests
{
    [Fact]
    public async Task HashDoesNotDependOnTheOrderOfTheItems()
    {
        var data = (await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"))).Huidig;
        var omgekeerd = data with { Oplossingsrichtingen = [.. data.Oplossingsrichtingen.Reverse()], Partijen = [.. data.Partijen.Reverse()] };

        Assert.Equal(Canoniek.Hash(data), Canoniek.Hash(omgekeerd));
        Assert.Matches("^sha256:[0-9a-f]{64}$", Canoniek.Hash(data));
    }

    [Fact]
    public async Task HashChangesWhenOneStatusChanges()
    {
        var data = (await SeedLoader.LaadAsync(Repo.Pad("data", "seed.json"), Repo.Pad("schemas"))).Huidig;
        var eerste = data.Oplossingsrichtingen[0];
        var gewijzigd = data with
        {
            Oplossingsrichtingen = [eerste with { Status = eerste.Status with { Status = "gestopt" } }, .. data.Oplossingsrichtingen.Skip(1)],
        };

        Assert.NotEqual(Canoniek.Hash(data), Canoniek.Hash(gewijzigd));
    }
}
