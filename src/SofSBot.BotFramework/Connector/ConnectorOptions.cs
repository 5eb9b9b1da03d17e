using System.ComponentModel.DataAnnotations;

namespace SofSBot.BotFramework.Connector;

/// <summary>
/// Retries and timeouts of calls to the Bot Connector (section <c>Bot:Connector</c>). Delays grow as
/// <see cref="BaseDelay"/> × 2^(attempt − 1), capped at <see cref="MaxDelay"/>, with full jitter;
/// a <c>Retry-After</c> from the server takes precedence.
/// </summary>
public sealed class ConnectorOptions : IValidatableObject
{
    public const string SectionName = "Bot:Connector";

    /// <summary>Attempts per call, the first included; 1 turns retries off.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The upper bound of the first retry's jittered delay.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest backoff delay between two attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> the client will wait; a longer one (e.g. the hourly limit) ends
    /// the call at once with the 429 rather than retrying before the server allows it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The whole call's time limit, all attempts and waits included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// How long the connector calls made while answering one inbound activity may take together,
    /// retries included (see <see cref="ConnectorTurnBudget"/>): Teams waits about 15 s for an invoke's
    /// answer, and the bot promises one within 10 s even when the connector cannot be reached.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan TurnBudget { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxDelay < BaseDelay)
        {
            yield return new ValidationResult("MaxDelay must not be shorter than BaseDelay.", [nameof(MaxDelay), nameof(BaseDelay)]);
        }
    }
}
