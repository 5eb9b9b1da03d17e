using System.Security.Claims;

namespace SofSBot.BotFramework.Authentication;

/// <summary>The outcome of authenticating one inbound activity.</summary>
/// <param name="Identity">The validated caller; null when anonymous or failed.</param>
/// <param name="FailureReason">Why it failed, for logs only: never shown to the caller.</param>
public sealed record ActivityAuthenticationResult(bool Succeeded, ClaimsIdentity? Identity, string? FailureReason)
{
    public static ActivityAuthenticationResult Anonymous { get; } = new(true, null, null);

    public static ActivityAuthenticationResult Success(ClaimsIdentity identity) => new(true, identity, null);

    public static ActivityAuthenticationResult Failure(string reason) => new(false, null, reason);
}
