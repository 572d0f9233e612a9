using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using VoortgangApi.Core;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Validation;

namespace VoortgangApi.Bench;

/// <summary>
/// The log at scale in one process, for sizes Azurite cannot hold (a million lines): the bench's synthetic log in a
/// store in memory, checkpoints as bytes in memory (serialised and hashed as in Blob Storage, without the network),
/// then a restart of the log on its newest checkpoint measured as the app's own code does it: the start (head and
/// tail), the first current state, as-of reads on dates not read before, status writes through the write API's core,
/// and the memory the log holds. Storage's own latency is not in these figures (./bench.sh --schaal has it, on Azurite).
/// </summary>
internal static class Logschaalmeting
{
    private static readonly DateOnly[] Dagen = [new(2021, 3, 15), new(2022, 7, 1), new(2023, 11, 20), new(2024, 2, 29), new(2025, 6, 30), new(2020, 9, 9), new(2022, 1, 31)];

    public static async Task<int> DraaiAsync(string[] args)
    {
        var aantallen = (Basislijn.Waarde(args, "--regels") ?? "1000,100000,1000000").Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
        var schemas = new SchemaCatalogus(Basislijn.Waarde(args, "--schemas") ?? "schemas");
        var rijen = new List<Dictionary<string, object>>();
        await MeetAsync(aantallen.Min(), schemas); // not reported: the code's first run (JIT) would count for the smallest size only
        foreach (var n in aantallen)
        {
            var rij = await MeetAsync(n, schemas);
            rijen.Add(rij);
            Console.Error.WriteLine(JsonSerializer.Serialize(rij));
        }

        Console.WriteLine(JsonSerializer.Serialize(rijen));
        return 0;
    }

    private static async Task<Dictionary<string, object>> MeetAsync(int n, SchemaCatalogus schemas)
    {
        var nu = DateTimeOffset.UtcNow;
        var store = new GeheugenHistorie([.. Loggenerator.Genummerd(n, nu.AddDays(-2))]);
        var checkpunten = new GeheugenCheckpunten();
        var klok = Stopwatch.StartNew();
        using (var eerste = new Logboek(store, Versheid(), new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance)))
        {
            await eerste.VersAsync(default);
            eerste.VraagCheckpunt();
            await eerste.CheckpuntLopend;
        }

        var checkpuntMs = klok.Elapsed.TotalMilliseconds;
        var c = checkpunten.Lijst.MaxBy(x => x.Volgnummer)!;
        Opruimen();
        var voor = GC.GetTotalMemory(forceFullCollection: true);

        // The restart, with the app's defaults: the whole index only when something needs it; let go again after
        // `Vasthouden` (the app's 300 s, shortened so the bench can wait for it).
        klok.Restart();
        using var logboek = new Logboek(store, Versheid(), new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance), Timeout.InfiniteTimeSpan, Vasthouden);
        var stand = await logboek.LeesAsync(default);
        var startMs = klok.Elapsed.TotalMilliseconds;
        klok.Restart();
        var huidig = stand.Huidig(TimeProvider.System.Vandaag());
        var huidigMs = klok.Elapsed.TotalMilliseconds;
        var opKop = !stand.Tijdlijn.Volledig;

        var peildatum = new List<double>();
        foreach (var d in Dagen)
        {
            klok.Restart();
            _ = (await logboek.DekkendAsync(stand, d, DateTimeOffset.MaxValue, default)).Stand(d, DateTimeOffset.MaxValue);
            peildatum.Add(klok.Elapsed.TotalMilliseconds);
        }

        var schrijver = new VoortgangSchrijver(new Vastlegging(store, logboek, NullLogger<Vastlegging>.Instance), logboek, schemas, TimeProvider.System);
        var schrijven = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            var body = $$"""{"status":"{{(i % 2 == 0 ? "vertraagd" : "in_uitvoering")}}","peildatum":"2025-12-31","zekerheid":"afgeleid","bron":{"titel":"Meting","soort":"overheid","datum":"2025-12-31"},"toelichting":"Meting van het schrijfpad bij een groot logboek."}""";
            klok.Restart();
            var r = await schrijver.StatusAsync($"SO-{(i % 200) + 1:000}", body, null, new Vastlegger("bench", "bench"), default);
            schrijven.Add(klok.Elapsed.TotalMilliseconds);
            if (!r.IsGelukt)
            {
                throw new InvalidOperationException($"schrijven: {r.Probleem!.Detail} {string.Join("; ", r.Probleem.Fouten.Select(f => f.Naam + " " + f.Code))}");
            }
        }

        // An item's history right after the start: its own parts of the checkpoint and the lines after it.
        klok.Restart();
        var (naHistorie, historie) = await logboek.ItemregelsAsync(_ => [Itemdelen.Sleutel(Itemsoorten.Oplossingsrichting, "SO-001")], null, default);
        var historieMs = klok.Elapsed.TotalMilliseconds;
        var historieZonderIndex = !naHistorie.Tijdlijn.Volledig;

        // What the process holds on its head after all that; then with the whole index (read for a request that needs
        // it); then after it let the whole index go and moved on to the checkpoint's head again.
        var kop = GC.GetTotalMemory(forceFullCollection: true) - voor;
        klok.Restart();
        var volledig = await HeleIndexAsync(logboek);
        var heleIndexMs = klok.Elapsed.TotalMilliseconds;
        var geheugen = GC.GetTotalMemory(forceFullCollection: true) - voor;
        await Task.Delay(Vasthouden);
        await Task.WhenAny(logboek.LoslatenLopend, Task.Delay(TimeSpan.FromSeconds(30))); // not let go: reported below
        var losgelaten = GC.GetTotalMemory(forceFullCollection: true) - voor;
        GC.KeepAlive(huidig);
        return new()
        {
            ["regels"] = n,
            ["checkpuntVensters"] = c.Vensters?.Count ?? 0,
            ["checkpuntSchrijvenMs"] = Math.Round(checkpuntMs),
            ["startMs"] = Math.Round(startMs, 1),
            ["opKop"] = opKop,
            ["eersteHuidigMs"] = Math.Round(huidigMs, 1),
            ["eerstePeildatumMs"] = Math.Round(peildatum[0], 1),
            ["peildatumMediaanMs"] = Math.Round(Mediaan(peildatum), 1),
            ["eersteSchrijvenMs"] = Math.Round(schrijven[0], 1),
            ["schrijvenMediaanMs"] = Math.Round(Mediaan(schrijven.Skip(1)), 2),
            ["historieMs"] = Math.Round(historieMs, 1),
            ["historieRegels"] = historie.Count,
            ["historieZonderIndex"] = historieZonderIndex,
            ["kopMiB"] = Math.Round(kop / 1048576.0),
            ["heleIndexMs"] = Math.Round(heleIndexMs),
            ["heleIndexRegels"] = volledig,
            ["logboekMiB"] = Math.Round(geheugen / 1048576.0),
            ["losgelatenMiB"] = Math.Round(losgelaten / 1048576.0),
            ["losgelatenOpKop"] = logboek.OpKop is not null,
        };
    }

    private static readonly TimeSpan Vasthouden = TimeSpan.FromSeconds(2);

    // Not inlined: the whole index must not stay reachable from the caller's frame once it is let go.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<int> HeleIndexAsync(Logboek logboek) => (await logboek.VolledigAsync(default)).Regels.Count;

    private static double Mediaan(IEnumerable<double> xs)
    {
        var s = xs.Order().ToList();
        return s[s.Count / 2];
    }

    private static void Opruimen()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static Versheid Versheid() => new(new Wijzigingsteller(), TimeProvider.System, TimeSpan.FromSeconds(30));

    /// <summary>The log as a list: a range read is a slice, as a seek on (PartitionKey, RowKey) is in Table Storage.</summary>
    private sealed class GeheugenHistorie(List<Logregel> regels) : IHistorieStore
    {
        private readonly Lock _lock = new();

        public Task<IReadOnlyList<Logregel>> LeesNaAsync(long na, CancellationToken ct)
        {
            lock (_lock)
            {
                return Task.FromResult<IReadOnlyList<Logregel>>(regels.GetRange((int)Math.Min(na, regels.Count), regels.Count - (int)Math.Min(na, regels.Count)));
            }
        }

        public Task<IReadOnlyList<Logregel>> VoegToeAsync(Toevoeging t, CancellationToken ct)
        {
            lock (_lock)
            {
                if (t.VerwachtVolgnummer != regels.Count)
                {
                    throw new Core.Cycli.GelijktijdigeWijzigingException("bench", new InvalidOperationException());
                }

                var op = DateTimeOffset.UtcNow is var u && u > t.VorigMoment ? u : t.VorigMoment.AddMilliseconds(1);
                var nieuw = t.Regels.Select((r, i) => r.Nummer(t.VerwachtVolgnummer + 1 + i, op)).ToList();
                regels.AddRange(nieuw);
                return Task.FromResult<IReadOnlyList<Logregel>>(nieuw);
            }
        }

        public Task<Idempotentie?> IdempotentieAsync(string sleutel, CancellationToken ct) => Task.FromResult<Idempotentie?>(null);
    }

    /// <summary>Checkpoints as bytes in memory, as the blob store keeps them.</summary>
    private sealed class GeheugenCheckpunten : ICheckpuntStore
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Checkpuntsegment, byte[]> _bestanden = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte[]> _checkpunten = new();

        public IEnumerable<Checkpunt> Lijst => _checkpunten.Values.Select(b => JsonSerializer.Deserialize<Checkpunt>(b, VoortgangJson.Options)!);

        public Task<IReadOnlyList<Checkpunt>> LijstAsync(CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<Checkpunt>>([.. Lijst.OrderByDescending(c => c.Volgnummer)]);

        public Task<byte[]?> SegmentAsync(Checkpuntsegment segment, CancellationToken ct) => Task.FromResult(_bestanden.GetValueOrDefault(segment));

        public Task BewaarSegmentAsync(Checkpuntsegment segment, byte[] inhoud, CancellationToken ct)
        {
            _bestanden[segment] = inhoud;
            return Task.CompletedTask;
        }

        public Task BewaarAsync(Checkpunt checkpunt, CancellationToken ct)
        {
            _checkpunten[checkpunt.Volgnummer] = JsonSerializer.SerializeToUtf8Bytes(checkpunt, VoortgangJson.Options);
            return Task.CompletedTask;
        }

        public Task RuimOpAsync(IReadOnlyList<Checkpunt> bewaren, IReadOnlyCollection<Checkpuntsegment> ookBewaren, CancellationToken ct) => Task.CompletedTask;
    }
}
