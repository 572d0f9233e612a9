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
}
