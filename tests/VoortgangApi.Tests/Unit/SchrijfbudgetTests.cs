using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VoortgangApi.Functions.Identiteit;
using VoortgangApi.Functions.OpenApi;

namespace VoortgangApi.Tests.Unit;

/// <summary>The write budget per identity on a clock the test moves: a burst, then the steady rate.</summary>
public class SchrijfbudgetTests
{
    private readonly FakeTimeProvider _klok = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    private Schrijfbudget Budget(int perMinuut = 60, int piek = 3) =>
        new(Options.Create(new SchrijfbudgetOptions { PerMinuut = perMinuut, Piek = piek }), _klok);

    private static ClaimsPrincipal Gebruiker(string oid) => new(new ClaimsIdentity([new Claim("oid", oid)], "Bearer"));

    private static ClaimsPrincipal Toepassing(string oid, string client) =>
        new(new ClaimsIdentity([new Claim("oid", oid), new Claim("azp", client), new Claim("idtyp", "app")], "Bearer"));

    [Fact]
    public void TheBurstIsAllowedAndTheNextWriteWaitsForTheSteadyRate()
    {
        var budget = Budget(perMinuut: 60, piek: 3);
        var wie = Gebruiker("a");

        Assert.All(Enumerable.Range(0, 3), _ => Assert.Null(budget.Neem(wie)));
        var wacht = budget.Neem(wie);

        Assert.NotNull(wacht);
        Assert.InRange(wacht!.Value.TotalSeconds, 0.9, 1.1); // 60 a minute: one a second
    }

    [Fact]
    public void TimeRefillsTheBudgetUpToTheBurst()
    {
        var budget = Budget(perMinuut: 60, piek: 3);
        var wie = Gebruiker("a");
        for (var i = 0; i < 3; i++)
        {
            budget.Neem(wie);
        }

        _klok.Advance(TimeSpan.FromMinutes(10));

        Assert.All(Enumerable.Range(0, 3), _ => Assert.Null(budget.Neem(wie)));
        Assert.NotNull(budget.Neem(wie)); // never more than the burst, however long it waited
    }

    [Fact]
    public void EveryIdentityHasItsOwnBudgetAndAnApplicationIsItsClient()
    {
        var budget = Budget(perMinuut: 1, piek: 1);

        Assert.Null(budget.Neem(Gebruiker("a")));
        Assert.NotNull(budget.Neem(Gebruiker("a")));
        Assert.Null(budget.Neem(Gebruiker("b")));
        Assert.Null(budget.Neem(Toepassing("sp-1", "pijplijn")));
        Assert.NotNull(budget.Neem(Toepassing("sp-2", "pijplijn"))); // the same client, whatever object id it shows
    }

    [Fact]
    public void EveryFunctionThatWritesNamesTheRoleItNeeds()
    {
        // Webhook subscriptions are public writes on purpose (verified intent, limits; ending one takes its secret).
        string[] openbaar = ["deleteAbonnement", "deleteProgrammaAbonnement", "postAbonnement", "postProgrammaAbonnement"];
        var schrijvend = FunctieCatalogus.HttpFuncties().Where(f => f.Methode != "GET").ToList();

        Assert.NotEmpty(schrijvend);
        Assert.All(schrijvend.Where(f => !openbaar.Contains(f.Naam)), f => Assert.True(f.Rol is not null, $"{f.Methode} {f.Route} ({f.Naam}) vraagt geen rol"));
        Assert.Equal(openbaar, schrijvend.Where(f => f.Rol is null).Select(f => f.Naam).Order(StringComparer.Ordinal));
    }
}
