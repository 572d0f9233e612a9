using System.Diagnostics;
using System.Text.Json;

namespace VoortgangApi.Tests.Volgen;

/// <summary>
/// Python's feedparser (the reader most feed tools build on; Debian's python3-feedparser, which .ci/run installs) over a
/// feed's bytes: bozo (1 when the feed is not well-formed or breaks the format), the feed's title and its entries.
/// </summary>
public static class Feedlezer
{
    private const string Script = """
        import json, sys, feedparser
        d = feedparser.parse(sys.stdin.buffer.read())
        print(json.dumps({
            "bozo": int(d.bozo), "fout": str(d.get("bozo_exception", "")), "versie": d.version, "titel": d.feed.get("title"),
            "entries": [{"id": e.get("id"), "titel": e.get("title"), "updated": e.get("updated"), "link": e.get("link"),
                         "samenvatting": e.get("summary"), "tags": [t.term for t in e.get("tags", [])]} for e in d.entries],
            "links": [{"rel": l.get("rel"), "type": l.get("type"), "href": l.get("href")} for l in d.feed.get("links", [])]}))
        """;

    // Debian's own Python (where apt puts python3-feedparser), unless FEEDPARSER_PYTHON names another; a pyenv shim
    // earlier on PATH would not see the apt package.
    private static string Python => Environment.GetEnvironmentVariable("FEEDPARSER_PYTHON") ?? (File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");

    public static async Task<JsonElement> LeesAsync(byte[] feed)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Script);
        using var python = Process.Start(psi)!;
        await python.StandardInput.BaseStream.WriteAsync(feed);
        python.StandardInput.Close();
        var uit = python.StandardOutput.ReadToEndAsync();
        var fout = python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(python.ExitCode == 0, "feedparser: " + await fout + " (installeer python3-feedparser, zie README)");
        return JsonDocument.Parse(await uit).RootElement.Clone();
    }
}
