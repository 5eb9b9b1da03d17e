using System.Globalization;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using SofSBot.EndToEndTests.Infrastructure;
using SofSBot.Scheduling;
using SofSBot.TestSupport;

namespace SofSBot.EndToEndTests;

/// <summary>
/// The team leader schedules a routine through the real bot behind the Agents Playground:
/// <c>@SofSBot schema</c> in the Teammöte channel, then the schedule card's buttons, as Teams would
/// send them (<c>Action.Execute</c> with the form's inputs merged into the action's data). Karin, the
/// Playground's current user, leads as a coordinator (<see cref="TeamLeaderInPlaygroundFixture"/>);
/// Sara is a member. The command word <c>schema</c> answers in Swedish; the buttons follow the
/// client's locale, which the Playground always sends as <c>en-US</c>, so the cards they return are
/// in English. The posted routine card follows the schedule's own language.
/// </summary>
public sealed class ScheduleTests(TeamLeaderInPlaygroundFixture leaderFixture) : IClassFixture<TeamLeaderInPlaygroundFixture>, IDisposable
{
    private const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
    private const string ErrorType = "application/vnd.microsoft.error";

    private static readonly TimeSpan BotTimeout = TimeSpan.FromSeconds(20);
    private static readonly CultureInfo PlaygroundCulture = CultureInfo.GetCultureInfo("en-US");
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    private BotInPlaygroundFixture Fixture => leaderFixture.Inner;

    private CancellationToken Token => _timeout.Token;

    private PlaygroundConfig Config => Fixture.Config;

    private AgentsPlayground Playground => Fixture.Playground;

    private PlaygroundChannel Teammote => Config.Team.Channel("Teammöte");

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Leader_asks_for_the_schedule_in_Teammote_and_gets_the_list_card_in_the_thread()
    {
        Assert.Equal(leaderFixture.LeaderObjectId, Config.CurrentUser.AadObjectId);

        var (thread, list) = await AskForTheScheduleAsync();

        Assert.StartsWith(Teammote.Id + ";messageid=", thread, StringComparison.Ordinal);
        var card = list.AdaptiveCard!;
        Assert.Equal("Teamets rutiner", Heading(card));
        var newSchedule = Assert.Single(card["actions"]!.AsArray());
        Assert.Equal("Action.Execute", newSchedule!["type"]?.GetValue<string>());
        Assert.Equal(ScheduleCards.NewVerb, newSchedule["verb"]?.GetValue<string>());
    }

    [Fact]
    public async Task Leader_creates_a_schedule_sees_its_next_three_occurrences_and_posts_it_now_as_a_new_thread_in_Teammote()
    {
        var (thread, list) = await AskForTheScheduleAsync();
        var karin = Config.CurrentUser;

        // "Nytt schema": the form, prefilled with the channel the card was asked for in.
        var formCard = await InvokeForCardAsync(thread, karin.Id, list.MessageId, ScheduleCards.NewVerb, new JsonObject());
        Assert.Equal("New schedule", Heading(formCard));
        Assert.Equal(Teammote.Id, Input(formCard, "channel")["value"]?.GetValue<string>());
        Assert.Equal("Highlights", Input(formCard, "routine")["value"]?.GetValue<string>());
        var save = formCard["actions"]!.AsArray().OfType<JsonObject>().Single(a => a["verb"]?.GetValue<string>() == ScheduleCards.SaveVerb);

        // Highlights in Teammöte on Mondays 08:30, with a break in the week of the coming Monday:
        // the list must skip it (and Swedish public holidays).
        var now = DateTimeOffset.UtcNow;
        var breakWeek = ISOWeek.GetWeekOfYear(NextMondaySlotAfter(now).ToDateTime(TimeOnly.MinValue));
        var form = FilledIn(formCard, save);
        form["channel"] = Teammote.Id;
        form["weekdays"] = "Monday";
        form["time"] = "08:30";
        form["language"] = "Swedish";
        form["breakWeeks"] = breakWeek.ToString(CultureInfo.InvariantCulture);

        var saved = await InvokeForCardAsync(thread, karin.Id, list.MessageId, ScheduleCards.SaveVerb, form);

        var savedText = CardText(saved);
        Assert.Equal("The team's routines", Heading(saved));
        Assert.Contains("The schedule is saved.", savedText, StringComparison.Ordinal);
        Assert.Contains("Highlights of the week · #Teammöte", savedText, StringComparison.Ordinal);
        Assert.Contains($"Monday 08:30, every week, break in weeks {breakWeek}", savedText, StringComparison.Ordinal);
        var expectedNext = string.Join(" · ", ExpectedMondays(now, breakWeek).Take(3).Select(date =>
            $"{date.ToString("ddd d MMM", PlaygroundCulture)} 08:30 (wk {ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue))})"));
        Assert.Contains($"Next: {expectedNext}", savedText, StringComparison.Ordinal);
        Assert.DoesNotContain($"(wk {breakWeek})", savedText, StringComparison.Ordinal);

        var stored = Assert.Single(await StoredSchedulesAsync());
        Assert.Equal(Teammote.Id, stored.GetString("ChannelId"));
        Assert.Equal(karin.AadObjectId, stored.GetString("CreatedBy"));
        var scheduleId = ScheduleIdOn(saved);
        Assert.Equal(scheduleId, stored.GetString("ScheduleId"));

        // "Skicka nu": a new thread in Teammöte with the routine card, in the schedule's language.
        var before = MessageIds();
        var afterPost = await InvokeForCardAsync(
            thread, karin.Id, list.MessageId, ScheduleCards.PostNowVerb, new JsonObject { ["scheduleId"] = scheduleId });

        Assert.Contains("Posted to the channel Teammöte.", CardText(afterPost), StringComparison.Ordinal);
        var posted = await WaitForMessageAsync(m => !before.Contains(m.MessageId) && m.IsCreate && m.ConversationId == Teammote.Id);
        Assert.StartsWith(Teammote.Id + ";messageid=", posted.PostConversationId, StringComparison.Ordinal);
        Assert.NotEqual(thread, posted.PostConversationId);
        var routineHeading = Heading(posted.AdaptiveCard);
        Assert.NotNull(routineHeading);
        Assert.StartsWith("Veckans highlights – vecka ", routineHeading, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_pressing_save_is_refused_and_nothing_is_stored()
    {
        var (thread, list) = await AskForTheScheduleAsync();
        var sara = Config.User("Sara Nilsson");
        var storedBefore = (await StoredSchedulesAsync()).Count;
        var form = new JsonObject
        {
            ["scheduleId"] = null,
            ["routine"] = "RatingRound",
            ["channel"] = Teammote.Id,
            ["weekdays"] = "Friday",
            ["time"] = "15:00",
            ["everyNWeeks"] = "1",
            ["onlyInWeeks"] = string.Empty,
            ["startDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["endDate"] = string.Empty,
            ["timeZone"] = "Europe/Stockholm",
            ["language"] = "Swedish",
            ["skipHolidays"] = "true",
            ["breakWeeks"] = string.Empty,
        };

        var response = await Playground.InvokeAdaptiveCardActionAsync(thread, sara.Id, list.MessageId, ScheduleCards.SaveVerb, form, Token);

        Assert.Equal(ErrorType, response.Type);
        Assert.Equal("forbidden", response.Value?["code"]?.GetValue<string>());
        Assert.Equal(storedBefore, (await StoredSchedulesAsync()).Count);
        Assert.DoesNotContain(await StoredSchedulesAsync(), s => s.GetString("Routine") == "RatingRound");
    }

    private static string? Heading(JsonObject? card) => CardJson.Heading(card);

    private static string CardText(JsonObject card) => CardJson.Text(card);

    private static IEnumerable<JsonObject> Elements(JsonNode? node) => CardJson.Elements(node);

    private static JsonObject Input(JsonObject card, string id) => CardJson.Input(card, id);

    private static JsonObject FilledIn(JsonObject card, JsonObject action) => CardJson.FilledIn(card, action);

    /// <summary>The <c>scheduleId</c> of the list card's buttons (one schedule listed).</summary>
    private static string ScheduleIdOn(JsonObject listCard) =>
        Elements(listCard["body"])
            .Where(e => e["type"]?.GetValue<string>() == "Action.Execute" && e["verb"]?.GetValue<string>() == ScheduleCards.PostNowVerb)
            .Select(e => e["data"]?["scheduleId"]?.GetValue<string>()).Distinct().Single()
        ?? throw new InvalidOperationException("The post-now button has no scheduleId.");

    /// <summary>The date of the first Monday 08:30 in Stockholm after <paramref name="now"/>.</summary>
    private static DateOnly NextMondaySlotAfter(DateTimeOffset now) => MondaySlotsAfter(now).First();

    private static IEnumerable<DateOnly> MondaySlotsAfter(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Stockholm).DateTime);
        for (var date = today; ; date = date.AddDays(1))
        {
            var slot = date.ToDateTime(new TimeOnly(8, 30));
            if (date.DayOfWeek == DayOfWeek.Monday && new DateTimeOffset(slot, Stockholm.GetUtcOffset(slot)) >= now)
            {
                yield return date;
            }
        }
    }

    /// <summary>Mondays 08:30 from now on, without the break week and Swedish days off.</summary>
    private static IEnumerable<DateOnly> ExpectedMondays(DateTimeOffset now, int breakWeek) =>
        MondaySlotsAfter(now).Where(date =>
            ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)) != breakWeek && !SwedishCalendar.IsDayOff(date));

    private HashSet<string> MessageIds() => [.. Playground.Output.Messages.Select(m => m.MessageId)];

    /// <summary>Karin writes <c>@SofSBot schema</c> in Teammöte; returns the thread and the bot's list card.</summary>
    private async Task<(string Thread, PlaygroundOutput List)> AskForTheScheduleAsync()
    {
        var before = MessageIds();
        var posted = await Playground.SendMessageAsync(
            Teammote.Id,
            Config.CurrentUser.Id,
            $"<at>{Config.Bot.Name}</at> schema",
            [PlaygroundMention.Of(Config.Bot.Id, Config.Bot.Name)],
            Token);
        var thread = posted.ConversationIdFor(Teammote.Id);
        var reply = await WaitForMessageAsync(m => !before.Contains(m.MessageId) && m.IsIn(thread));
        Assert.True(reply.AdaptiveCard is not null, $"Expected the list card, got \"{reply.Text}\".{Environment.NewLine}{Fixture.Diagnostics()}");
        return (thread, reply);
    }

    private async Task<JsonObject> InvokeForCardAsync(string thread, string fromUserId, string replyToId, string verb, JsonObject data)
    {
        var response = await Playground.InvokeAdaptiveCardActionAsync(thread, fromUserId, replyToId, verb, data, Token);
        Assert.True(
            response.Type == AdaptiveCardType && response.Value is JsonObject,
            $"{verb}: expected a card, got {response.Type}: {response.Value?.ToJsonString()}{Environment.NewLine}{Fixture.Diagnostics()}");
        return (JsonObject)response.Value!;
    }

    /// <summary>The team's stored schedules, straight from Azurite (none before the table exists).</summary>
    private async Task<List<TableEntity>> StoredSchedulesAsync()
    {
        var table = Fixture.Table(TableScheduleStore.TableName);
        try
        {
            var rows = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: Token))
            {
                rows.Add(row);
            }

            return rows;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return [];
        }
    }

    private async Task<PlaygroundOutput> WaitForMessageAsync(Func<PlaygroundOutput, bool> predicate)
    {
        try
        {
            return await Playground.Output.WaitForMessageAsync(predicate, BotTimeout, Token);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}{Environment.NewLine}{Fixture.Diagnostics()}", exception);
        }
    }
}
