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

    /// <summary>The app's services on the store of the app under measurement (Storage__ConnectionString, no prefix).</summary>
    public static ServiceProvider VanApp(string timeoutSeconden)
    {
        var config = new ConfigurationBuilder().AddEnvironmentVariables()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Seed:SchemaMap"] = Path.Combine(AppContext.BaseDirectory, "schemas"), ["Storage:TimeoutSeconden"] = timeoutSeconden })
            .Build();
        return new ServiceCollection().AddLogging().AddVoortgang(config).BuildServiceProvider();
    }
}
