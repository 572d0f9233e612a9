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
    /// Seconds after a start on a checkpoint before the whole index is read beside the requests; -1 (the default): only
    /// when a request needs it (a correction, an as-of read no window answers, the invulblad, a snapshot) or a checkpoint
    /// is due. Reads of the current state, an item's history and the feeds page through the checkpoint's files instead.
    /// </summary>
    [Range(-1, 3600)]
    public int VolledigNaSeconden { get; set; } = -1;

    /// <summary>
    /// Seconds the whole index is kept after the last request that needed it; then, once the newest checkpoint is
    /// written, the process moves on to that checkpoint's head and lets the whole index go. 0 keeps it.
    /// </summary>
    [Range(0, 86400)]
    public int VolledigVasthoudenSeconden { get; set; } = 300;

    internal TimeSpan Uitstel => VolledigNaSeconden < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(VolledigNaSeconden);

    internal TimeSpan Vasthouden => TimeSpan.FromSeconds(VolledigVasthoudenSeconden);
}
