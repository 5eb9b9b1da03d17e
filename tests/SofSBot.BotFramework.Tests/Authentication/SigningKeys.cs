namespace SofSBot.BotFramework.Tests.Authentication;

/// <summary>
/// RSA keys are slow to generate, so a test class makes them once and its tests share them; the keys
/// never change, each test publishes the ones it needs to its own <see cref="FakeBotFrameworkLogin"/>.
/// </summary>
public sealed class SigningKeys : IDisposable
{
    /// <summary>Bot Framework's current key, endorsed for Teams among other channels.</summary>
    internal TestSigningKey Teams { get; } = new("bf-2031-current", "msteams", "skype", "webchat");

    /// <summary>A key rotated in later, also endorsed for Teams.</summary>
    internal TestSigningKey Next { get; } = new("bf-2031-next", "msteams", "skype", "webchat");

    /// <summary>A real Bot Framework key that does not endorse Teams.</summary>
    internal TestSigningKey OtherChannel { get; } = new("bf-2031-emulator", "emulator", "directline");

    /// <summary>A key Bot Framework never published.</summary>
    internal TestSigningKey Attacker { get; } = new("attacker-key", "msteams");

    public void Dispose()
    {
        Teams.Dispose();
        Next.Dispose();
        OtherChannel.Dispose();
        Attacker.Dispose();
    }
}
