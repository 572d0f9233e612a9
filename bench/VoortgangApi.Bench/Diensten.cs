using VoortgangApi.Functions;

namespace VoortgangApi.Bench;

/// <summary>The app's own services on Azurite under a fresh table prefix and container, so a measurement starts empty.</summary>
internal static class Diensten
{
    public static ServiceProvider Maak(char soort, string? timeoutSeconden = null)
    {
        var prefix = soort + Guid.NewGuid().ToString("N")[..10];
        var waarden = new Dictionary<string, string?>
        {
            ["Storage:TablePrefix"] = prefix,
            ["Storage:OpenDataContainer"] = prefix + "-open-data",
            ["Seed:SchemaMap"] = Path.Combine(AppContext.BaseDirectory, "schemas"),
        };
        if (timeoutSeconden is not null)
        {
            waarden["Storage:TimeoutSeconden"] = timeoutSeconden; // big snapshots write big batches: longer than a request may wait
        }

        var config = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(waarden).Build();
        return new ServiceCollection().AddLogging().AddVoortgang(config).BuildServiceProvider();
    }
}
