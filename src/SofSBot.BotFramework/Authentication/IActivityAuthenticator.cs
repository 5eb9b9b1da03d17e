using SofSBot.BotFramework.Activities;

namespace SofSBot.BotFramework.Authentication;

/// <summary>Checks that an inbound activity really comes from the Bot Connector for this bot.</summary>
public interface IActivityAuthenticator
{
    /// <summary>
    /// Validates the <c>Authorization</c> header against the activity: issuer, audience, signature,
    /// lifetime, the signing key's endorsement of <see cref="Activity.ChannelId"/> and the
    /// <c>serviceurl</c> claim. With no app id configured every call is accepted as anonymous.
    /// </summary>
    Task<ActivityAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}
