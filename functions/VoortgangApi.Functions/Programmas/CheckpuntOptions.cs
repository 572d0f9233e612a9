using System.ComponentModel.DataAnnotations;

namespace VoortgangApi.Functions.Programmas;

/// <summary>When a programme's log gets a checkpoint (section Checkpunten); see docs/operations.md.</summary>
public sealed class CheckpuntOptions
{
    public const string Sectie = "Checkpunten";

    /// <summary>A checkpoint after this many new lines (and at each frozen letter); 0 switches checkpoints off.</summary>
    [Range(0, 1_000_000)]
    public int ElkeRegels { get; set; } = 1000;

    /// <summary>Lines per stored segment; only the last segment is written again by the next checkpoint.</summary>
    [Range(1, 100_000)]
    public int Segmentgrootte { get; set; } = Core.Historie.Checkpunten.Segmentgrootte;

    /// <summary>Entries dated within one window (the file an as-of read needs before the whole index is read).</summary>
    [Range(1, 1_000_000)]
    public int Vensterdoel { get; set; } = Core.Historie.Vensters.Doel;

    /// <summary>
    /// Seconds after a start on a checkpoint before the whole index is read beside the requests (sooner when a request
    /// needs it: the history, the feed, a write); the start's first requests keep the CPU meanwhile.
    /// </summary>
    [Range(0, 3600)]
    public int VolledigNaSeconden { get; set; } = 10;
}
