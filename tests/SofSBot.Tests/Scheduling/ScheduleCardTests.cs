using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SofSBot.Scheduling;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Scheduling;

/// <summary>Team leaders schedule routines through the schedule card; everyone else is refused.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScheduleCardTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 26, 12, 0, 0, TimeSpan.Zero));

    // Karin coordinates (and so may lead every team); Sara is a member.
    private readonly SofSBotApp _app;

    public ScheduleCardTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _app = new(
            azurite,
            settings: new Dictionary<string, string?> { ["Roles:Coordinators:0"] = Karin["aadObjectId"]!.GetValue<string>() },
            time: _time);
    }

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
    public async Task Member_asking_for_the_schedule_is_refused_in_their_language()
    {
        var message = ChannelMention("schema");
        message["from"] = Sara;

        await _app.SendActivityAsync(message);

        Assert.Equal("Det kan bara teamets teamledare göra.", _app.Connector.Posts.Last().Text);
    }

    [Fact]
    public async Task Member_pressing_save_is_refused_and_nothing_is_stored()
    {
        using var response = await _app.SendActivityAsync(CardAction(ScheduleCards.SaveVerb, ValidForm(), from: Sara));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("forbidden", body.RootElement.GetProperty("value").GetProperty("code").GetString());
        Assert.Empty(await _app.GetService<IScheduleStore>().ListForTeamAsync(TeamId, default));
    }

    [Fact]
    public async Task Leader_saves_a_schedule_and_sees_it_listed_with_its_next_occurrences()
    {
        var card = await InvokeAsync(ScheduleCards.SaveVerb, ValidForm());

        var schedule = Assert.Single(await _app.GetService<IScheduleStore>().ListForTeamAsync(TeamId, default));
        Assert.Equal(TeammoteChannelId, schedule.ChannelId);
        Assert.Equal([DayOfWeek.Monday], schedule.Rule.Weekdays);
        Assert.Equal(new TimeOnly(8, 30), schedule.Rule.TimeOfDay);
        Assert.Equal([28, 29, 30, 31], schedule.Rule.BreakWeeks);

        var text = card.ToJsonString(SofSBot.BotFramework.BotJson.Options);
        Assert.Contains("Veckans highlights · #Teammöte", text, StringComparison.Ordinal);
        Assert.Contains("måndag 08:30, varje vecka, uppehåll veckor 28–31", text, StringComparison.Ordinal);
        // 2025-03-31, 04-07, 04-14: the next three Mondays after Wednesday 26 March.
        Assert.Contains("mån 31 mars 08:30 (v. 14) · mån 7 apr. 08:30 (v. 15) · mån 14 apr. 08:30 (v. 16)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_errors_are_shown_in_the_form_and_nothing_is_stored()
    {
        var form = ValidForm();
        form["weekdays"] = string.Empty;
        form["time"] = "25:99";
        form["breakWeeks"] = "60";

        var card = await InvokeAsync(ScheduleCards.SaveVerb, form);

        var text = card.ToJsonString(SofSBot.BotFramework.BotJson.Options);
        Assert.Contains("Välj minst en veckodag.", text, StringComparison.Ordinal);
        Assert.Contains("Skriv tiden som TT:MM", text, StringComparison.Ordinal);
        Assert.Contains("Veckonummer ska vara mellan 1 och 53", text, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"25:99\"", text, StringComparison.Ordinal);
        Assert.Empty(await _app.GetService<IScheduleStore>().ListForTeamAsync(TeamId, default));
    }

    [Fact]
    public async Task Every_other_week_reads_as_swedish_says_it()
    {
        var form = ValidForm();
        form["everyNWeeks"] = "2";

        var card = await InvokeAsync(ScheduleCards.SaveVerb, form);

        Assert.Contains("måndag 08:30, varannan vecka", card.ToJsonString(SofSBot.BotFramework.BotJson.Options), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, "3:e")]
    [InlineData(21, "21:a")]
    [InlineData(22, "22:a")]
    [InlineData(11, "11:e")]
    [InlineData(12, "12:e")]
    public void Swedish_ordinals_end_in_a_after_one_and_two(int number, string expected)
    {
        Assert.Equal(expected, ScheduleCards.SwedishOrdinal(number));
    }

    [Fact]
    public async Task Post_now_puts_the_routine_card_into_the_chosen_channel()
    {
        await InvokeAsync(ScheduleCards.SaveVerb, ValidForm());
        var schedule = Assert.Single(await _app.GetService<IScheduleStore>().ListForTeamAsync(TeamId, default));

        var card = await InvokeAsync(ScheduleCards.PostNowVerb, new JsonObject { ["scheduleId"] = schedule.ScheduleId });

        var thread = Assert.Single(_app.Connector.ChannelThreads);
        Assert.Equal(TeammoteChannelId, thread.Body?["channelData"]?["channel"]?["id"]?.GetValue<string>());
        Assert.Equal("Veckans highlights – vecka 14", thread.Body?["activity"]?["attachments"]?[0]?["content"]?["body"]?[0]?["text"]?.GetValue<string>());
        Assert.Contains("Skickat till kanalen Teammöte.", card.ToJsonString(SofSBot.BotFramework.BotJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_reads_the_channels_again_when_the_install_could_not()
    {
        await using var app = new SofSBotApp(
            _azurite,
            settings: new Dictionary<string, string?> { ["Roles:Coordinators:0"] = Karin["aadObjectId"]!.GetValue<string>() });
        app.Connector.Channels[TeamId] = [(TeamId, null), (TeammoteChannelId, "Teammöte")];
        app.Connector.OnCall = call =>
        {
            if (call.Path.EndsWith("/conversations", StringComparison.Ordinal) && call.Method == HttpMethod.Get)
            {
                app.Connector.Failures.Enqueue(System.Net.HttpStatusCode.InternalServerError);
                app.Connector.OnCall = null;
            }
        };
        await app.SendActivityAsync(InstalledInTeam());
        Assert.Empty(await app.GetService<SofSBot.TeamsEvents.ITeamStore>().ListChannelsAsync(TeamId, default));

        using var response = await app.SendActivityAsync(CardAction(ScheduleCards.NewVerb, from: Karin));
        var form = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.ToJsonString(SofSBot.BotFramework.BotJson.Options);

        Assert.Contains("\"title\":\"Teammöte\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_over_a_change_made_since_the_form_was_opened_is_refused_and_shows_what_holds_now()
    {
        await InvokeAsync(ScheduleCards.SaveVerb, ValidForm());
        var store = _app.GetService<IScheduleStore>();
        var id = Assert.Single(await store.ListForTeamAsync(TeamId, default)).ScheduleId;

        // Two leaders open the same schedule; the first moves it to 09:00, the second, later, to 10:00.
        var first = FormData(await InvokeAsync(ScheduleCards.EditVerb, new JsonObject { ["scheduleId"] = id }));
        var second = FormData(await InvokeAsync(ScheduleCards.EditVerb, new JsonObject { ["scheduleId"] = id }));
        _time.Advance(TimeSpan.FromMinutes(1));
        first["time"] = "09:00";
        await InvokeAsync(ScheduleCards.SaveVerb, first);
        _time.Advance(TimeSpan.FromMinutes(1));
        second["time"] = "10:00";
        var refused = (await InvokeAsync(ScheduleCards.SaveVerb, second)).ToJsonString(SofSBot.BotFramework.BotJson.Options);

        Assert.Contains("Någon annan ändrade schemat medan du redigerade", refused, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"09:00\"", refused, StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(9, 0), (await store.GetAsync(TeamId, id, default))?.Rule.TimeOfDay);

        // Saving again from the form that now shows 09:00 works.
        var again = FormData(JsonNode.Parse(refused)!);
        again["time"] = "10:00";
        await InvokeAsync(ScheduleCards.SaveVerb, again);
        Assert.Equal(new TimeOnly(10, 0), (await store.GetAsync(TeamId, id, default))?.Rule.TimeOfDay);
    }

    [Fact]
    public async Task Pause_and_delete_change_the_stored_schedule()
    {
        await InvokeAsync(ScheduleCards.SaveVerb, ValidForm());
        var store = _app.GetService<IScheduleStore>();
        var id = Assert.Single(await store.ListForTeamAsync(TeamId, default)).ScheduleId;

        await InvokeAsync(ScheduleCards.PauseVerb, new JsonObject { ["scheduleId"] = id });
        Assert.True((await store.GetAsync(TeamId, id, default))?.IsPaused);

        await InvokeAsync(ScheduleCards.DeleteVerb, new JsonObject { ["scheduleId"] = id });
        Assert.Null(await store.GetAsync(TeamId, id, default));
    }

    private async Task<JsonNode> InvokeAsync(string verb, JsonObject data)
    {
        using var response = await _app.SendActivityAsync(CardAction(verb, data, from: Karin));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]?.GetValue<string>());
        return body["value"]!;
    }

    /// <summary>What Teams sends on "Spara" of a form card left as it is: the inputs' values merged into the action's data.</summary>
    private static JsonObject FormData(JsonNode card)
    {
        var save = card["actions"]!.AsArray().Single(a => a?["verb"]?.GetValue<string>() == ScheduleCards.SaveVerb)!;
        var data = save["data"]!.DeepClone().AsObject();
        foreach (var input in card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["id"] is not null))
        {
            data[input["id"]!.GetValue<string>()] = input["value"]?.ToString() ?? string.Empty;
        }

        return data;
    }

    private static JsonObject ValidForm() => new()
    {
        ["routine"] = "Highlights",
        ["channel"] = TeammoteChannelId,
        ["weekdays"] = "Monday",
        ["time"] = "08:30",
        ["everyNWeeks"] = "1",
        ["onlyInWeeks"] = string.Empty,
        ["startDate"] = "2025-03-26",
        ["endDate"] = string.Empty,
        ["timeZone"] = "Europe/Stockholm",
        ["language"] = "Swedish",
        ["skipHolidays"] = "true",
        ["breakWeeks"] = "28-31",
    };
}
