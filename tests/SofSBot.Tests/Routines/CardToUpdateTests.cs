using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SofSBot.Localization;
using SofSBot.Ratings;
using SofSBot.Routines;
using SofSBot.Routines.Highlights;
using SofSBot.Scheduling;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Routines;

/// <summary>
/// The card a change replaces is the one stored for that meeting or round when it was posted, never
/// the id an invoke names in <c>replyToId</c>: an invoke sent with another card's id cannot overwrite
/// that card with the wrong routine.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CardToUpdateTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string HighlightsActivityId = "1775000000001";
    private const string RatingActivityId = "1775000000002";
    private const string HighlightsThread = TeammoteChannelId + ";messageid=" + HighlightsActivityId;
    private const string RatingThread = TeammoteChannelId + ";messageid=" + RatingActivityId;

    // Thursday 26 November 2026, ISO week 48.
    private static readonly DateOnly Thursday = new(2026, 11, 26);
    private static readonly RoutineMeeting Highlights = new(TeamId, "s1.20261126", RoutineKind.Highlights, TeammoteChannelId, Thursday, new TimeOnly(9, 0), Language.Swedish);
    private static readonly RoutineMeeting Rating = new(TeamId, "s2.20261126", RoutineKind.RatingRound, TeammoteChannelId, Thursday, new TimeOnly(9, 0), Language.Swedish);

    private readonly SofSBotApp _app = new(
        azurite,
        settings: new Dictionary<string, string?> { ["Ratings:MonitorEnabled"] = "false" },
        time: new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero)));

    public async Task InitializeAsync()
    {
        await _app.SendActivityAsync(InstalledInTeam());
        await PostAsync(Highlights, HighlightsThread, HighlightsActivityId);
        await PostAsync(Rating, RatingThread, RatingActivityId);
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(_app.Connector.Unexpected);
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_highlight_sent_with_the_rating_cards_id_does_not_replace_the_rating_card()
    {
        var save = CardAction(HighlightsCard.SaveVerb, HighlightData("Nätverksmötet gick bra"), from: Sara);
        save["conversation"]!["id"] = RatingThread;
        save["replyToId"] = RatingActivityId;

        await SendAsync(save);

        Assert.Empty(UpdatesOf(RatingActivityId));
        var update = Assert.Single(UpdatesOf(HighlightsActivityId));
        Assert.StartsWith($"/emea/v3/conversations/{HighlightsThread}/activities/", update.Path, StringComparison.Ordinal);
        Assert.Contains("Nätverksmötet gick bra", update.Card!.ToJsonString(SofSBot.BotFramework.BotJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_sent_with_the_highlights_cards_id_does_not_replace_the_highlights_card()
    {
        var save = CardAction(RatingCards.SaveVerb, new JsonObject { [RatingCards.RoundIdField] = Rating.MeetingId, [RatingInput.InputId("forhallningssatt")] = "7" }, from: Sara);
        save["conversation"]!["id"] = HighlightsThread;
        save["replyToId"] = HighlightsActivityId;

        await SendAsync(save);

        Assert.Empty(UpdatesOf(HighlightsActivityId));
        var update = Assert.Single(UpdatesOf(RatingActivityId));
        Assert.Contains(RatingCards.ViewVerb, update.Card!.ToJsonString(SofSBot.BotFramework.BotJson.Options), StringComparison.Ordinal);
        var round = await _app.GetService<IRatingRoundStore>().GetAsync(TeamId, Rating.MeetingId, default);
        Assert.Equal((RatingThread, RatingActivityId), (round!.CardConversationId, round.CardActivityId));
    }

    [Fact]
    public async Task A_card_whose_place_was_never_stored_is_not_replaced_but_the_change_is_kept_and_confirmed()
    {
        // A trial post from before the bot stored where cards go: only the invoke names a card.
        var trial = Highlights with { MeetingId = "s1.20261126.t0a1b2c3d", MeetingDate = Thursday.AddDays(-3) };
        await _app.GetService<RoutineCardFactory>().CreateAsync(trial, default);
        var save = CardAction(HighlightsCard.SaveVerb, HighlightData("Från ett gammalt kort", trial.MeetingId), from: Sara);
        save["conversation"]!["id"] = RatingThread;
        save["replyToId"] = RatingActivityId;

        var answer = await SendAsync(save);

        Assert.Contains("Din highlight är tillagd.", answer.ToJsonString(SofSBot.BotFramework.BotJson.Options), StringComparison.Ordinal);
        Assert.DoesNotContain(_app.Connector.Calls, call => call.Method == HttpMethod.Put);
        Assert.Contains(await _app.GetService<IWeekHighlights>().ListAsync(TeamId, 2026, 48, default), highlight => highlight.Text == "Från ett gammalt kort");
    }

    [Fact]
    public async Task A_scheduled_card_posted_before_places_were_stored_is_found_in_the_occurrence_ledger()
    {
        var older = Highlights with { MeetingId = "s9.20261126" };
        await _app.GetService<RoutineCardFactory>().CreateAsync(older, default);
        var ledger = _app.GetService<IOccurrenceLedger>();
        var claim = await ledger.TryClaimAsync(TeamId, "s9", SchedulerService.LedgerKey(Thursday), "test", default);
        claim = await ledger.TryStartPostingAsync(claim!, default);
        await ledger.MarkPostedAsync(claim!, TeammoteChannelId + ";messageid=1775000000009", "1775000000009", default);
        var save = CardAction(HighlightsCard.SaveVerb, HighlightData("Schemalagt förr", older.MeetingId), from: Sara);
        save["conversation"]!["id"] = RatingThread;
        save["replyToId"] = RatingActivityId;

        await SendAsync(save);

        Assert.Empty(UpdatesOf(RatingActivityId));
        Assert.Single(UpdatesOf("1775000000009"));
    }

    /// <summary>Makes the meeting's card and tells the routine where it landed, as the scheduler's post does.</summary>
    private async Task PostAsync(RoutineMeeting meeting, string thread, string activityId)
    {
        var factory = _app.GetService<RoutineCardFactory>();
        await factory.CreateAsync(meeting, default);
        await factory.PostedAsync(meeting, thread, activityId, default);
    }

    private static JsonObject HighlightData(string text, string meetingId = "s1.20261126") => new()
    {
        [HighlightsCardData.MeetingIdField] = meetingId,
        [HighlightsCardData.WeekField] = "2026-W48",
        [HighlightsCardData.TextField] = text,
    };

    private IEnumerable<ConnectorCall> UpdatesOf(string activityId) =>
        _app.Connector.Calls.Where(call => call.Method == HttpMethod.Put && call.Path.EndsWith("/activities/" + activityId, StringComparison.Ordinal));

    private async Task<JsonNode> SendAsync(JsonObject activity)
    {
        using var response = await _app.SendActivityAsync(activity);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!;
    }
}
