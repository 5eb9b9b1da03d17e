namespace SofSBot.Bench;

/// <summary>The fake connector's answer to one post: accepted, or 429 with an optional <c>Retry-After</c>.</summary>
internal sealed record ThrottleDecision(ThrottleOutcome Outcome, TimeSpan? RetryAfter);
