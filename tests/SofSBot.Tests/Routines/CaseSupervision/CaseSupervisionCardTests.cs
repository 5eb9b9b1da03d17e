using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SofSBot.Routines;
using SofSBot.Routines.CaseSupervision;
using SofSBot.Scheduling;
using SofSBot.Tests.Infrastructure;
using SofSBot.Tests.Privacy;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Routines.CaseSupervision;

/// <summary>
/// Members book and cancel case-supervision slots on the card a leader posted ("skicka nu" on a
/// Monday schedule in Teammöte), against the real app and Azurite. The team's roster is Karin, Sara
/// and Ahmed; the meeting is Monday 30 March 2026, in spring.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseSupervisionCardTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly JsonObject Ahmed = User("29:1ahmed", "Ahmed Hassan", "4d5e6f70-8192-4a3b-9c4d-5e6f70819203");

    private readonly SofSBotApp _app = new(
        azurite,
        settings: new Dictionary<string, string?> { ["Roles:Coordinators:0"] = Karin["aadObjectId"]!.GetValue<string>() },
        time: new FakeTimeProvider(new DateTimeOffset(2026, 3, 26, 12, 0, 0, TimeSpan.Zero)));

    private string _thread = string.Empty;
    private string _cardActivityId = string.Empty;
    private JsonObject _meeting = [];

    public async Task InitializeAsync() => (_thread, _cardActivityId, _meeting) = await PostCardAsync(_app);

    public async Task DisposeAsync()
    {
        Assert.Empty(_app.Connector.Unexpected);
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Posted_card_shows_free_slots_and_gently_who_has_not_presented_yet()
    {
        var card = Assert.Single(_app.Connector.ChannelThreads).Card!;
        var text = Text(card);

        Assert.Equal("Ärendehandledning i grupp – vecka 14", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains("måndag 30 mars 2026 08:30", text, StringComparison.Ordinal);
        Assert.Contains("0 av 2 bokade", text, StringComparison.Ordinal);
        Assert.Contains("Plats 1: Ledig", text, StringComparison.Ordinal);
        Assert.Contains("Plats 2: Ledig", text, StringComparison.Ordinal);
        Assert.Contains("Har inte presenterat än i vår: Ahmed Hassan, Karin Lindqvist, Sara Nilsson", text, StringComparison.Ordinal);
        Assert.Contains("Teamets mål per person: 2 ärenden om året, 1 i vår.", text, StringComparison.Ordinal);
        Assert.Null(card["refresh"]);
        Assert.Empty(await BookingsAsync());
    }

    [Fact]
    public async Task Member_books_a_slot_with_a_question_sees_their_count_and_the_channel_card_shows_the_booking()
    {
        var answer = await InvokeAsync(CaseSupervisionCard.BookVerb, Sara, "Hur får vi med nätverket?");

        var personal = Text(answer);
        Assert.Contains("Du har bokat plats 1. Tack!", personal, StringComparison.Ordinal);
        Assert.Contains("Dina ärenden i vår: 1 av målet 1 (bokningar räknas).", personal, StringComparison.Ordinal);
        Assert.Contains("Avboka min plats", personal, StringComparison.Ordinal);

        var shared = Text(LastUpdate());
        Assert.Contains("Plats 1: Sara Nilsson", shared, StringComparison.Ordinal);
        Assert.Contains("Hur får vi med nätverket?", shared, StringComparison.Ordinal);
        Assert.Contains("Har inte presenterat än i vår: Ahmed Hassan, Karin Lindqvist", shared, StringComparison.Ordinal);
        Assert.DoesNotContain("Du har bokat", shared, StringComparison.Ordinal);
        Assert.Equal(["29:1sara"], LastUpdate()["refresh"]!["userIds"]!.AsArray().Select(id => id!.GetValue<string>()));

        var booking = Assert.Single(await BookingsAsync());
        Assert.Equal("29:1sara", booking.GetString("UserId"));
        Assert.Equal("Hur får vi med nätverket?", booking.GetString("Question"));
    }

    [Fact]
    public async Task Booking_twice_is_one_booking()
    {
        await InvokeAsync(CaseSupervisionCard.BookVerb, Sara, "Fråga");
        var updates = Updates().Count();

        var again = await InvokeAsync(CaseSupervisionCard.BookVerb, Sara, "Fråga");

        Assert.Contains("Du har redan plats 1.", Text(again), StringComparison.Ordinal);
        Assert.Single(await BookingsAsync());
        Assert.Equal(updates, Updates().Count());
    }

    [Fact]
    public async Task Member_cancels_their_own_booking_and_it_no_longer_counts()
    {
        await InvokeAsync(CaseSupervisionCard.BookVerb, Sara);

        var answer = await InvokeAsync(CaseSupervisionCard.CancelVerb, Sara);

        Assert.Contains("Din plats är avbokad.", Text(answer), StringComparison.Ordinal);
        Assert.Contains("Dina ärenden i vår: 0 av målet 1", Text(answer), StringComparison.Ordinal);
        Assert.Empty(await BookingsAsync());
        Assert.Contains("Plats 1: Ledig", Text(LastUpdate()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_cannot_cancel_another_members_booking()
    {
        await InvokeAsync(CaseSupervisionCard.BookVerb, Sara);

        var answer = await InvokeAsync(CaseSupervisionCard.CancelVerb, Ahmed);

        Assert.Contains("Du har ingen plats att avboka på det här mötet.", Text(answer), StringComparison.Ordinal);
        Assert.Equal("29:1sara", Assert.Single(await BookingsAsync()).GetString("UserId"));
    }

    [Fact]
    public async Task A_third_member_is_told_clearly_that_the_slots_are_full()
    {
        await InvokeAsync(CaseSupervisionCard.BookVerb, Sara);
        await InvokeAsync(CaseSupervisionCard.BookVerb, Ahmed);

        var answer = await InvokeAsync(CaseSupervisionCard.BookVerb, Karin, "Min fråga");

        Assert.Contains("Tyvärr, alla 2 platser är redan bokade.", Text(answer), StringComparison.Ordinal);
        Assert.Equal(["29:1ahmed", "29:1sara"], (await BookingsAsync()).Select(b => b.GetString("UserId")).Order());
        Assert.Contains("Alla platser är bokade.", Text(LastUpdate()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_members_booking_at_once_are_both_stored_and_the_channel_card_ends_up_showing_both()
    {
        await Task.WhenAll(InvokeAsync(CaseSupervisionCard.BookVerb, Sara), InvokeAsync(CaseSupervisionCard.BookVerb, Ahmed));

        Assert.Equal(2, (await BookingsAsync()).Count);
        var shared = Text(LastUpdate());
        Assert.Contains("Sara Nilsson", shared, StringComparison.Ordinal);
        Assert.Contains("Ahmed Hassan", shared, StringComparison.Ordinal);
        Assert.Contains("2 av 2 bokade", shared, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_members_racing_for_the_last_slot_exactly_one_gets_it_and_the_other_hears_it_is_full()
    {
        await InvokeAsync(CaseSupervisionCard.BookVerb, Sara);

        var answers = await Task.WhenAll(InvokeAsync(CaseSupervisionCard.BookVerb, Ahmed), InvokeAsync(CaseSupervisionCard.BookVerb, Karin));

        var texts = answers.Select(Text).ToList();
        Assert.Single(texts, text => text.Contains("Du har bokat plats 2.", StringComparison.Ordinal));
        Assert.Single(texts, text => text.Contains("Tyvärr, alla 2 platser är redan bokade.", StringComparison.Ordinal));
        Assert.Equal(2, (await BookingsAsync()).Count);
    }

    [Fact]
    public async Task A_question_with_a_personal_identity_number_is_refused_not_stored_and_not_shown_back()
    {
        var updates = Updates().Count();

        var answer = await InvokeAsync(CaseSupervisionCard.BookVerb, Sara, "Pojken 811218-9876 behöver stöd");

        var text = Text(answer);
        Assert.Contains("Texten ser ut att innehålla ett personnummer eller samordningsnummer.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("811218", text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, QuestionInput(answer)["value"]?.GetValue<string>());
        Assert.Empty(await BookingsAsync());
        Assert.Equal(updates, Updates().Count());
    }

    [Theory]
    [MemberData(nameof(DisguisedNumbers.All), MemberType = typeof(DisguisedNumbers))]
    public async Task A_question_with_a_disguised_number_is_refused_in_swedish_and_english_and_nothing_is_stored(string number)
    {
        var updates = Updates().Count();

        foreach (var locale in new[] { "sv-SE", "en-US" })
        {
            var answer = await InvokeAsync(CaseSupervisionCard.BookVerb, Sara, $"Pojken {number} behöver stöd", locale);

            var text = Text(answer);
            Assert.Contains(DisguisedNumbers.Refusal(locale), text, StringComparison.Ordinal);
            Assert.False(DisguisedNumbers.Shows(text), text);
            Assert.Equal(string.Empty, QuestionInput(answer)["value"]?.GetValue<string>());
        }

        Assert.Empty(await BookingsAsync());
        Assert.Equal(updates, Updates().Count());
    }

    [Fact]
    public async Task A_question_over_300_characters_with_a_number_is_refused_for_the_number_and_never_echoed()
    {
        var answer = await InvokeAsync(CaseSupervisionCard.BookVerb, Sara, "Pojken 811218/9876 " + new string('x', 400));

        var text = Text(answer);
        Assert.Contains(DisguisedNumbers.SwedishRefusal, text, StringComparison.Ordinal);
        Assert.False(DisguisedNumbers.Shows(text), text);
        Assert.DoesNotContain("xxxxxxxxxx", text, StringComparison.Ordinal);
        Assert.Empty(await BookingsAsync());
    }

    [Fact]
    public async Task A_question_over_300_characters_is_refused_and_nothing_is_stored()
    {
        var answer = await InvokeAsync(CaseSupervisionCard.BookVerb, Sara, new string('x', 301));

        Assert.Contains("Frågeställningen får vara högst 300 tecken", Text(answer), StringComparison.Ordinal);
        Assert.Empty(await BookingsAsync());

        await InvokeAsync(CaseSupervisionCard.BookVerb, Sara, new string('x', 300));
        Assert.Single(await BookingsAsync());
    }

    [Fact]
    public async Task My_count_shows_the_members_own_count_in_their_language()
    {
        await InvokeAsync(CaseSupervisionCard.BookVerb, Ahmed);

        var answer = await InvokeAsync(CaseSupervisionCard.ViewVerb, Ahmed, locale: "en-US");

        Assert.Contains("Your cases this spring: 1 of the target 1 (bookings count).", Text(answer), StringComparison.Ordinal);
        Assert.Contains("Slot 1: Ahmed Hassan", Text(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_id_not_posted_in_this_team_finds_nothing()
    {
        var data = (JsonObject)_meeting.DeepClone();
        data["meetingId"] = "another-team-schedule.20260330";

        using var response = await _app.SendActivityAsync(Action(CaseSupervisionCard.BookVerb, data, Sara));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("application/vnd.microsoft.error", body["type"]?.GetValue<string>());
        Assert.Equal("Jag hittar inte det här mötet. Be teamledaren skicka kortet igen.", body["value"]?["message"]?.GetValue<string>());
        Assert.Empty(await BookingsAsync());
    }

    [Fact]
    public async Task An_older_client_pressing_book_gets_a_short_confirmation_as_a_message()
    {
        var submit = Action(CaseSupervisionCard.BookVerb, WithQuestion("Fråga"), Sara);
        submit["type"] = "message";
        submit.Remove("name");
        var value = (JsonObject)submit["value"]!["action"]!["data"]!.DeepClone();
        value["verb"] = CaseSupervisionCard.BookVerb;
        submit["value"] = value;

        await _app.SendActivityAsync(submit);

        Assert.Equal("Du har bokat plats 1. Tack!", _app.Connector.Posts.Last().Text);
        Assert.Single(await BookingsAsync());
    }

    /// <summary>Installs the bot, saves a Monday schedule for case supervision and presses "skicka nu".</summary>
    internal static async Task<(string Thread, string ActivityId, JsonObject Meeting)> PostCardAsync(SofSBotApp app)
    {
        app.Connector.Channels[TeamId] = [(TeamId, null), (TeammoteChannelId, "Teammöte")];
        app.Connector.Members[TeamId] =
        [
            new JsonObject { ["id"] = "29:1karin", ["name"] = "Karin Lindqvist" },
            new JsonObject { ["id"] = "29:1sara", ["name"] = "Sara Nilsson" },
            new JsonObject { ["id"] = "29:1ahmed", ["name"] = "Ahmed Hassan" },
        ];
        await app.SendActivityAsync(InstalledInTeam());
        var form = new JsonObject
        {
            ["routine"] = "CaseSupervision", ["channel"] = TeammoteChannelId, ["weekdays"] = "Monday", ["time"] = "08:30",
            ["everyNWeeks"] = "1", ["onlyInWeeks"] = string.Empty, ["startDate"] = "2026-03-26", ["endDate"] = string.Empty,
            ["timeZone"] = "Europe/Stockholm", ["language"] = "Swedish", ["skipHolidays"] = "true", ["breakWeeks"] = string.Empty,
        };
        (await app.SendActivityAsync(CardAction(ScheduleCards.SaveVerb, form, from: Karin))).Dispose();
        var schedule = Assert.Single(await app.GetService<IScheduleStore>().ListForTeamAsync(TeamId, default));
        (await app.SendActivityAsync(CardAction(ScheduleCards.PostNowVerb, new JsonObject { ["scheduleId"] = schedule.ScheduleId }, from: Karin))).Dispose();

        var thread = Assert.Single(app.Connector.ChannelThreads);
        var book = CardElements(thread.Card!).Single(e => e["type"]?.GetValue<string>() == "Action.Execute" && e["verb"]?.GetValue<string>() == CaseSupervisionCard.BookVerb);
        var meeting = (JsonObject)book["data"]!.DeepClone();
        var posted = await app.GetService<IRoutineCardStore>().GetAsync(TeamId, meeting["meetingId"]!.GetValue<string>(), default);
        return (posted!.ConversationId, posted.ActivityId, meeting);
    }

    internal static IEnumerable<JsonObject> CardElements(JsonNode? node) => node switch
    {
        JsonObject element => [element, .. element.Select(property => property.Value).SelectMany(CardElements)],
        JsonArray array => array.SelectMany(CardElements),
        _ => [],
    };

    private async Task<JsonObject> InvokeAsync(string verb, JsonObject from, string? question = null, string locale = "sv-SE")
    {
        using var response = await _app.SendActivityAsync(Action(verb, WithQuestion(question), from, locale));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(
            body["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive",
            $"{verb}: expected a card, got {body.ToJsonString()}");
        return (JsonObject)body["value"]!;
    }

    /// <summary>An Action.Execute on the posted card, as Teams sends it: from its thread, replying to it.</summary>
    private JsonObject Action(string verb, JsonObject data, JsonObject from, string locale = "sv-SE")
    {
        var activity = CardAction(verb, data, from, locale);
        activity["conversation"]!["id"] = _thread;
        activity["replyToId"] = _cardActivityId;
        return activity;
    }

    private JsonObject WithQuestion(string? question)
    {
        var data = (JsonObject)_meeting.DeepClone();
        data[CaseSupervisionCard.QuestionInputId] = question ?? string.Empty;
        return data;
    }

    private IEnumerable<ConnectorCall> Updates() =>
        _app.Connector.Calls.Where(call => call.Method == HttpMethod.Put && call.Path.EndsWith("/activities/" + _cardActivityId, StringComparison.Ordinal));

    private JsonObject LastUpdate() => (JsonObject)(Updates().LastOrDefault()?.Card ?? throw new InvalidOperationException("The card was never updated."));

    private static JsonObject QuestionInput(JsonObject card) =>
        CardElements(card["body"]).Single(e => e["id"]?.GetValue<string>() == CaseSupervisionCard.QuestionInputId);

    private async Task<IReadOnlyList<Azure.Data.Tables.TableEntity>> BookingsAsync() =>
        [.. (await _app.ReadTableAsync(TableCaseSupervisionStore.TableName)).Where(row => row.RowKey.StartsWith("booking|", StringComparison.Ordinal))];

    private static string Text(JsonNode card) => card.ToJsonString(SofSBot.BotFramework.BotJson.Options);
}
