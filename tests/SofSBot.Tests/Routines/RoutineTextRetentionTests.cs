using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SofSBot.BotFramework;
using SofSBot.Localization;
using SofSBot.Routines;
using SofSBot.Routines.AppreciativeInquiry;
using SofSBot.Routines.CaseSupervision;
using SofSBot.Routines.Highlights;
using SofSBot.Scheduling;
using SofSBot.Tests.Infrastructure;
using SofSBot.Tests.Routines.CaseSupervision;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Routines;

/// <summary>
/// Case-supervision questions and learning notes are free text that must not be kept for ever: the
/// periodic passes delete them after <c>CaseSupervision:QuestionRetentionDays</c> (90) and
/// <c>AppreciativeInquiry:LearningNoteRetentionDays</c> (365), keep what is counted (the bookings, the
/// meetings) and replace the cards in the channel that showed them. Against Azurite, with the app's clock moved.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RoutineTextRetentionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string SaraQuestion = "Hur får vi med pappan i planeringen?";
    private const string AhmedQuestion = "Hur pratar vi med skolan?";
    private const string SaraNote = "Fråga familjen om undantagen först";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 26, 12, 0, 0, TimeSpan.Zero));
    private SofSBotApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new SofSBotApp(
            azurite,
            settings: new Dictionary<string, string?> { ["Roles:Coordinators:0"] = Karin["aadObjectId"]!.GetValue<string>() },
            time: _time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(_app.Connector.Unexpected);
        await _app.DisposeAsync();
    }

    [Fact]
    public void The_defaults_are_90_days_for_questions_and_365_for_learning_notes()
    {
        Assert.Equal(90, _app.GetService<IOptions<CaseSupervisionOptions>>().Value.QuestionRetentionDays);
        Assert.Equal(365, _app.GetService<IOptions<AppreciativeInquiryOptions>>().Value.LearningNoteRetentionDays);
    }

    [Theory]
    [InlineData("CaseSupervision:QuestionRetentionDays", "0")]
    [InlineData("CaseSupervision:QuestionRetentionDays", "3651")]
    [InlineData("AppreciativeInquiry:LearningNoteRetentionDays", "0")]
    [InlineData("AppreciativeInquiry:LearningNoteRetentionDays", "-1")]
    [InlineData("AppreciativeInquiry:RetentionPassInterval", "00:00:10")]
    public async Task A_retention_out_of_range_stops_the_app_at_start(string key, string value)
    {
        await using var app = new SofSBotApp(azurite, settings: new Dictionary<string, string?> { [key] = value });

        var exception = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..], exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_older_than_the_retention_is_deleted_the_booking_still_counts_and_the_card_is_replaced()
    {
        var (_, _, meeting) = await CaseSupervisionCardTests.PostCardAsync(_app);
        var card = _app.Connector.CreatedConversations.Last();
        await BookAsync(card.ConversationId, card.ActivityId!, meeting, Sara, SaraQuestion);
        _time.Advance(TimeSpan.FromDays(10));
        await BookAsync(card.ConversationId, card.ActivityId!, meeting, User("29:1ahmed", "Ahmed Hassan", "4d5e6f70-8192-4a3b-9c4d-5e6f70819203"), AhmedQuestion);
        var callsBefore = _app.Connector.Calls.Count;

        // 91 days after Sara's booking, 81 after Ahmed's.
        _time.Advance(TimeSpan.FromDays(81));
        await _app.GetService<CaseSupervisionRetentionService>().RunOnceAsync(default);

        var bookings = (await _app.ReadTableAsync(TableCaseSupervisionStore.TableName)).Where(row => row.RowKey.StartsWith("booking|", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, bookings.Count);
        Assert.Null(bookings.Single(row => row.GetString("UserId") == "29:1sara").GetString("Question"));
        Assert.Equal(AhmedQuestion, bookings.Single(row => row.GetString("UserId") == "29:1ahmed").GetString("Question"));
        var halfYear = await _app.GetService<ICaseSupervisionStore>().ReadAsync(TeamId, new HalfYear(2026, 1), default);
        Assert.Equal(1, halfYear.PresentationsOf("29:1sara"));

        var replaced = await EventuallyReplacedAsync(card.ActivityId!, callsBefore);
        Assert.DoesNotContain(SaraQuestion, replaced, StringComparison.Ordinal);
        Assert.Contains(AhmedQuestion, replaced, StringComparison.Ordinal);
        Assert.Contains("2 av 2", replaced, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Learning_notes_older_than_the_retention_are_deleted_with_the_interviewees_name_and_the_meeting_stays()
    {
        await _app.SendActivityAsync(InstalledInTeam());
        var factory = _app.GetService<RoutineCardFactory>();
        var old = new RoutineMeeting(TeamId, "s1.20260330", RoutineKind.AppreciativeInquiry, TeammoteChannelId, new DateOnly(2026, 3, 30), new TimeOnly(8, 30), Language.Swedish);
        await factory.CreateAsync(old, default);
        await factory.PostedAsync(old, TeammoteChannelId + ";messageid=1772000101", "1772000101", default);
        await ActOnInquiryAsync("1772000101", old.MeetingId, InquiryCards.VolunteerVerb, new JsonObject { ["round"] = 0 });
        await ActOnInquiryAsync("1772000101", old.MeetingId, InquiryCards.SaveNoteVerb, new JsonObject { ["basedOn"] = 0, [InquiryCards.NoteInputId] = SaraNote });

        // A year later: a newer meeting's note is kept.
        _time.Advance(TimeSpan.FromDays(300));
        var recent = old with { MeetingId = "s1.20270125", MeetingDate = new DateOnly(2027, 1, 25) };
        await factory.CreateAsync(recent, default);
        await factory.PostedAsync(recent, TeammoteChannelId + ";messageid=1772000102", "1772000102", default);
        await ActOnInquiryAsync("1772000102", recent.MeetingId, InquiryCards.SaveNoteVerb, new JsonObject { ["basedOn"] = 0, [InquiryCards.NoteInputId] = "Nätverket först" });
        _time.Advance(TimeSpan.FromDays(70));
        var callsBefore = _app.Connector.Calls.Count;

        await _app.GetService<LearningLogRetentionService>().RunOnceAsync(default);

        var log = _app.GetService<ILearningLog>();
        var oldBoard = await log.GetAsync(TeamId, old.MeetingId, default);
        Assert.NotNull(oldBoard);
        Assert.Empty(oldBoard.Notes);
        Assert.Null(oldBoard.Interviewee);
        Assert.Equal(6, oldBoard.QuestionIds.Count);
        Assert.Equal(["Nätverket först"], (await log.GetAsync(TeamId, recent.MeetingId, default))!.Notes.Select(note => note.Text));
        Assert.DoesNotContain(
            (await _app.ReadTableAsync(TableLearningLog.TableName)).Where(row => row.PartitionKey == TableLearningLog.PartitionKeyOf(TeamId, old.MeetingId)),
            row => row.Any(pair => pair.Value is string text && (text.Contains("Sara", StringComparison.Ordinal) || text == SaraNote)));

        var replaced = await EventuallyReplacedAsync("1772000101", callsBefore);
        Assert.DoesNotContain(SaraNote, replaced, StringComparison.Ordinal);
        Assert.DoesNotContain("Sara Nilsson", replaced, StringComparison.Ordinal);
        Assert.DoesNotContain(_app.Connector.Calls.Skip(callsBefore), call => call.Path.EndsWith("/1772000102", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Highlights_older_than_the_retention_are_taken_off_the_highlights_card_and_the_inquiry_card_of_the_week()
    {
        const string SaraHighlight = "Familjen bjöd själv in mormor till nätverksmötet";
        await _app.SendActivityAsync(InstalledInTeam());
        var factory = _app.GetService<RoutineCardFactory>();

        // Thursday 26 March 2026, ISO week 13: the highlights card, Sara's highlight, then the week's inquiry card quoting it.
        var highlights = new RoutineMeeting(TeamId, "h1.20260326", RoutineKind.Highlights, TeammoteChannelId, new DateOnly(2026, 3, 26), new TimeOnly(8, 30), Language.Swedish);
        await factory.CreateAsync(highlights, default);
        await factory.PostedAsync(highlights, TeammoteChannelId + ";messageid=1772000201", "1772000201", default);
        await _app.GetService<IHighlightsStore>().SaveAsync(TeamId, new IsoWeek(2026, 13), highlights.MeetingId, "29:1sara", "Sara Nilsson", SaraHighlight, default);
        var inquiry = new RoutineMeeting(TeamId, "s1.20260326", RoutineKind.AppreciativeInquiry, TeammoteChannelId, new DateOnly(2026, 3, 26), new TimeOnly(9, 0), Language.Swedish);
        var inquiryCard = System.Text.Json.JsonSerializer.Serialize(await factory.CreateAsync(inquiry, default), BotJson.Options);
        await factory.PostedAsync(inquiry, TeammoteChannelId + ";messageid=1772000202", "1772000202", default);
        Assert.Contains(SaraHighlight, inquiryCard, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromDays(91));
        var callsBefore = _app.Connector.Calls.Count;
        await _app.GetService<HighlightsRetentionService>().RunOnceAsync(default);

        Assert.Empty(await _app.GetService<IWeekHighlights>().ListAsync(TeamId, 2026, 13, default));
        var replacedHighlights = await EventuallyReplacedAsync("1772000201", callsBefore);
        Assert.DoesNotContain("Sara Nilsson", replacedHighlights, StringComparison.Ordinal);
        Assert.DoesNotContain(SaraHighlight, replacedHighlights, StringComparison.Ordinal);
        var replacedInquiry = await EventuallyReplacedAsync("1772000202", callsBefore);
        Assert.DoesNotContain(SaraHighlight, replacedInquiry, StringComparison.Ordinal);
    }

    private async Task BookAsync(string conversationId, string activityId, JsonObject meeting, JsonObject from, string question)
    {
        var data = (JsonObject)meeting.DeepClone();
        data[CaseSupervisionCard.QuestionInputId] = question;
        var action = CardAction(CaseSupervisionCard.BookVerb, data, from);
        action["conversation"]!["id"] = conversationId;
        action["replyToId"] = activityId;
        using var response = await _app.SendActivityAsync(action);
        Assert.Contains("application/vnd.microsoft.card.adaptive", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task ActOnInquiryAsync(string activityId, string meetingId, string verb, JsonObject data)
    {
        data["meetingId"] = meetingId;
        var action = CardAction(verb, data, Sara);
        action["conversation"]!["id"] = TeammoteChannelId + ";messageid=" + activityId;
        action["replyToId"] = activityId;
        using var response = await _app.SendActivityAsync(action);
        Assert.Contains("application/vnd.microsoft.card.adaptive", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The card as last replaced after <paramref name="callsBefore"/>. The pass also runs in the
    /// background when the clock moves, so its replacement may still be on its way.
    /// </summary>
    private async Task<string> EventuallyReplacedAsync(string activityId, int callsBefore)
    {
        for (var wait = 0; wait < 100; wait++)
        {
            if (_app.Connector.Calls.Skip(callsBefore).LastOrDefault(call => call.Method == HttpMethod.Put && call.Path.EndsWith("/activities/" + activityId, StringComparison.Ordinal)) is { } replaced)
            {
                return replaced.Card!.ToJsonString(BotJson.Options);
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"The card {activityId} was not replaced.");
    }
}
