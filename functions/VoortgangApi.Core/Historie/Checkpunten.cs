using System.Security.Cryptography;
using System.Text.Json;

namespace VoortgangApi.Core.Historie;

/// <summary>
/// One stored piece of a checkpoint: lines <see cref="Van"/>..<see cref="Tot"/> and the SHA-256 of its bytes; for a
/// window (<see cref="Venster"/> true) the range is of day numbers; for a part of one item's lines (<see cref="Item"/>
/// its key) the numbers of its first and last line; the item register (<see cref="Register"/>) is 0..the checkpoint's number.
/// </summary>
public sealed record Checkpuntsegment(
    long Van, long Tot, string Sha256, bool Venster = false, string? Item = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool Register = false);

/// <summary>
/// A window of a checkpoint: what the state at any peildatum from <see cref="Van"/> to <see cref="Tot"/> needs, as
/// known at the checkpoint (<see cref="Vensterinhoud"/>), and the SHA-256 of its bytes. A window that no line since
/// changed is named again by the next checkpoint, not written again.
/// </summary>
public sealed record Checkpuntvenster(DateOnly Van, DateOnly Tot, string Sha256)
{
    public Checkpuntsegment Bestand => new(Van.DayNumber, Tot.DayNumber, Sha256, Venster: true);

    public bool Bevat(DateOnly peildatum) => Van <= peildatum && peildatum <= Tot;
}

/// <summary>
/// A window's content (<see cref="Tijdlijn.Kop"/> between two dates): per item the entry in force at <see cref="Van"/>
/// and every later-ordered one dated up to <see cref="Tot"/>, with the corrections of those; the ids of the entries in
/// force at <see cref="Van"/>. Nothing in it names the checkpoint, so an unchanged window has the same bytes in the next.
/// </summary>
public sealed record Vensterinhoud(DateOnly Van, DateOnly Tot, IReadOnlyList<string> Winnaars, IReadOnlyList<Logregel> Regels);

/// <summary>
/// A checkpoint: the log indexed up to <see cref="Volgnummer"/> (whose moment is <see cref="BekendTot"/>), stored as
/// segments of lines. <see cref="Schema"/> names the format; a reader of another schema ignores it.
/// </summary>
/// <remarks>
/// <see cref="Vensters"/> (absent in a checkpoint of a release before them, which stays readable: same schema) cover every
/// peildatum, in order, so an as-of read after a start needs one window and not the whole index; likewise
/// <see cref="Itemregister"/> names each item's parts (<see cref="Itemdelen"/>) for its history and feeds.
/// </remarks>
public sealed record Checkpunt(
    int Schema, long Volgnummer, DateTimeOffset BekendTot, IReadOnlyList<Checkpuntsegment> Segmenten, Checkpuntsegment? Kop = null,
    IReadOnlyList<Checkpuntvenster>? Vensters = null, Checkpuntsegment? Itemregister = null)
{
    /// <summary>Every stored file the checkpoint names: its segments, its head, its windows and its item register (not the parts the register names).</summary>
    public IEnumerable<Checkpuntsegment> Bestanden =>
        [.. Segmenten, .. new[] { Kop, Itemregister }.OfType<Checkpuntsegment>(), .. (Vensters ?? []).Select(v => v.Bestand)];

    /// <summary>The window for this peildatum, or null (no windows, or they do not cover it).</summary>
    public Checkpuntvenster? VensterVoor(DateOnly peildatum) => Vensters?.FirstOrDefault(v => v.Bevat(peildatum));
}

/// <summary>
/// A checkpoint's head (<see cref="Tijdlijn.Kop"/>): what the current state needs, small whatever the log's length, so
/// a start answers current reads after reading it and the lines after the checkpoint; the segments follow beside.
/// </summary>
public sealed record Kopinhoud(DateOnly Vanaf, DateTimeOffset BekendVanaf, long Volgnummer, string LaatsteId, IReadOnlyList<string> Winnaars, IReadOnlyList<Logregel> Regels);

/// <summary>Where a programme's checkpoints are kept (Blob Storage in Azure, Azurite locally); implemented by the storage project.</summary>
public interface ICheckpuntStore
{
    /// <summary>The stored checkpoints that could be read as JSON, newest (highest number) first.</summary>
    Task<IReadOnlyList<Checkpunt>> LijstAsync(CancellationToken ct);

    /// <summary>The bytes of a segment, or null when it is missing.</summary>
    Task<byte[]?> SegmentAsync(Checkpuntsegment segment, CancellationToken ct);

    /// <summary>Stores a segment's bytes under its range; a segment with the same range and hash may exist already.</summary>
    Task BewaarSegmentAsync(Checkpuntsegment segment, byte[] inhoud, CancellationToken ct);

    /// <summary>Stores the checkpoint itself, after its segments.</summary>
    Task BewaarAsync(Checkpunt checkpunt, CancellationToken ct);

    /// <summary>
    /// Removes checkpoints other than <paramref name="bewaren"/>, and files none of those names nor
    /// <paramref name="ookBewaren"/> lists (the item parts their registers name).
    /// </summary>
    Task RuimOpAsync(IReadOnlyList<Checkpunt> bewaren, IReadOnlyCollection<Checkpuntsegment> ookBewaren, CancellationToken ct);
}

/// <summary>The checkpoint format: segments of lines as JSON, checked on reading by hash, range and numbering.</summary>
public static class Checkpunten
{
    /// <summary>The format of this release. Raise it when <see cref="Logregel"/>'s JSON or the segment layout changes.</summary>
    public const int Schema = 1;

    /// <summary>Lines per full segment; a checkpoint's last segment may be shorter and is replaced by the next checkpoint.</summary>
    public const int Segmentgrootte = 10_000;

    public static byte[] Inhoud(IReadOnlyList<Logregel> regels) => JsonSerializer.SerializeToUtf8Bytes(regels, VoortgangJson.Options);

    /// <summary>The head of a checkpoint, or null when its bytes are not the ones named (hash) or do not belong to it.</summary>
    public static Kopinhoud? LeesKop(Checkpunt c, byte[]? inhoud)
    {
        if (c.Kop is null || inhoud is null || Hash(inhoud) != c.Kop.Sha256)
        {
            return null;
        }

        try
        {
            var kop = JsonSerializer.Deserialize<Kopinhoud>(inhoud, VoortgangJson.Options);
            return kop is { Regels: not null, Winnaars: not null, LaatsteId: not null } && kop.Volgnummer == c.Volgnummer && kop.BekendVanaf == c.BekendTot
                && kop.Regels.All(r => r.Volgnummer <= c.Volgnummer && (r.Status is null) != (r.Revisie is null)) ? kop : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A window's content, or null when its bytes are not the ones named (hash) or do not belong to it (dates, numbers).</summary>
    public static Vensterinhoud? LeesVenster(Checkpunt c, Checkpuntvenster v, byte[]? inhoud)
    {
        if (inhoud is null || Hash(inhoud) != v.Sha256)
        {
            return null;
        }

        try
        {
            var venster = JsonSerializer.Deserialize<Vensterinhoud>(inhoud, VoortgangJson.Options);
            return venster is { Regels: not null, Winnaars: not null } && venster.Van == v.Van && venster.Tot == v.Tot
                && venster.Regels.All(r => r.Volgnummer <= c.Volgnummer && (r.Status is null) != (r.Revisie is null)) ? venster : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether the windows run from the first date to the last without a gap or an overlap.</summary>
    public static bool VenstersSluitend(IReadOnlyList<Checkpuntvenster> vensters) =>
        vensters.Count > 0 && vensters[0].Van == DateOnly.MinValue && vensters[^1].Tot == DateOnly.MaxValue
        && vensters.Zip(vensters.Skip(1)).All(p => p.First.Tot < DateOnly.MaxValue && p.Second.Van == p.First.Tot.AddDays(1) && p.First.Van <= p.First.Tot);

    public static string Hash(ReadOnlySpan<byte> inhoud) => Convert.ToHexStringLower(SHA256.HashData(inhoud));

    /// <summary>The lines of a segment, or null when its bytes are not the ones the checkpoint names (hash, count or numbers).</summary>
    public static IReadOnlyList<Logregel>? Lees(Checkpuntsegment segment, byte[]? inhoud)
    {
        if (inhoud is null || Hash(inhoud) != segment.Sha256)
        {
            return null;
        }

        try
        {
            var regels = JsonSerializer.Deserialize<List<Logregel>>(inhoud, VoortgangJson.Options);
            if (regels is null || regels.Count != segment.Tot - segment.Van + 1)
            {
                return null;
            }

            for (var i = 0; i < regels.Count; i++)
            {
                if (regels[i].Volgnummer != segment.Van + i || (regels[i].Status is null) == (regels[i].Revisie is null))
                {
                    return null;
                }
            }

            return regels;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether the segments cover 1..Volgnummer without a gap, in order, and the schema is this release's.</summary>
    public static bool IsSamenhangend(Checkpunt c)
    {
        if (c.Schema != Schema || c.Volgnummer < 1 || c.Segmenten.Count == 0)
        {
            return false;
        }

        var volgende = 1L;
        foreach (var s in c.Segmenten)
        {
            if (s.Van != volgende || s.Tot < s.Van)
            {
                return false;
            }

            volgende = s.Tot + 1;
        }

        return volgende == c.Volgnummer + 1;
    }

    /// <summary>The ranges a checkpoint at <paramref name="volgnummer"/> consists of: full segments, then the rest.</summary>
    public static IEnumerable<(long Van, long Tot)> Indeling(long volgnummer, int segmentgrootte = Segmentgrootte)
    {
        for (var van = 1L; van <= volgnummer; van += segmentgrootte)
        {
            yield return (van, Math.Min(van + segmentgrootte - 1, volgnummer));
        }
    }
}
