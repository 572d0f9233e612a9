using VoortgangApi.LocalHost;

namespace VoortgangApi.Bench;

/// <summary>
/// The baseline behind the same forwarding hop as the API: Kestrel with the local host's own <see cref="Doorgeefhop"/>
/// (YARP, the host's client settings) forwarding every request to the baseline. So the hop that the platform adds in
/// front of the worker is in both measurements, and the ratio shows what the worker and the app cost on top.
/// </summary>
internal static class Hop
{
    public static async Task<int> DraaiAsync(string[] args)
    {
        var poort = Basislijn.Waarde(args, "--poort") ?? throw new ArgumentException("--poort ontbreekt");
        var doel = new Uri(Basislijn.Waarde(args, "--doel") ?? throw new ArgumentException("--doel ontbreekt"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{poort}");
        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton<Doorgeefhop>();
        var app = builder.Build();
        var hop = app.Services.GetRequiredService<Doorgeefhop>();
        app.Run(async ctx => await hop.StuurAsync(ctx, doel));
        await app.RunAsync();
        return 0;
    }
}
