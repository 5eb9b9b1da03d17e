using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SofSBot.BotFramework;
using SofSBot.Localization;
using SofSBot.Routines;
using SofSBot.Routines.AppreciativeInquiry;
using SofSBot.Routines.Highlights;
using SofSBot.Scheduling;
using SofSBot.Storage;
using SofSBot.Tests.Infrastructure;
using SofSBot.Tests.Privacy;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Routines.AppreciativeInquiry;

/// <summary>
/// The appreciative-inquiry card against Azurite, driven through the real endpoint: members
/// volunteer, ask for another highlight and write the team's note; the channel's card is replaced
/// with the shared view after each change. The week's highlights come from a stand-in for the
/// highlights routine (<see cref="IWeekHighlights"/> is the seam between the two).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InquiryCardTests : IAsyncLifetime
{
    private const string PostedActivityId = "1772000001";
    private const string ThreadId = TeammoteChannelId + ";messageid=" + PostedActivityId;

    // Monday 16 March 2026, ISO week 12; the app's clock says 07:00 in Stockholm that day.
    private static readonly DateOnly MeetingDate = new(2026, 3, 16);
    private static readonly JsonObject Ahmed = User("29:1ahmed", "Ahmed Hassan", "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f");

    private readonly List<Highlight> _highlights = [];
    private readonly SofSBotApp _app;

    public InquiryCardTests(AzuriteFixture azurite)
    {
        var highlights = new Mock<IWeekHighlights>();
        // None in other weeks and teams; the test's list in the meeting's week (the later setup wins).
        highlights.Setup(h => h.ListAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([]);
        highlights.Setup(h => h.ListAsync(TeamId, 2026, 12, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => _highlights.ToList());
        _app = new SofSBotApp(
            azurite,
            settings: new Dictionary<string, string?> { ["Roles:Coordinators:0"] = Karin["aadObjectId"]!.GetValue<string>() },
            time: new FakeTimeProvider(new DateTimeOffset(2026, 3, 16, 6, 0, 0, TimeSpan.Zero)),
            services: services => services.AddSingleton(highlights.Object));
    }

    private static string SaraId => Sara["id"]!.GetValue<string>();

    private static string AhmedId => Ahmed["id"]!.GetValue<string>();

    public async Task InitializeAsync()
    {
        _app.Connector.Channels[TeamId] = [(TeamId, null), (TeammoteChannelId, "Teammöte")];
        await _app.SendActivityAsync(InstalledInTeam());
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(_app.Connector.Unexpected);
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Post_now_puts_the_card_with_a_proposed_highlight_and_six_questions_into_the_channel()
    {
        _highlights.Add(new Highlight(SaraId, "Sara Nilsson", "Familjen bjöd själv in mormor till nätverksmötet.", At(5, 0)));
        var karin = Karin["aadObjectId"]!.GetValue<string>();
        await _app.GetService<IScheduleStore>().SaveAsync(
            new Schedule(
                TeamId, "s1", RoutineKind.AppreciativeInquiry, TeammoteChannelId,
                new ScheduleRule([DayOfWeek.Monday], new TimeOnly(8, 30), MeetingDate),
                Language.Swedish, IsPaused: false, karin, At(5, 0), At(5, 0)),
            default);

        await InvokeAsync(ScheduleCards.PostNowVerb, new JsonObject { ["scheduleId"] = "s1" }, Karin);

        var card = Assert.Single(_app.Connector.ChannelThreads).Card!;
        var text = card.ToJsonString(BotJson.Options);
        Assert.Equal("Uppskattande intervju – vecka 12", card["body"]?[0]?["text"]?.GetValue<string>());
        Assert.Contains("Förslag: highlighten från Sara Nilsson", text, StringComparison.Ordinal);
        Assert.Contains("”Familjen bjöd själv in mormor till nätverksmötet.”", text, StringComparison.Ordinal);
        foreach (var question in QuestionRotation.For(TeamId, MeetingDate))
        {
            Assert.Contains(question.Swedish, text, StringComparison.Ordinal);
        }

        Assert.Contains("6. ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("7. ", text, StringComparison.Ordinal);
        // A trial post has a meeting id of its own (a suffix after the date).
        var board = Assert.Single(await _app.ReadTableAsync(TableLearningLog.TableName), row => row.RowKey == TableLearningLog.MeetingRowKey);
        Assert.StartsWith(TableLearningLog.PartitionKeyOf(TeamId, "s1.20260316.t"), board.PartitionKey, StringComparison.Ordinal);
        Assert.Equal(SaraId, board.GetString("IntervieweeId"));
        // The highlight's text stays with the highlights (kept 90 days), not in the learning log.
        Assert.DoesNotContain(board, property => property.Value is string s && s.Contains("mormor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_highlights_the_card_asks_for_a_volunteer_and_Sara_volunteers()
    {
        var posted = await PostAsync();
        Assert.Contains("Vem vill berätta om något som gick bra?", posted, StringComparison.Ordinal);

        var own = await InvokeAsync(InquiryCards.VolunteerVerb, Data(round: 0), Sara);

        Assert.Contains("Tack! Du står nu som den som berättar.", own, StringComparison.Ordinal);
        Assert.Contains("Det är du som berättar den här gången", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Jag ställer upp", own, StringComparison.Ordinal);
        var shared = LastSharedCard();
        Assert.Contains("Sara Nilsson ställer upp och berättar.", shared.ToJsonString(BotJson.Options), StringComparison.Ordinal);
        Assert.Contains("Jag ställer upp", shared.ToJsonString(BotJson.Options), StringComparison.Ordinal);
        Assert.Equal([SaraId], shared["refresh"]?["userIds"]?.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Equal("Action.Execute", shared["refresh"]?["action"]?["type"]?.GetValue<string>());
        Assert.Equal(InquiryCards.RefreshVerb, shared["refresh"]?["action"]?["verb"]?.GetValue<string>());
        Assert.Equal(SaraId, (await BoardRowAsync()).GetString("IntervieweeId"));
    }

    [Fact]
    public async Task A_second_volunteer_is_told_who_already_volunteered_and_nothing_changes()
    {
        await PostAsync();
        await InvokeAsync(InquiryCards.VolunteerVerb, Data(round: 0), Sara);
        var updates = SharedCardUpdates();

        var own = await InvokeAsync(InquiryCards.VolunteerVerb, Data(round: 1), Ahmed);

        Assert.Contains("Sara Nilsson har redan ställt upp.", own, StringComparison.Ordinal);
        Assert.Equal(SaraId, (await BoardRowAsync()).GetString("IntervieweeId"));
        Assert.Equal(updates, SharedCardUpdates());
    }

    [Fact]
    public async Task Suggest_another_moves_to_the_next_highlight_once_even_when_Teams_repeats_the_press()
    {
        _highlights.Add(new Highlight(SaraId, "Sara Nilsson", "Säkerhetsplanen höll hela helgen.", At(6, 0)));
        _highlights.Add(new Highlight(AhmedId, "Ahmed Hassan", "Pappan skalade sig själv till en sexa.", At(6, 30)));
        await PostAsync();

        await InvokeAsync(InquiryCards.SuggestVerb, Data(round: 0), Karin);
        var repeated = await InvokeAsync(InquiryCards.SuggestVerb, Data(round: 0), Karin);

        Assert.Contains("Förslag: highlighten från Ahmed Hassan", repeated, StringComparison.Ordinal);
        var board = await BoardRowAsync();
        Assert.Equal(AhmedId, board.GetString("IntervieweeId"));
        Assert.Equal(1, board.GetInt32("ProposalRound"));
        Assert.Contains("Pappan skalade sig själv till en sexa.", LastSharedCard().ToJsonString(BotJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_meetings_interviewee_is_not_proposed_again_when_others_have_highlights()
    {
        _highlights.Add(new Highlight(SaraId, "Sara Nilsson", "Nätverket tog över planeringen.", At(6, 0)));
        _highlights.Add(new Highlight(AhmedId, "Ahmed Hassan", "Barnets röst hördes i mötet.", At(6, 30)));
        var cards = _app.GetService<RoutineCardFactory>();
        await cards.CreateAsync(Meeting("s1.20260309", MeetingDate.AddDays(-7)), default);
        await _app.GetService<ILearningLog>().ChangeAsync(TeamId, "s1.20260309", board =>
        {
            var sara = board! with { Interviewee = new Interviewee(SaraId, "Sara Nilsson", null) };
            return new BoardChange<bool>(sara, null, true);
        }, default);

        var posted = await PostAsync();

        Assert.Contains("Förslag: highlighten från Ahmed Hassan", posted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ahmed_writes_the_note_and_the_channel_card_shows_it_with_his_name()
    {
        await PostAsync();

        var own = await InvokeAsync(InquiryCards.SaveNoteVerb, Data(basedOn: 0, note: "  Fråga barnet först – då lyssnar föräldrarna.  "), Ahmed);

        Assert.Contains("Anteckningen är sparad.", own, StringComparison.Ordinal);
        var shared = LastSharedCard().ToJsonString(BotJson.Options);
        Assert.Contains("Fråga barnet först – då lyssnar föräldrarna.", shared, StringComparison.Ordinal);
        Assert.Contains("Sparad av Ahmed Hassan 16 mars 07:00 · version 1", shared, StringComparison.Ordinal);
        var note = Assert.Single(await NoteRowsAsync());
        Assert.Equal("Fråga barnet först – då lyssnar föräldrarna.", note.GetString("Text"));
        Assert.Equal(AhmedId, note.GetString("AuthorId"));
    }

    [Fact]
    public async Task A_note_of_500_characters_is_saved_and_one_of_501_is_refused_with_nothing_stored()
    {
        await PostAsync();
        var updates = SharedCardUpdates();

        var refused = await InvokeAsync(InquiryCards.SaveNoteVerb, Data(basedOn: 0, note: new string('a', 501)), Ahmed);

        Assert.Contains("högst 500 tecken; din var 501", refused, StringComparison.Ordinal);
        Assert.Empty(await NoteRowsAsync());
        Assert.Equal(updates, SharedCardUpdates());

        await InvokeAsync(InquiryCards.SaveNoteVerb, Data(basedOn: 0, note: new string('b', 500)), Ahmed);

        Assert.Equal(500, Assert.Single(await NoteRowsAsync()).GetString("Text")!.Length);
    }

    [Fact]
    public async Task A_note_with_a_personal_identity_number_is_refused_not_stored_and_not_shown_back()
    {
        await PostAsync();
        var updates = SharedCardUpdates();

        using var response = await _app.SendActivityAsync(
            OnCard(InquiryCards.SaveNoteVerb, Data(basedOn: 0, note: "Pojken 121212-1212 berättade själv"), Ahmed));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("Texten ser ut att innehålla ett personnummer eller samordningsnummer.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("121212", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Pojken", body, StringComparison.Ordinal);
        Assert.Empty(await NoteRowsAsync());
        Assert.Equal(updates, SharedCardUpdates());
    }

    [Theory]
    [MemberData(nameof(DisguisedNumbers.All), MemberType = typeof(DisguisedNumbers))]
    public async Task A_note_with_a_disguised_number_is_refused_in_swedish_and_english_and_nothing_is_stored(string number)
    {
        await PostAsync();
        var updates = SharedCardUpdates();

        foreach (var locale in new[] { "sv-SE", "en-US" })
        {
            using var response = await _app.SendActivityAsync(
                OnCard(InquiryCards.SaveNoteVerb, Data(basedOn: 0, note: $"Pojken {number} berättade själv"), Ahmed, locale));
            var body = await response.Content.ReadAsStringAsync();

            Assert.Contains(DisguisedNumbers.Refusal(locale), body, StringComparison.Ordinal);
            Assert.False(DisguisedNumbers.Shows(body), body);
            Assert.DoesNotContain("Pojken", body, StringComparison.Ordinal);
        }

        Assert.Empty(await NoteRowsAsync());
        Assert.DoesNotContain(await RowsAsync(), row => row.Any(property => DisguisedNumbers.Shows(property.Value?.ToString() ?? string.Empty)));
        Assert.Equal(updates, SharedCardUpdates());
    }

    [Fact]
    public async Task A_note_over_500_characters_with_a_number_is_refused_for_the_number_and_never_echoed()
    {
        await PostAsync();

        var answer = await InvokeAsync(InquiryCards.SaveNoteVerb, Data(basedOn: 0, note: "Pojken 811218\n9876 " + new string('b', 600)), Ahmed);

        Assert.Contains(DisguisedNumbers.SwedishRefusal, answer, StringComparison.Ordinal);
        Assert.False(DisguisedNumbers.Shows(answer), answer);
        Assert.DoesNotContain("bbbbbbbbbb", answer, StringComparison.Ordinal);
        Assert.Empty(await NoteRowsAsync());
    }

    [Fact]
    public async Task Edits_keep_every_version_and_the_card_shows_the_latest()
    {
        await PostAsync();
        await InvokeAsync(InquiryCards.SaveNoteVerb, Data(basedOn: 0, note: "Version ett"), Ahmed);
        await InvokeAsync(InquiryCards.SaveNoteVerb, Data(basedOn: 1, note: "Version två"), Sara);

        // Ahmed edits the card he saw before Sara's save: his wins, hers is kept, and he is told.
        var own = await InvokeAsync(InquiryCards.SaveNoteVerb, Data(basedOn: 1, note: "Version tre"), Ahmed);

        Assert.Contains("Sara Nilsson hann spara en version under tiden", own, StringComparison.Ordinal);
        var notes = await NoteRowsAsync();
        Assert.Equal([1, 2, 3], notes.Select(n => n.GetInt32("Version")!.Value));
        Assert.Equal(["Version ett", "Version två", "Version tre"], notes.Select(n => n.GetString("Text")));
        var shared = LastSharedCard().ToJsonString(BotJson.Options);
        Assert.Contains("Version tre", shared, StringComparison.Ordinal);
        Assert.DoesNotContain("Version två", shared, StringComparison.Ordinal);

        // Sara's own view shows her replaced version.
        var saras = await InvokeAsync(InquiryCards.RefreshVerb, Data(), Sara);
        Assert.Contains("Din version, som någon har sparat över", saras, StringComparison.Ordinal);
        Assert.Contains("Version två", saras, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_save_stores_one_version()
    {
        await PostAsync();

        await InvokeAsync(InquiryCards.SaveNoteVerb, Data(basedOn: 0, note: "Samma text"), Ahmed);
        var again = await InvokeAsync(InquiryCards.SaveNoteVerb, Data(basedOn: 0, note: "Samma text"), Ahmed);

        Assert.Contains("Anteckningen var redan sparad så.", again, StringComparison.Ordinal);
        Assert.Single(await NoteRowsAsync());
    }

    [Fact]
    public async Task Two_members_saving_the_note_at_the_same_moment_both_get_a_version_and_the_card_shows_the_last()
    {
        await PostAsync();

        await Task.WhenAll(
            InvokeAsync(InquiryCards.SaveNoteVerb, Data(basedOn: 0, note: "Ahmeds lärdom"), Ahmed),
            InvokeAsync(InquiryCards.SaveNoteVerb, Data(basedOn: 0, note: "Saras lärdom"), Sara));

        var notes = await NoteRowsAsync();
        Assert.Equal([1, 2], notes.Select(n => n.GetInt32("Version")!.Value));
        Assert.Equal(["Ahmeds lärdom", "Saras lärdom"], notes.Select(n => n.GetString("Text")).Order());
        Assert.Contains(notes[^1].GetString("Text")!, LastSharedCard().ToJsonString(BotJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sara_volunteering_while_Ahmed_writes_the_note_stores_and_shows_both()
    {
        await PostAsync();

        await Task.WhenAll(
            InvokeAsync(InquiryCards.VolunteerVerb, Data(round: 0), Sara),
            InvokeAsync(InquiryCards.SaveNoteVerb, Data(basedOn: 0, note: "Vi tar med oss nätverksfrågan."), Ahmed));

        Assert.Equal(SaraId, (await BoardRowAsync()).GetString("IntervieweeId"));
        Assert.Single(await NoteRowsAsync());
        var shared = LastSharedCard().ToJsonString(BotJson.Options);
        Assert.Contains("Sara Nilsson ställer upp och berättar.", shared, StringComparison.Ordinal);
        Assert.Contains("Vi tar med oss nätverksfrågan.", shared, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_of_another_team_is_not_found_and_nothing_is_stored_for_it()
    {
        await _app.GetService<RoutineCardFactory>().CreateAsync(Meeting("other.20260316", MeetingDate) with { TeamId = "19:annat-team@thread.tacv2" }, default);

        using var response = await _app.SendActivityAsync(
            OnCard(InquiryCards.SaveNoteVerb, Data(basedOn: 0, note: "Fel team", meetingId: "other.20260316"), Ahmed));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("Jag hittar inte den här intervjun längre.", body, StringComparison.Ordinal);
        Assert.Empty(await NoteRowsAsync());
    }

    [Fact]
    public async Task An_older_client_submitting_the_note_gets_a_short_confirmation_message()
    {
        await PostAsync();
        var submit = OnCard(InquiryCards.SaveNoteVerb, Data(basedOn: 0, note: "Från en äldre klient"), Ahmed);
        var value = (JsonObject)submit["value"]!["action"]!["data"]!.DeepClone();
        value["verb"] = InquiryCards.SaveNoteVerb;
        submit["type"] = "message";
        submit.Remove("name");
        submit["value"] = value;

        await _app.SendActivityAsync(submit);

        Assert.Equal("Anteckningen är sparad.", _app.Connector.Posts.Last().Text);
        Assert.Single(await NoteRowsAsync());
        Assert.Contains("Från en äldre klient", LastSharedCard().ToJsonString(BotJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_personal_view_follows_the_members_language_while_the_channel_keeps_the_meetings()
    {
        await PostAsync();

        var own = await InvokeAsync(InquiryCards.VolunteerVerb, Data(round: 0), Sara, locale: "en-GB");

        Assert.Contains("You are telling the story this time", own, StringComparison.Ordinal);
        Assert.Contains("Sara Nilsson ställer upp och berättar.", LastSharedCard().ToJsonString(BotJson.Options), StringComparison.Ordinal);
    }

    private static DateTimeOffset At(int hour, int minute) => new(2026, 3, 16, hour, minute, 0, TimeSpan.Zero);

    private static RoutineMeeting Meeting(string meetingId, DateOnly date) =>
        new(TeamId, meetingId, RoutineKind.AppreciativeInquiry, TeammoteChannelId, date, new TimeOnly(8, 30), Language.Swedish);

    private static JsonObject Data(int? round = null, int? basedOn = null, string? note = null, string meetingId = "s1.20260316")
    {
        var data = new JsonObject { ["meetingId"] = meetingId };
        if (round is not null)
        {
            data["round"] = round;
        }

        if (basedOn is not null)
        {
            data["basedOn"] = basedOn;
        }

        if (note is not null)
        {
            data[InquiryCards.NoteInputId] = note;
        }

        return data;
    }

    /// <summary>Makes the card of the test's meeting as a post would; returns the card as text.</summary>
    private async Task<string> PostAsync()
    {
        var factory = _app.GetService<RoutineCardFactory>();
        var card = await factory.CreateAsync(Meeting("s1.20260316", MeetingDate), default);
        await factory.PostedAsync(Meeting("s1.20260316", MeetingDate), ThreadId, PostedActivityId, default);
        return System.Text.Json.JsonSerializer.Serialize(card, BotJson.Options);
    }

    /// <summary>A card action on the posted card, as Teams sends it from the channel thread.</summary>
    private static JsonObject OnCard(string verb, JsonObject data, JsonObject from, string locale = "sv-SE")
    {
        var activity = CardAction(verb, data, from, locale);
        activity["conversation"]!["id"] = ThreadId;
        activity["replyToId"] = PostedActivityId;
        return activity;
    }

    /// <summary>Presses a button; returns the card the acting user gets back, as text.</summary>
    private async Task<string> InvokeAsync(string verb, JsonObject data, JsonObject from, string locale = "sv-SE")
    {
        using var response = await _app.SendActivityAsync(OnCard(verb, data, from, locale));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(
            body["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive",
            $"{verb}: expected a card, got {body.ToJsonString()}");
        return body["value"]!.ToJsonString(BotJson.Options);
    }

    private int SharedCardUpdates() => _app.Connector.Calls.Count(call => call.Method == HttpMethod.Put);

    /// <summary>The card the channel shows now: the last replacement of the posted card.</summary>
    private JsonNode LastSharedCard()
    {
        var update = _app.Connector.Calls.Last(call => call.Method == HttpMethod.Put);
        Assert.EndsWith($"/v3/conversations/{ThreadId}/activities/{PostedActivityId}", update.Path, StringComparison.Ordinal);
        return update.Card!;
    }

    private async Task<IReadOnlyList<TableEntity>> RowsAsync() =>
        [.. (await _app.ReadTableAsync(TableLearningLog.TableName)).Where(row => row.PartitionKey == TableLearningLog.PartitionKeyOf(TeamId, "s1.20260316"))];

    private async Task<TableEntity> BoardRowAsync() => Assert.Single(await RowsAsync(), row => row.RowKey == TableLearningLog.MeetingRowKey);

    private async Task<IReadOnlyList<TableEntity>> NoteRowsAsync() =>
        [.. (await RowsAsync()).Where(row => row.RowKey.StartsWith(TableLearningLog.NoteRowKeyPrefix, StringComparison.Ordinal)).OrderBy(row => row.RowKey, StringComparer.Ordinal)];
}
