using System.Text.RegularExpressions;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Api;

public partial class PartijenApiTests(TestApi api) : IClassFixture<TestApi>
{
    [Fact]
    public async Task GetPartijenListsOrganisationsWithIdNameAndKind()
    {
        var json = await api.GetJsonAsync("/api/v1/partijen");

        var partijen = json.GetProperty("partijen").EnumerateArray().ToList();
        Assert.Contains(partijen, p => p.GetProperty("id").GetString() == "jenv");
        Assert.All(partijen, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("soort").GetString())));
    }

    [Fact]
    public async Task PartijenContainNoEmailAddressesOrPhoneNumbers()
    {
        using var response = await api.Client.GetAsync("/api/v1/partijen");
        var tekst = await response.Content.ReadAsStringAsync();

        Assert.DoesNotMatch(EmailOfTelefoon(), tekst);
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+|(\+31|\b0)[1-9][0-9 -]{7,}")]
    private static partial Regex EmailOfTelefoon();
}
