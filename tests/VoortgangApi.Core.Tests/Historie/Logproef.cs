using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using VoortgangApi.Core;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Tests.Historie;

/// <summary>What the checkpoint tests share: a log given in advance, checkpoints in memory, and a process that writes one.</summary>
internal static class Logproef
{
    internal static string Json(VoortgangData d) => JsonSerializer.Serialize(d, VoortgangJson.Options);

    // A process that reads the visible lines, writes a checkpoint of them (one after every line) and stops.
    internal static async Task SchrijfCheckpuntAsync(
        VasteHistorieStore store, GeheugenCheckpuntStore checkpunten, int segmentgrootte, int vensterdoel = Vensters.Doel, int itemgrootte = Itemdelen.Grootte)
    {
        using var eerste = new Logboek(store, Versheid(), new Checkpuntbeheer(checkpunten, NullLogger<Checkpuntbeheer>.Instance, 1, segmentgrootte, vensterdoel, itemgrootte));
        await eerste.VersAsync(default);
        await eerste.CheckpuntLopend;
    }

    /// <summary>
    /// A random log of which a first process saw all but the last few lines and wrote a checkpoint of them (segments of
    /// 2–5 lines); then every line is stored. It draws from <paramref name="random"/> in the same order each time.
    /// </summary>
    internal static async Task<(List<Logregel> Log, VasteHistorieStore Store, GeheugenCheckpuntStore Checkpunten, Checkpunt Checkpunt)> GecheckpuntAsync(
        Random random, bool willekeurigeItemgrootte = false)
    {
        var log = VouwTests.WillekeurigLog(random, 60);
        var store = new VasteHistorieStore(log) { Zichtbaar = Math.Max(1, log.Count - random.Next(0, 6)) };
        var checkpunten = new GeheugenCheckpuntStore();
        var segmentgrootte = random.Next(2, 6);
        await SchrijfCheckpuntAsync(store, checkpunten, segmentgrootte, itemgrootte: willekeurigeItemgrootte ? random.Next(1, 4) : Itemdelen.Grootte);
        store.Zichtbaar = log.Count;
        return (log, store, checkpunten, checkpunten.Checkpunten.MaxBy(x => x.Volgnummer)!);
    }

    internal static Versheid Versheid() => new(new Wijzigingsteller(), TimeProvider.System, TimeSpan.Zero);

    /// <summary>A log given in advance, of which the first <see cref="Zichtbaar"/> lines are "stored"; counts the lines read.</summary>
    internal sealed class VasteHistorieStore(List<Logregel> log) : IHistorieStore
    {
        public int Zichtbaar { get; set; }

        public int Gelezen { get; set; }

        /// <summary>How often the lines were asked for (also when there were none).</summary>
        public int Leesbeurten { get; private set; }

        public Task<IReadOnlyList<Logregel>> LeesNaAsync(long na, CancellationToken ct)
        {
            IReadOnlyList<Logregel> regels = [.. log.Take(Zichtbaar).Where(r => r.Volgnummer > na)];
            Gelezen += regels.Count;
            Leesbeurten++;
            return Task.FromResult(regels);
        }

        public Task<IReadOnlyList<Logregel>> VoegToeAsync(Toevoeging toevoeging, CancellationToken ct) => throw new NotSupportedException();

        /// <summary>Every Idempotency-Key was used before (a store the seed's batches went into).</summary>
        public bool AllesEerderGezien { get; set; }

        public Task<Idempotentie?> IdempotentieAsync(string sleutel, CancellationToken ct) =>
            Task.FromResult(AllesEerderGezien ? new Idempotentie("", 1) : null);
    }

    internal sealed class GeheugenCheckpuntStore : ICheckpuntStore
    {
        public List<Checkpunt> Checkpunten { get; } = [];

        // Concurrent: a checkpoint writes its item parts several at a time.
        public System.Collections.Concurrent.ConcurrentDictionary<Checkpuntsegment, byte[]> Segmenten { get; } = new();

        public void Vervang(Checkpunt oud, Checkpunt nieuw) => Checkpunten[Checkpunten.IndexOf(oud)] = nieuw;

        public Task<IReadOnlyList<Checkpunt>> LijstAsync(CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<Checkpunt>>([.. Checkpunten.OrderByDescending(c => c.Volgnummer)]);

        /// <summary>When set, the segments (not the head, the windows or the item files) are read only once it completes: the test sees the state on the head.</summary>
        public TaskCompletionSource? Poort { get; set; }

        /// <summary>Segments the <see cref="Poort"/> lets through.</summary>
        public HashSet<Checkpuntsegment> Vrij { get; } = [];

        /// <summary>The segment whose reading fails while <see cref="FoutenTeGaan"/> is above 0 (storage unreachable).</summary>
        public Checkpuntsegment? Fout { get; set; }

        public int FoutenTeGaan { get; set; }

        /// <summary>How often each segment was asked for.</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<Checkpuntsegment, int> Leesbeurten { get; } = new();

        public async Task<byte[]?> SegmentAsync(Checkpuntsegment segment, CancellationToken ct)
        {
            Leesbeurten.AddOrUpdate(segment, 1, (_, n) => n + 1);
            if (segment is { Venster: false, Item: null, Register: false, Van: > 0 } && Poort is { } poort && !Vrij.Contains(segment))
            {
                await poort.Task;
            }

            if (segment == Fout && FoutenTeGaan > 0)
            {
                FoutenTeGaan--;
                throw new IOException("segment onbereikbaar (test)");
            }

            return Segmenten.GetValueOrDefault(segment);
        }

        public Task BewaarSegmentAsync(Checkpuntsegment segment, byte[] inhoud, CancellationToken ct)
        {
            Segmenten[segment] = inhoud;
            return Task.CompletedTask;
        }

        public Task BewaarAsync(Checkpunt checkpunt, CancellationToken ct)
        {
            Checkpunten.RemoveAll(c => c.Volgnummer == checkpunt.Volgnummer);
            Checkpunten.Add(checkpunt);
            return Task.CompletedTask;
        }

        public Task RuimOpAsync(IReadOnlyList<Checkpunt> bewaren, IReadOnlyCollection<Checkpuntsegment> ookBewaren, CancellationToken ct)
        {
            Checkpunten.RemoveAll(c => !bewaren.Any(b => b.Volgnummer == c.Volgnummer));
            foreach (var s in Segmenten.Keys.Where(s => !bewaren.Any(b => b.Bestanden.Contains(s)) && !ookBewaren.Contains(s)).ToList())
            {
                Segmenten.TryRemove(s, out _);
            }

            return Task.CompletedTask;
        }
    }
}
