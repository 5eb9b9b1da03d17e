using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SofSBot.BotFramework;
using SofSBot.Localization;
using SofSBot.Ratings;
using SofSBot.Roles;
using SofSBot.Routines;
using SofSBot.Routines.Highlights;
using SofSBot.Scheduling;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Routing;

/// <summary>
/// A member's click is the hot path: it must never read the leaders table or Microsoft Graph. The
/// leaders table counts every call; Graph fails every call at the HTTP boundary.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MemberClicksReadNoRolesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string MeetingId = "s1.20250313";
    private const string CardActivityId = "1741600000001";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private readonly FailingHttpHandler _graph = new();
    private CountingLeaderStore _leaders = null!;
    private SofSBotApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new SofSBotApp(
            azurite,
            settings: new Dictionary<string, string?>
            {
                ["Roles:Coordinators:0"] = Karin["aadObjectId"]!.GetValue<string>(),
                ["Ratings:MonitorEnabled"] = "false",
            },
            time: _time,
            services: services =>
            {
                services.Replace(ServiceDescriptor.Singleton<INamedLeaderStore>(provider =>
                    _leaders = new CountingLeaderStore(ActivatorUtilities.CreateInstance<TableNamedLeaderStore>(provider))));
                services.AddHttpClient(GraphTeamOwnerDirectory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _graph);
            });
        _app.Connector.Channels[TeamId] = [(TeamId, null), (TeammoteChannelId, "Teammöte")];
        _app.Connector.Members[TeamId] = [Karin, Sara];
        await _app.SendActivityAsync(InstalledInTeam());
        _ = _app.GetService<INamedLeaderStore>();
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(_app.Connector.Unexpected);
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_members_rating_save_reads_neither_the_leaders_table_nor_graph()
    {
        // Karin (coordinator) opens the round: a leader's click, which does read roles.
        await _app.SendActivityAsync(ChannelMention("skattning"));
        await InvokeAsync(CardAction(RatingCards.OpenVerb, new() { ["period"] = "2025-1", ["lastDay"] = "2025-03-24" }, Karin), "form-1");
        var round = Assert.Single(await _app.GetService<IRatingRoundStore>().ListForTeamAsync(TeamId, default));
        _leaders.Reset();

        var saved = await InvokeAsync(CardAction(RatingCards.SaveVerb, new() { ["roundId"] = round.RoundId, ["goal.forhallningssatt"] = "7" }, Sara), round.CardActivityId);

        Assert.Equal("application/vnd.microsoft.card.adaptive", saved["type"]!.GetValue<string>());
        Assert.Contains("Sparat.", saved["value"]!.ToJsonString(BotJson.Options), StringComparison.Ordinal);
        Assert.Equal(7, (await _app.GetService<IRatingAnswerStore>().GetForUserAsync(round, "29:1sara", default))["forhallningssatt"].Value);
        Assert.Equal((0, 0), (_leaders.Calls, _graph.Calls));
    }

    [Fact]
    public async Task A_members_highlight_save_reads_neither_the_leaders_table_nor_graph()
    {
        var meeting = new RoutineMeeting(TeamId, MeetingId, RoutineKind.Highlights, TeammoteChannelId, new DateOnly(2025, 3, 13), new TimeOnly(9, 0), Language.Swedish);
        await _app.GetService<RoutineCardFactory>().CreateAsync(meeting, default);
        await _app.GetService<RoutineCardFactory>().PostedAsync(meeting, $"{TeammoteChannelId};messageid={CardActivityId}", CardActivityId, default);
        _leaders.Reset();

        var data = new JsonObject
        {
            [HighlightsCardData.MeetingIdField] = MeetingId,
            [HighlightsCardData.WeekField] = HighlightsCardData.WeekKey(IsoWeek.Of(meeting.MeetingDate)),
            [HighlightsCardData.TextField] = "Nätverksmötet gick bra",
        };
        var saved = await InvokeAsync(CardAction(HighlightsCard.SaveVerb, data, Sara), CardActivityId);

        Assert.Equal("application/vnd.microsoft.card.adaptive", saved["type"]!.GetValue<string>());
        Assert.Contains("Nätverksmötet gick bra", saved["value"]!.ToJsonString(BotJson.Options), StringComparison.Ordinal);
        Assert.Equal((0, 0), (_leaders.Calls, _graph.Calls));
    }

    private async Task<JsonNode> InvokeAsync(JsonObject activity, string? replyToId)
    {
        activity["replyToId"] = replyToId;
        using var response = await _app.SendActivityAsync(activity);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
