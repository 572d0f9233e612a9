using Microsoft.Extensions.Logging;

namespace VoortgangApi.Core.Historie;

/// <summary>Each checkpoint's parts of every item's lines (<see cref="Itemdelen"/>): written, named in a register, read back.</summary>
public sealed partial class Checkpuntbeheer
{
    // Each item's parts: an item without lines since the previous checkpoint keeps its parts as they are (no pass over its
    // lines); the others keep their full parts and have the rest written (at most one part each, usually). Without the
    // previous register (the first checkpoint, or one of a release before items) every part is written.
    private async Task<(Itemregister Register, Checkpuntsegment Bestand, int Geschreven)> SchrijfItemsAsync(Logstand stand, Checkpunt? vorige)
    {
        var oud = vorige is not null && vorige.Volgnummer <= stand.Volgnummer ? await LaadItemregisterAsync(vorige, default) : null;
        var regels = stand.Regels;
        HashSet<string> geraakt;
        lock (_lock)
        {
            geraakt = [.. _afgekeurdeItems];
        }

        var afgekeurd = geraakt.ToHashSet(StringComparer.Ordinal);
        if (oud is not null)
        {
            geraakt.UnionWith(Enumerable.Range((int)vorige!.Volgnummer, (int)(stand.Volgnummer - vorige.Volgnummer)).Select(i => Itemdelen.Sleutel(regels[i])));
        }

        var items = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Itemdeel>>(StringComparer.Ordinal);
        var geschreven = 0;
        await Parallel.ForEachAsync(stand.Tijdlijn.Sleutels(), new ParallelOptions { MaxDegreeOfParallelism = Gelijktijdig }, async (sleutel, ct) =>
        {
            var eerdere = oud?.Items.GetValueOrDefault(sleutel);
            if (eerdere is not null && !geraakt.Contains(sleutel))
            {
                items[sleutel] = eerdere;
                return;
            }

            var delen = new List<Itemdeel>();
            foreach (var (bestaand, deelregels) in Itemdelen.Indeling(stand.Tijdlijn.RegelsVan(sleutel, stand.Volgnummer), afgekeurd.Contains(sleutel) ? null : eerdere, itemgrootte))
            {
                if (bestaand is not null)
                {
                    delen.Add(bestaand);
                    continue;
                }

                var inhoud = Itemdelen.Inhoud(deelregels);
                var deel = new Itemdeel(deelregels[0].Volgnummer, deelregels[^1].Volgnummer, deelregels.Count, Checkpunten.Hash(inhoud));
                await store.BewaarSegmentAsync(deel.Bestand(sleutel), inhoud, ct);
                delen.Add(deel);
                Interlocked.Increment(ref geschreven);
            }

            items[sleutel] = delen;
        });

        var register = new Itemregister(stand.Volgnummer, new SortedDictionary<string, IReadOnlyList<Itemdeel>>(items, StringComparer.Ordinal));
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(register, VoortgangJson.Options);
        var bestand = new Checkpuntsegment(0, stand.Volgnummer, Checkpunten.Hash(bytes), Register: true);
        await store.BewaarSegmentAsync(bestand, bytes, default);
        lock (_lock)
        {
            _afgekeurdeItems.ExceptWith(afgekeurd);
        }

        return (register, bestand, geschreven);
    }

    /// <summary>
    /// The item register of checkpoint <paramref name="c"/> (kept once read), or null when it has none or it does not
    /// hold up: then the next checkpoint writes every part again, and the read that asked waits for the whole index.
    /// </summary>
    public async Task<Itemregister?> LaadItemregisterAsync(Checkpunt c, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_registers.TryGetValue(c.Volgnummer, out var bekend) && c.Itemregister is not null)
            {
                return bekend;
            }
        }

        if (c.Itemregister is null)
        {
            return null;
        }

        var register = Itemdelen.LeesRegister(c, await store.SegmentAsync(c.Itemregister, ct));
        lock (_lock)
        {
            if (register is null)
            {
                logger.LogWarning("Het itemregister van checkpunt {Volgnummer} is beschadigd of ontbreekt; het volgende checkpunt schrijft het opnieuw", c.Volgnummer);
                _herschrijven = true;
            }
            else
            {
                _registers[c.Volgnummer] = register;
            }
        }

        return register;
    }

    /// <summary>One part of an item's lines, or null when it is missing or does not hold up (then the next checkpoint writes the item's parts again).</summary>
    public async Task<IReadOnlyList<Logregel>?> LaadItemdeelAsync(string sleutel, Itemdeel deel, CancellationToken ct)
    {
        if (Itemdelen.Lees(sleutel, deel, await store.SegmentAsync(deel.Bestand(sleutel), ct)) is { } regels)
        {
            return regels;
        }

        logger.LogWarning("Itemdeel {Van}–{Tot} van {Item} is beschadigd of ontbreekt; het volgende checkpunt schrijft het opnieuw", deel.Van, deel.Tot, sleutel);
        lock (_lock)
        {
            _afgekeurdeItems.Add(sleutel);
            _herschrijven = true;
        }

        return null;
    }
}
