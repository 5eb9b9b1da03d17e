using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SofSBot.BotFramework;
using SofSBot.Ratings;
using SofSBot.Scheduling;
using SofSBot.Storage;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Ratings;

/// <summary>A leader opens a round; members answer on the card, change answers, and see the results when it closes.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RatingRoundTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly JsonObject Ahmed = User("29:1ahmed", "Ahmed Hassan", "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f");
    private static readonly JsonObject Johan = User("29:1johan", "Johan Berg", "8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
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
            time: _time);
        _app.Connector.Channels[TeamId] = [(TeamId, null), (TeammoteChannelId, "Teammöte")];
        _app.Connector.Members[TeamId] = [Karin, Sara, Ahmed, Johan];
        await _app.SendActivityAsync(InstalledInTeam());
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(_app.Connector.Unexpected);
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Leader_opens_a_round_and_its_card_is_posted_into_the_channel_with_everyones_own_view()
    {
        var card = await OpenRoundAsync();

        var round = Assert.Single(await Rounds.ListForTeamAsync(TeamId, default));
        Assert.Equal("2025-1", round.PeriodId);
        Assert.Equal(4, round.RosterCount);
        Assert.Equal(8, round.Goals.Count);
        Assert.Equal(new DateOnly(2025, 3, 24), RatingCards.LastDayOf(round.Deadline));
        Assert.Equal(["29:1karin", "29:1sara", "29:1ahmed", "29:1johan"], card!["refresh"]!["userIds"]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Contains("0 av 4 har svarat", Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_answers_sees_own_answers_and_the_counter_on_the_shared_card_grows()
    {
        var round = await OpenAndReadRoundAsync();

        var personal = await AnswerAsync(round, Sara, new() { ["goal.forhallningssatt"] = "7", ["goal.4f"] = "5" });

        var text = Text(personal);
        Assert.Contains("Sparat. Du kan ändra dina svar till och med måndag 24 mars 2025.", text, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"goal.forhallningssatt\"", text, StringComparison.Ordinal);
        Assert.Equal("7", ChoiceValue(personal, "goal.forhallningssatt"));
        var shared = _app.Connector.Calls.Last(call => call.Method == HttpMethod.Put).Card!;
        Assert.Contains("1 av 4 har svarat", Text(shared), StringComparison.Ordinal);
        var answers = await _app.GetService<IRatingAnswerStore>().GetForUserAsync(round, "29:1sara", default);
        Assert.Equal(7, answers["forhallningssatt"].Value);
        Assert.Equal(5, answers["4f"].Value);
    }

    [Fact]
    public async Task A_repeated_invoke_stores_once_and_a_change_keeps_the_earlier_value_in_history()
    {
        var round = await OpenAndReadRoundAsync();

        await AnswerAsync(round, Sara, new() { ["goal.forhallningssatt"] = "6" });
        await AnswerAsync(round, Sara, new() { ["goal.forhallningssatt"] = "6" });
        var rowsAfterRepeat = await AnswerRowsAsync();
        await AnswerAsync(round, Sara, new() { ["goal.forhallningssatt"] = "9" });

        Assert.Equal(1, rowsAfterRepeat.Count(row => row.GetString("Kind") == "History"));
        var rows = await AnswerRowsAsync();
        var current = Assert.Single(rows, row => row.GetString("Kind") == "Answer");
        Assert.Equal(9, current.GetInt32("Value"));
        Assert.Equal(2, current.GetInt32("Revision"));
        Assert.Equal([6, 9], rows.Where(row => row.GetString("Kind") == "History").OrderBy(row => row.RowKey).Select(row => row.GetInt32("Value")));
        Assert.Single(rows, row => row.GetString("Kind") == "Respondent");
        // Everything an export needs is on the row itself.
        Assert.Equal(("2025-1", TeamId, round.RoundId, "29:1sara", "forhallningssatt"),
            (current.GetString("PeriodId"), current.GetString("TeamId"), current.GetString("RoundId"), current.GetString("UserId"), current.GetString("GoalId")));
        Assert.Equal(TableRatingAnswerStore.PartitionKeyFor("2025-1", TeamId), current.PartitionKey);
    }

    [Theory]
    [InlineData("goal.forhallningssatt", "11", "Svaret på ”Förhållningssätt” ska vara från 0 till 10. Inget har sparats.")]
    [InlineData("goal.forhallningssatt", "-3", "Svaret på ”Förhållningssätt” ska vara från 0 till 10. Inget har sparats.")]
    [InlineData("goal.roda-traden", "mycket", "Svaret på ”Röda tråden” är inte ett heltal. Välj ett värde från 0 till 10 – inget har sparats.")]
    [InlineData("goal.hemligt", "5", "Kortet frågade om ett mål som inte finns i den här omgången. Inget har sparats.")]
    public async Task Invalid_answers_are_refused_with_a_clear_message_and_nothing_is_stored(string input, string value, string message)
    {
        var round = await OpenAndReadRoundAsync();

        var refusal = await InvokeAsync(RatingCards.SaveVerb, new() { ["roundId"] = round.RoundId, ["goal.arbetsramen"] = "8", [input] = value }, Sara);

        Assert.Equal("invalidInput", refusal["value"]!["code"]!.GetValue<string>());
        Assert.Equal(message, refusal["value"]!["message"]!.GetValue<string>());
        Assert.Empty(await AnswerRowsAsync());
    }

    [Fact]
    public async Task A_member_writes_only_their_own_answers_whatever_the_card_data_says()
    {
        var round = await OpenAndReadRoundAsync();

        await AnswerAsync(round, Sara, new() { ["goal.forhallningssatt"] = "3", ["userId"] = "29:1ahmed", ["teamId"] = "19:other@thread.tacv2" });

        var row = Assert.Single(await AnswerRowsAsync(), row => row.GetString("Kind") == "Answer");
        Assert.Equal("29:1sara", row.GetString("UserId"));
        Assert.Equal(TeamId, row.GetString("TeamId"));
    }

    [Fact]
    public async Task A_round_of_another_team_is_not_found_and_nothing_is_stored()
    {
        var round = await OpenAndReadRoundAsync();
        var action = CardAction(RatingCards.SaveVerb, new() { ["roundId"] = round.RoundId, ["goal.forhallningssatt"] = "3" }, Sara);
        action["channelData"]!["team"]!["id"] = "19:another-team@thread.tacv2";

        using var response = await _app.SendActivityAsync(action);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("Den här skattningsomgången finns inte i det här teamet.", body["value"]!["message"]!.GetValue<string>());
        Assert.Empty(await AnswerRowsAsync());
    }

    [Fact]
    public async Task Members_cannot_close_or_open_a_round()
    {
        var round = await OpenAndReadRoundAsync();

        var close = await InvokeAsync(RatingCards.CloseVerb, new() { ["roundId"] = round.RoundId }, Sara);
        var open = await InvokeAsync(RatingCards.OpenVerb, new() { ["period"] = "2025-1", ["lastDay"] = "2025-03-20" }, Sara);

        Assert.Equal("forbidden", close["value"]!["code"]!.GetValue<string>());
        Assert.Equal("forbidden", open["value"]!["code"]!.GetValue<string>());
        Assert.False((await Rounds.GetAsync(TeamId, round.RoundId, default))!.IsClosed);
        Assert.Single(await Rounds.ListForTeamAsync(TeamId, default));
    }

    [Fact]
    public async Task Closing_shows_the_means_of_three_respondents_to_everyone_and_answers_are_refused_afterwards()
    {
        var round = await OpenAndReadRoundAsync();
        await AnswerAsync(round, Sara, new() { ["goal.forhallningssatt"] = "6", ["goal.4f"] = "4" });
        await AnswerAsync(round, Ahmed, new() { ["goal.forhallningssatt"] = "8", ["goal.4f"] = "5" });
        await AnswerAsync(round, Johan, new() { ["goal.forhallningssatt"] = "7" });
        await AnswerAsync(round, Johan, new() { ["goal.forhallningssatt"] = "10" });

        var results = (await InvokeAsync(RatingCards.CloseVerb, new() { ["roundId"] = round.RoundId }, Karin))["value"]!;

        var text = Text(results);
        Assert.Contains("3 av 4 svarade (svarsfrekvens 75 %).", text, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Medelvärde\",\"value\":\"8,0\"}", text, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Median\",\"value\":\"8\"}", text, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Fördelning\",\"value\":\"6: 1 · 8: 1 · 10: 1\"}", text, StringComparison.Ordinal);
        // 4F has two answers only: withheld.
        Assert.Contains("För få svar för att visa resultat (färre än 3).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("4,5", text, StringComparison.Ordinal);
        var shared = _app.Connector.Calls.Last(call => call.Method == HttpMethod.Put).Card!;
        Assert.Contains("Resultat: skattning av teamets mål – 2025 vår", Text(shared), StringComparison.Ordinal);
        Assert.Null(shared["refresh"]);

        var late = await InvokeAsync(RatingCards.SaveVerb, new() { ["roundId"] = round.RoundId, ["goal.forhallningssatt"] = "1" }, Sara);
        Assert.Equal("Omgången är stängd, så svaren kan inte längre ändras.", late["value"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_two_respondents_every_figure_is_withheld()
    {
        var round = await OpenAndReadRoundAsync();
        await AnswerAsync(round, Sara, new() { ["goal.forhallningssatt"] = "2" });
        await AnswerAsync(round, Ahmed, new() { ["goal.forhallningssatt"] = "9" });

        var text = Text((await InvokeAsync(RatingCards.CloseVerb, new() { ["roundId"] = round.RoundId }, Karin))["value"]!);

        Assert.DoesNotContain("Medelvärde\",\"value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("5,5", text, StringComparison.Ordinal);
        Assert.Equal(8, CountOf(text, "För få svar för att visa resultat (färre än 3)."));
    }

    [Fact]
    public async Task Many_members_answering_at_once_are_all_stored_and_counted()
    {
        const int members = 60;
        var users = Enumerable.Range(1, members).Select(i => User($"29:m{i:D3}", $"Medlem {i}", Guid.NewGuid().ToString())).ToList();
        _app.Connector.Members[TeamId] = [.. users];
        var round = await OpenAndReadRoundAsync();

        await Task.WhenAll(users.Select((user, i) => AnswerAsync(round, user, new()
        {
            ["goal.forhallningssatt"] = (i % 11).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["goal.roda-traden"] = "5",
        })));

        var stored = await _app.GetService<IRatingAnswerStore>().ListAsync(round, default);
        Assert.Equal(members * 2, stored.Count);
        Assert.Equal(members, (await _app.GetService<IRatingAnswerStore>().ListRespondentsAsync(round, default)).Count);
        var lastShared = _app.Connector.Calls.Last(call => call.Method == HttpMethod.Put).Card!;
        Assert.Contains($"{members} av {members} har svarat", Text(lastShared), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_deadline_closes_the_round_and_members_who_have_not_answered_are_reminded_once_before()
    {
        var round = await OpenAndReadRoundAsync();
        await AnswerAsync(round, Sara, new() { ["goal.forhallningssatt"] = "7" });
        var monitor = _app.GetService<RatingRoundMonitor>();

        _time.SetUtcNow(round.Deadline - TimeSpan.FromDays(3));
        await monitor.RunOnceAsync(default);
        Assert.Empty(Reminders());

        _time.SetUtcNow(round.Deadline - TimeSpan.FromDays(1));
        await monitor.RunOnceAsync(default);
        await monitor.RunOnceAsync(default);
        var reminded = Reminders().ToList();
        Assert.Equal(3, reminded.Count);
        Assert.Contains(
            "Påminnelse: skattningen av teamets mål (2025 vår) i Utredningsteam 1 har sista svarsdag måndag 24 mars 2025.",
            reminded[0].Text, StringComparison.Ordinal);
        Assert.Equal(["29:1ahmed", "29:1johan", "29:1karin"], RemindedUsers());

        _time.SetUtcNow(round.Deadline);
        Assert.Equal(1, await monitor.RunOnceAsync(default));
        Assert.True((await Rounds.GetAsync(TeamId, round.RoundId, default))!.IsClosed);
        Assert.Contains("Resultat:", Text(_app.Connector.Calls.Last(call => call.Method == HttpMethod.Put).Card!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_an_instance_claimed_and_died_before_sending_goes_out_once_after_its_lease()
    {
        var round = await OpenAndReadRoundAsync();
        await AnswerAsync(round, Sara, new() { ["goal.forhallningssatt"] = "7" });
        var monitor = _app.GetService<RatingRoundMonitor>();
        _time.SetUtcNow(round.Deadline - TimeSpan.FromDays(1));

        // Another instance claimed Ahmed's reminder a moment ago and died before sending it.
        var claims = azurite.TableServiceClient.GetTableClient(_app.TablePrefix + TableClaimStore.TableName);
        await claims.CreateIfNotExistsAsync();
        await claims.AddEntityAsync(new Azure.Data.Tables.TableEntity(
            TableKey.Escape(RatingRoundMonitor.ReminderClaimScope), TableKey.Escape($"{TeamId}|{round.RoundId}|29:1ahmed"))
        {
            ["State"] = "Pending",
            ["ClaimedAt"] = _time.GetUtcNow() - TimeSpan.FromMinutes(1),
            ["LeaseUntil"] = _time.GetUtcNow() - TimeSpan.FromMinutes(1) + RatingRoundMonitor.ReminderClaimLease,
        });

        await monitor.RunOnceAsync(default);
        await monitor.RunOnceAsync(default);
        Assert.Equal(["29:1johan", "29:1karin"], RemindedUsers());
        Assert.False((await Rounds.GetAsync(TeamId, round.RoundId, default))!.RemindersSent);

        _time.Advance(RatingRoundMonitor.ReminderClaimLease);
        await monitor.RunOnceAsync(default);
        await monitor.RunOnceAsync(default);
        _time.Advance(TimeSpan.FromHours(6));
        await monitor.RunOnceAsync(default);

        Assert.Equal(["29:1ahmed", "29:1johan", "29:1karin"], RemindedUsers());
        Assert.Equal(3, Reminders().Count());
        Assert.True((await Rounds.GetAsync(TeamId, round.RoundId, default))!.RemindersSent);
    }

    [Fact]
    public async Task A_scheduled_round_nobody_touched_gets_its_card_replaced_with_the_results_at_the_deadline()
    {
        Assert.Equal(1, await PostScheduledRoundAsync());

        Assert.Single(_app.Connector.ChannelThreads);
        var round = Assert.Single(await Rounds.ListForTeamAsync(TeamId, default));
        Assert.Equal("skattning-var.20250310", round.RoundId);
        Assert.NotNull(round.CardActivityId);

        _time.SetUtcNow(round.Deadline);
        Assert.Equal(1, await _app.GetService<RatingRoundMonitor>().RunOnceAsync(default));

        var replaced = _app.Connector.Calls.Last(call => call.Method == HttpMethod.Put);
        Assert.EndsWith($"/activities/{round.CardActivityId}", replaced.Path, StringComparison.Ordinal);
        Assert.Contains("Resultat:", Text(replaced.Card!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_round_posted_before_its_card_was_remembered_is_found_through_the_schedules_ledger()
    {
        await PostScheduledRoundAsync();

        // As a round stored by an earlier version: posted, but its card's place not on the round.
        var round = Assert.Single(await Rounds.ListForTeamAsync(TeamId, default));
        var activityId = round.CardActivityId;
        await Rounds.UpdateAsync(TeamId, round.RoundId, stored => stored with { CardConversationId = null, CardActivityId = null }, default);

        _time.SetUtcNow(round.Deadline);
        await _app.GetService<RatingRoundMonitor>().RunOnceAsync(default);

        var replaced = _app.Connector.Calls.Last(call => call.Method == HttpMethod.Put);
        Assert.EndsWith($"/activities/{activityId}", replaced.Path, StringComparison.Ordinal);
        Assert.Contains("Resultat:", Text(replaced.Card!), StringComparison.Ordinal);
        Assert.Equal(activityId, (await Rounds.GetAsync(TeamId, round.RoundId, default))!.CardActivityId);
    }

    [Fact]
    public async Task Results_command_while_the_round_is_open_shows_everyone_only_the_count()
    {
        var round = await OpenAndReadRoundAsync();
        await AnswerAsync(round, Sara, new() { ["goal.forhallningssatt"] = "7" });

        await _app.SendActivityAsync(ChannelMention("resultat", from: Sara));
        Assert.Equal("1 av 4 har svarat. Omgången är öppen till och med måndag 24 mars 2025; resultatet visas när den stänger.", _app.Connector.Posts.Last().Text);
    }

    [Fact]
    public async Task A_leader_asking_for_results_before_and_after_one_member_answers_learns_only_the_count()
    {
        var round = await OpenAndReadRoundAsync();
        await AnswerAsync(round, Sara, new() { ["goal.forhallningssatt"] = "7" });
        await AnswerAsync(round, Ahmed, new() { ["goal.forhallningssatt"] = "8" });
        await AnswerAsync(round, Johan, new() { ["goal.forhallningssatt"] = "9" });

        await _app.SendActivityAsync(ChannelMention("results", locale: "en-GB"));
        var before = _app.Connector.Posts.Last();
        await AnswerAsync(round, Karin, new() { ["goal.forhallningssatt"] = "2" });
        await _app.SendActivityAsync(ChannelMention("results", locale: "en-GB"));
        var after = _app.Connector.Posts.Last();

        Assert.Equal("3 of 4 have answered. The round is open up to and including Monday 24 March 2025; the results show when it closes.", before.Text);
        Assert.Equal("4 of 4 have answered. The round is open up to and including Monday 24 March 2025; the results show when it closes.", after.Text);
        Assert.Null(before.Card);
        Assert.Null(after.Card);
    }

    [Fact]
    public async Task My_data_shows_a_members_answers_and_erasing_them_changes_the_results()
    {
        var round = await OpenAndReadRoundAsync();
        await AnswerAsync(round, Sara, new() { ["goal.forhallningssatt"] = "6" });
        await AnswerAsync(round, Sara, new() { ["goal.forhallningssatt"] = "7" });
        await AnswerAsync(round, Ahmed, new() { ["goal.forhallningssatt"] = "8" });
        await AnswerAsync(round, Johan, new() { ["goal.forhallningssatt"] = "9" });

        await _app.SendActivityAsync(PersonalMessage("mina data", from: Sara));
        Assert.Contains("2025 vår – Förhållningssätt: 7 (tidigare 6)", Text(_app.Connector.Posts.Last().Card!), StringComparison.Ordinal);

        var confirm = await InvokeAsync(SofSBot.Privacy.PersonalDataCards.AskEraseVerb, [], Sara, personal: true);
        Assert.Contains("Radera dina data?", Text(confirm), StringComparison.Ordinal);
        var erased = await InvokeAsync(SofSBot.Privacy.PersonalDataCards.EraseVerb, [], Sara, personal: true);

        // Her answer, its earlier value, her respondent row, and her id on the card's own-view list.
        Assert.Contains("Klart: 5 sparade uppgifter om dig är raderade.", Text(erased), StringComparison.Ordinal);
        Assert.DoesNotContain(await AnswerRowsAsync(), row => row.GetString("UserId") == "29:1sara");
        var stored = (await Rounds.GetAsync(TeamId, round.RoundId, default))!;
        Assert.DoesNotContain("29:1sara", stored.RefreshUserIds);
        Assert.Contains("2 av 4 har svarat", Text(_app.Connector.Calls.Last(call => call.Method == HttpMethod.Put).Card!), StringComparison.Ordinal);
        var (results, respondents) = await _app.GetService<RatingRounds>().ResultsAsync(round, SofSBot.Localization.Language.Swedish, default);
        Assert.Equal(2, respondents);
        // The round is open: its results card has the count only.
        Assert.Contains("2 av 4 har svarat", Text(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(results, BotJson.Options))!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasing_a_members_data_does_not_draw_a_closed_rounds_results_again_so_the_change_cannot_show_their_answers()
    {
        var round = await OpenAndReadRoundAsync();
        await AnswerAsync(round, Sara, new() { ["goal.forhallningssatt"] = "2" });
        await AnswerAsync(round, Ahmed, new() { ["goal.forhallningssatt"] = "8" });
        await AnswerAsync(round, Johan, new() { ["goal.forhallningssatt"] = "8" });
        await AnswerAsync(round, Karin, new() { ["goal.forhallningssatt"] = "8" });
        await InvokeAsync(RatingCards.CloseVerb, new() { ["roundId"] = round.RoundId }, Karin);
        var replacementsBefore = _app.Connector.Calls.Count(call => call.Method == HttpMethod.Put);

        await InvokeAsync(SofSBot.Privacy.PersonalDataCards.EraseVerb, [], Sara, personal: true);

        Assert.DoesNotContain(await AnswerRowsAsync(), row => row.GetString("UserId") == "29:1sara");
        Assert.Equal(replacementsBefore, _app.Connector.Calls.Count(call => call.Method == HttpMethod.Put));
    }

    [Fact]
    public async Task Erasing_the_data_of_a_member_who_has_not_answered_takes_their_id_off_the_open_rounds_card()
    {
        var round = await OpenAndReadRoundAsync();
        await AnswerAsync(round, Sara, new() { ["goal.forhallningssatt"] = "7" });

        await InvokeAsync(SofSBot.Privacy.PersonalDataCards.EraseVerb, [], Johan, personal: true);

        Assert.DoesNotContain("29:1johan", (await Rounds.GetAsync(TeamId, round.RoundId, default))!.RefreshUserIds);
        var card = _app.Connector.Calls.Last(call => call.Method == HttpMethod.Put).Card!;
        Assert.Equal(["29:1karin", "29:1sara", "29:1ahmed"], card["refresh"]!["userIds"]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Contains("1 av 4 har svarat", Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_data_in_a_channel_is_refused_so_nobody_else_sees_it()
    {
        await _app.SendActivityAsync(ChannelMention("my data", from: Sara, locale: "en-US"));

        Assert.Equal("Write it to me in a personal chat, so that only you see your data.", _app.Connector.Posts.Last().Text);
    }

    /// <summary>A weekly rating-round schedule due now (Monday 10 March 2025, 09:30 in Stockholm), posted by the scheduler.</summary>
    private async Task<int> PostScheduledRoundAsync()
    {
        var schedule = new Schedule(
            TeamId,
            "skattning-var",
            SofSBot.Routines.RoutineKind.RatingRound,
            TeammoteChannelId,
            new ScheduleRule([DayOfWeek.Monday], new TimeOnly(9, 30), new DateOnly(2025, 3, 10)),
            SofSBot.Localization.Language.Swedish,
            IsPaused: false,
            CreatedBy: "29:1karin",
            CreatedAt: _time.GetUtcNow().AddDays(-7),
            UpdatedAt: _time.GetUtcNow().AddDays(-7));
        await _app.GetService<IScheduleStore>().SaveAsync(schedule, default);
        return await _app.GetService<SchedulerService>().RunOnceAsync(default);
    }

    private IRatingRoundStore Rounds => _app.GetService<IRatingRoundStore>();

    private IEnumerable<ConnectorCall> Reminders() =>
        _app.Connector.Posts.Where(call => call.Text?.StartsWith("Påminnelse", StringComparison.Ordinal) == true);

    /// <summary>Whom a personal chat was opened with (for a reminder), in order of id.</summary>
    private List<string> RemindedUsers() =>
        [.. _app.Connector.Calls.Where(call => call.Method == HttpMethod.Post && call.Body?["members"] is not null)
            .Select(call => call.Body!["members"]![0]!["id"]!.GetValue<string>()).Order()];

    /// <summary>Karin writes "skattning", gets the form and presses "open"; returns the card posted into the channel.</summary>
    private async Task<JsonNode?> OpenRoundAsync()
    {
        await _app.SendActivityAsync(ChannelMention("skattning"));
        var form = _app.Connector.Posts.Last().Card!;
        Assert.Contains("Öppna en skattningsomgång", Text(form), StringComparison.Ordinal);
        var opened = await InvokeAsync(RatingCards.OpenVerb, new() { ["period"] = "2025-1", ["lastDay"] = "2025-03-24" }, Karin, replyToId: "form-1");
        Assert.Contains("Omgången är öppen till och med måndag 24 mars 2025", Text(opened), StringComparison.Ordinal);
        return _app.Connector.ChannelThreads.Last().Card;
    }

    private async Task<RatingRound> OpenAndReadRoundAsync()
    {
        await OpenRoundAsync();
        return Assert.Single(await Rounds.ListForTeamAsync(TeamId, default));
    }

    private async Task<JsonNode> AnswerAsync(RatingRound round, JsonObject user, JsonObject inputs)
    {
        inputs["roundId"] = round.RoundId;
        var response = await InvokeAsync(RatingCards.SaveVerb, inputs, user);
        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]?.GetValue<string>());
        return response["value"]!;
    }

    /// <summary>Presses a button on the round's card (its thread and message id), as <paramref name="user"/>.</summary>
    private async Task<JsonNode> InvokeAsync(string verb, JsonObject data, JsonObject user, string? replyToId = null, bool personal = false)
    {
        var action = CardAction(verb, data, user);
        if (personal)
        {
            action["conversation"] = new JsonObject { ["id"] = "a:1personal", ["conversationType"] = "personal", ["tenantId"] = TenantId };
            action["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        }
        else if (replyToId is null && await Rounds.ListForTeamAsync(TeamId, default) is [{ CardActivityId: { } cardId, CardConversationId: { } thread }, ..])
        {
            action["conversation"]!["id"] = thread;
            action["replyToId"] = cardId;
        }
        else if (replyToId is not null)
        {
            action["replyToId"] = replyToId;
        }

        using var response = await _app.SendActivityAsync(action);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<IReadOnlyList<Azure.Data.Tables.TableEntity>> AnswerRowsAsync() => await _app.ReadTableAsync(TableRatingAnswerStore.TableName);

    private static string Text(JsonNode card) => card.ToJsonString(BotJson.Options);

    private static string? ChoiceValue(JsonNode card, string id) =>
        Descendants(card).FirstOrDefault(node => node["id"]?.GetValue<string>() == id)?["value"]?.GetValue<string>();

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.Select(p => p.Value).SelectMany(Descendants)],
        JsonArray array => array.SelectMany(Descendants),
        _ => [],
    };

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
