using Azure.Core;
using Moq;

namespace SofSBot.BotFramework.Tests.Connector;

/// <summary>
/// A Moq'd <see cref="TokenCredential"/>: the seam Azure.Identity offers for substitution. Each call
/// is counted and answered by <paramref name="issue"/> (given the call's number, from 1).
/// </summary>
internal sealed class FakeCredential
{
    private int _calls;

    public FakeCredential(Func<int, AccessToken> issue)
        : this(call => new ValueTask<AccessToken>(issue(call)))
    {
    }

    public FakeCredential(Func<int, ValueTask<AccessToken>> issue)
    {
        Mock.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .Returns((TokenRequestContext context, CancellationToken _) =>
            {
                Scopes = context.Scopes;
                return issue(Interlocked.Increment(ref _calls));
            });
    }

    public Mock<TokenCredential> Mock { get; } = new(MockBehavior.Strict);

    public TokenCredential Object => Mock.Object;

    public int Calls => Volatile.Read(ref _calls);

    public IReadOnlyList<string>? Scopes { get; private set; }
}
