using Microsoft.Extensions.DependencyInjection;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Connector;
using static SofSBot.BotFramework.Tests.Connector.ConnectorResponses;

namespace SofSBot.BotFramework.Tests.Connector;

public sealed class ConversationSerializationTests : IDisposable
{
    private static readonly Activity Hello = new() { Type = ActivityTypes.Message, Text = "Hej!" };
    private static readonly Uri ServiceUrl = ConnectorHarness.ServiceUrl;

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task Posts_to_one_conversation_never_overlap_at_the_server()
    {
        var probe = new ConcurrencyProbe(_ => "one conversation", TimeSpan.FromMilliseconds(150));
        using var harness = ConnectorHarness.Anonymous(primary: probe);

        // Each call resolves its own (transient) typed client: the gate must still be shared.
        await Task.WhenAll(
            harness.Client.SendToConversationAsync(ServiceUrl, PersonalConversationId, Hello, Ct),
            harness.Client.ReplyToActivityAsync(ServiceUrl, PersonalConversationId, "1", Hello, Ct),
            harness.Client.UpdateActivityAsync(ServiceUrl, PersonalConversationId, "2", Hello, Ct),
            harness.Client.SendToConversationAsync(ServiceUrl, PersonalConversationId, Hello, Ct));

        Assert.Equal(4, probe.Served);
        Assert.Equal(1, probe.MaxInFlight("one conversation"));
        Assert.Equal(0, harness.Services.GetRequiredService<ConversationGate>().Count);
    }

    [Fact]
    public async Task Posts_to_a_channel_its_threads_and_a_new_thread_there_wait_for_each_other()
    {
        var probe = new ConcurrencyProbe(_ => "one channel", TimeSpan.FromMilliseconds(150));
        using var harness = ConnectorHarness.Anonymous(primary: probe);

        await Task.WhenAll(
            harness.Client.SendToConversationAsync(ServiceUrl, ChannelId, Hello, Ct),
            harness.Client.ReplyToActivityAsync(ServiceUrl, ThreadId, "1740912345678", Hello, Ct),
            harness.Client.SendToConversationAsync(ServiceUrl, ChannelId + ";messageid=1740999999999", Hello, Ct),
            harness.Client.CreateChannelThreadAsync(ServiceUrl, ChannelId, TenantId, Hello, Ct));

        Assert.Equal(4, probe.Served);
        Assert.Equal(1, probe.MaxInFlight("one channel"));
    }

    [Fact]
    public async Task Posts_to_two_conversations_run_at_the_same_time()
    {
        var probe = new ConcurrencyProbe(request => request.RequestUri!.Segments[^2], TimeSpan.FromSeconds(5));
        using var harness = ConnectorHarness.Anonymous(primary: probe);

        await Task.WhenAll(
            harness.Client.SendToConversationAsync(ServiceUrl, ChannelId, Hello, Ct),
            harness.Client.SendToConversationAsync(ServiceUrl, PersonalConversationId, Hello, Ct));

        Assert.Equal(2, probe.MaxTotal);
    }

    [Fact]
    public async Task Reads_are_not_held_up_by_a_post_in_flight()
    {
        var probe = new ConcurrencyProbe(_ => "team", TimeSpan.FromSeconds(5));
        using var harness = ConnectorHarness.Anonymous(primary: probe);

        await Task.WhenAll(
            harness.Client.SendToConversationAsync(ServiceUrl, TeamId, Hello, Ct),
            harness.Client.GetPagedMembersAsync(ServiceUrl, TeamId, 100, null, Ct));

        Assert.Equal(2, probe.MaxTotal);
    }

    public void Dispose() => _timeout.Dispose();
}
