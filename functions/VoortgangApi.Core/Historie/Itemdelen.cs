using System.Text.Json;

namespace VoortgangApi.Core.Historie;

/// <summary>
/// A part of one item's lines in a checkpoint: its lines numbered <see cref="Van"/>..<see cref="Tot"/> (<see cref="Aantal"/>
/// of them, not consecutive: the other items' lines lie between) and the SHA-256 of its bytes.
/// </summary>
public sealed record Itemdeel(long Van, long Tot, int Aantal, string Sha256)
{
    public Checkpuntsegment Bestand(string sleutel) => new(Van, Tot, Sha256, Item: sleutel);
}

/// <summary>
/// Where a checkpoint keeps each item's lines: per item key (<see cref="Itemdelen.Sleutel(string, string)"/>) its parts,
/// oldest first. One file per checkpoint, read only when an item's history or feed is asked before the whole index is
/// read, so the checkpoint itself (read at every start) does not grow with the number of parts.
/// </summary>
public sealed record Itemregister(long Volgnummer, IReadOnlyDictionary<string, IReadOnlyList<Itemdeel>> Items)
{
    /// <summary>Every part file the register names.</summary>
    public IEnumerable<Checkpuntsegment> Bestanden => Items.SelectMany(i => i.Value.Select(d => d.Bestand(i.Key)));
}

/// <summary>
/// How a checkpoint divides each item's lines into parts of <see cref="Grootte"/>: an item's history or feed after a start
/// reads its own parts and the lines after the checkpoint, not the whole log. A full part never changes; only an item's
/// last part is written again, and only when the item has new lines — so a checkpoint writes the parts of the items
/// recorded since the previous one, not the log.
/// </summary>
public static class Itemdelen
{
    /// <summary>Lines per full part: at a million lines the bench's 200 items have 20 parts each, of ~100 KB.</summary>
    public const int Grootte = 250;

    /// <summary>The key of a line's item: a status belongs to its solution direction, a revision to its kind and id.</summary>
    public static string Sleutel(Logregel r) => r.Status is { } s
        ? Sleutel(Itemsoorten.Oplossingsrichting, s.OplossingsrichtingId)
        : Sleutel(r.Revisie!.Soort, r.Revisie.ItemId);

    public static string Sleutel(string soort, string id) => soort + "/" + id;

    /// <summary>
    /// The parts of one item's lines (number order) that has new lines: the previous full parts that still name exactly
    /// the lines at their place, then the rest divided afresh (null: to be written).
    /// </summary>
    public static List<(Itemdeel? Bestaand, IReadOnlyList<Logregel> Regels)> Indeling(IReadOnlyList<Logregel> regels, IReadOnlyList<Itemdeel>? vorige, int grootte = Grootte)
    {
        var uit = new List<(Itemdeel?, IReadOnlyList<Logregel>)>();
        var plek = 0;
        foreach (var d in vorige ?? [])
        {
            if (d.Aantal != grootte || plek + d.Aantal > regels.Count
                || regels[plek].Volgnummer != d.Van || regels[plek + d.Aantal - 1].Volgnummer != d.Tot)
            {
                break;
            }

            uit.Add((d, regels.Skip(plek).Take(d.Aantal).ToList()));
            plek += d.Aantal;
        }

        for (; plek < regels.Count; plek += grootte)
        {
            uit.Add((null, regels.Skip(plek).Take(grootte).ToList()));
        }

        return uit;
    }

    public static byte[] Inhoud(IReadOnlyList<Logregel> regels) => JsonSerializer.SerializeToUtf8Bytes(regels, VoortgangJson.Options);

    /// <summary>A part's lines, or null when its bytes are not the ones named (hash) or do not belong to it (count, range, item, order).</summary>
    public static IReadOnlyList<Logregel>? Lees(string sleutel, Itemdeel deel, byte[]? inhoud)
    {
        if (inhoud is null || Checkpunten.Hash(inhoud) != deel.Sha256)
        {
            return null;
        }

        try
        {
            var regels = JsonSerializer.Deserialize<List<Logregel>>(inhoud, VoortgangJson.Options);
            return regels is not null && regels.Count == deel.Aantal && regels.Count > 0 && regels[0].Volgnummer == deel.Van && regels[^1].Volgnummer == deel.Tot
                && regels.All(r => (r.Status is null) != (r.Revisie is null) && Sleutel(r) == sleutel)
                && regels.Zip(regels.Skip(1)).All(p => p.First.Volgnummer < p.Second.Volgnummer) ? regels : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A checkpoint's register, or null when its bytes are not the ones named or not of this checkpoint.</summary>
    public static Itemregister? LeesRegister(Checkpunt c, byte[]? inhoud)
    {
        if (c.Itemregister is null || inhoud is null || Checkpunten.Hash(inhoud) != c.Itemregister.Sha256)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Itemregister>(inhoud, VoortgangJson.Options) is { Items: not null } r && r.Volgnummer == c.Volgnummer
                && r.Items.Values.All(d => d is { Count: > 0 } && d.All(x => x.Aantal > 0 && x.Van <= x.Tot && x.Tot <= c.Volgnummer)) ? r : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
