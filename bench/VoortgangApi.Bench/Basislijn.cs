namespace VoortgangApi.Bench;

/// <summary>
/// The benchmark's baseline: the least a server can do to answer the same requests — the same bytes from memory, the
/// same ETag and 304 path, HEAD without a body — on plain Kestrel with no middleware. What the API costs beyond this is
/// its own work and the local host's.
/// </summary>
internal static class Basislijn
{
    public static async Task<int> DraaiAsync(string[] args)
    {
        var poort = Waarde(args, "--poort") ?? "5099";
        var map = Waarde(args, "--map") ?? throw new ArgumentException("--map ontbreekt");
        var antwoorden = Antwoorden.Laad(map);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{poort}");
        var app = builder.Build();
        app.Run(async ctx =>
        {
            if (antwoorden.Zoek(ctx.Request.Path.Value + ctx.Request.QueryString.Value) is not { } a)
            {
                ctx.Response.StatusCode = 404;
                return;
            }

            ctx.Response.Headers.ETag = a.Kop.ETag;
            ctx.Response.Headers.CacheControl = a.Kop.CacheControl;
            if (ctx.Request.Headers.IfNoneMatch == a.Kop.ETag)
            {
                ctx.Response.StatusCode = 304;
                return;
            }

            ctx.Response.ContentType = a.Kop.ContentType;
            ctx.Response.ContentLength = a.Bytes.Length;
            if (!HttpMethods.IsHead(ctx.Request.Method))
            {
                await ctx.Response.Body.WriteAsync(a.Bytes);
            }
        });
        await app.RunAsync();
        return 0;
    }

    public static string? Waarde(string[] args, string naam) =>
        Array.IndexOf(args, naam) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
