using System.ComponentModel.DataAnnotations;

namespace SofSBot.Export;

/// <summary>
/// How chunks of an accepted export are retried on their way to the coordinator's OneDrive
/// (section <c>Export:Upload</c>). A chunk answered 408, 429 or 5xx, or whose connection failed, is
/// sent again from the first byte the upload session says it still expects (see <see cref="ExportUploader"/>).
/// </summary>
internal sealed class ExportUploadOptions : IValidatableObject
{
    public const string SectionName = "Export:Upload";

    /// <summary>Attempts per chunk, the first included.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry waits up to this long; each further one up to twice as long (full jitter).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No wait between attempts is longer, not even one the server asks for with <c>Retry-After</c>.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            yield return new ValidationResult($"{SectionName}: BaseDelay must be zero or more and MaxDelay not shorter than it.", [nameof(BaseDelay), nameof(MaxDelay)]);
        }
    }
}
