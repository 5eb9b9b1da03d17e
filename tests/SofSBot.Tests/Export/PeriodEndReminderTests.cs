using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SofSBot.Export;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Export;

/// <summary>
/// The day after a rating period ends each coordinator gets one card in personal chat with the
/// response rates per team and the teams without answers, over the seeded <see cref="ExportDataset"/>
/// (2025 vår ended on 30 June 2025: team 1 4 of 5, team 2 2 of 4, Familjeteamet none of 6).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PeriodEndReminderTests(AzuriteFixture azurite)
{
    // 1 July 2025 is summer time in Sweden (UTC+2): 06:30 UTC is 08:30 there.
    private static readonly DateTimeOffset DayAfterAt0830 = new(2025, 7, 1, 6, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DayAfterAt0700 = new(2025, 7, 1, 5, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ThirtyDaysAfter = new(2025, 7, 30, 6, 30, 0, TimeSpan.Zero);

    private static readonly string KarinObjectId = Karin["aadObjectId"]!.GetValue<string>();
    private static readonly string SaraObjectId = Sara["aadObjectId"]!.GetValue<string>();

    [Fact]
    public async Task Coordinator_gets_one_card_with_the_counts_per_team_and_the_team_without_answers()
    {
        var time = new FakeTimeProvider(DayAfterAt0830);
        await using var app = await SeededAppAsync(time, [KarinObjectId]);
        app.Connector.Members[ExportDataset.Team1] = [Karin, Sara];

        Assert.Equal(1, await app.GetService<PeriodEndReminder>().RunOnceAsync(default));
        Assert.Equal(0, await app.GetService<PeriodEndReminder>().RunOnceAsync(default));

        var post = Assert.Single(CardPosts(app));
        Assert.Contains(ConversationCreatedFor(app, "29:1karin"), post.Path, StringComparison.Ordinal);
        var card = post.Card!;
        Assert.Equal("Skattningsperioden 2025 vår är slut", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(
            [("Utredningsteam 1", "4 av 5 (80 %)"), ("Utredningsteam 2", "färre än 3 av 4")],
            Facts(card));
        var text = Texts(card);
        Assert.Contains("Team som inte har svarat (1)", text);
        Assert.Contains("Familjeteamet", text);
        // 6 in all minus team 1's 4 would give team 2's 2: the total is not shown.
        Assert.Contains("Totalt: svar i 2 av 3 team. Antalet svarande i alla team visas inte: minus teamen ovan skulle det visa hur många som svarade i ett team med färre än 3.", text);
        Assert.DoesNotContain(text, line => line.Contains("6 av 15", StringComparison.Ordinal));
        Assert.Equal("export.form", card["actions"]![0]!["data"]!["verb"]!.GetValue<string>());
        Assert.Equal("Action.Submit", card["actions"]![0]!["type"]!.GetValue<string>());

        // Counts only: nobody's name or id.
        var json = card.ToJsonString();
        foreach (var personal in new[] { "Karin", "Sara", "29:user-", "29:1" })
        {
            Assert.DoesNotContain(personal, json, StringComparison.Ordinal);
        }

        Assert.Empty(app.Connector.Unexpected);
    }

    [Fact]
    public async Task Nothing_is_sent_before_the_hour_and_the_card_goes_out_from_it()
    {
        var time = new FakeTimeProvider(DayAfterAt0700);
        await using var app = await SeededAppAsync(time, [KarinObjectId]);
        app.Connector.Members[ExportDataset.Team1] = [Karin];

        Assert.Equal(0, await app.GetService<PeriodEndReminder>().RunOnceAsync(default));
        Assert.Empty(app.Connector.Calls);

        time.SetUtcNow(DayAfterAt0830.AddMinutes(-30));
        Assert.Equal(1, await app.GetService<PeriodEndReminder>().RunOnceAsync(default));
        Assert.Single(CardPosts(app));
    }

    [Fact]
    public async Task A_period_that_ended_thirty_days_ago_is_not_announced()
    {
        var time = new FakeTimeProvider(ThirtyDaysAfter);
        await using var app = await SeededAppAsync(time, [KarinObjectId]);
        app.Connector.Members[ExportDataset.Team1] = [Karin];

        Assert.Equal(0, await app.GetService<PeriodEndReminder>().RunOnceAsync(default));

        Assert.Empty(app.Connector.Calls);
    }

    [Fact]
    public async Task A_failed_send_is_given_back_and_the_next_pass_sends_once_into_the_stored_personal_chat()
    {
        var time = new FakeTimeProvider(DayAfterAt0830);
        await using var app = await SeededAppAsync(time, [KarinObjectId]);
        await app.SendActivityAsync(PersonalMessage("hjälp"));
        app.Connector.Calls.Clear();
        app.Connector.Failures.Enqueue(HttpStatusCode.InternalServerError);

        Assert.Equal(0, await app.GetService<PeriodEndReminder>().RunOnceAsync(default));
        Assert.Equal(1, await app.GetService<PeriodEndReminder>().RunOnceAsync(default));
        Assert.Equal(0, await app.GetService<PeriodEndReminder>().RunOnceAsync(default));

        // The failed post and the one that went through, both into the chat Karin wrote in; no roster read.
        var posts = CardPosts(app);
        Assert.Equal(2, posts.Count);
        Assert.All(posts, post => Assert.Equal("/emea/v3/conversations/a:1personal/activities", post.Path));
        Assert.DoesNotContain(app.Connector.Calls, call => call.Path.EndsWith("/pagedmembers", StringComparison.Ordinal));
        Assert.Empty(app.Connector.Unexpected);
    }

    [Fact]
    public async Task A_message_an_instance_claimed_and_died_before_sending_goes_out_once_after_its_lease()
    {
        var time = new FakeTimeProvider(DayAfterAt0830);
        await using var app = await SeededAppAsync(time, [KarinObjectId]);
        await app.SendActivityAsync(PersonalMessage("hjälp"));
        app.Connector.Calls.Clear();

        // Another instance claimed Karin's message for 2025 vår and died before sending it.
        var claims = app.GetService<SofSBot.Storage.IClaimStore>();
        Assert.Equal(
            SofSBot.Storage.ClaimOutcome.Claimed,
            await claims.TryClaimAsync(PeriodEndReminder.ClaimScope, $"2025-1|{KarinObjectId.ToLowerInvariant()}", PeriodEndReminder.ClaimLease, default));

        var reminder = app.GetService<PeriodEndReminder>();
        Assert.Equal(0, await reminder.RunOnceAsync(default));
        time.Advance(PeriodEndReminder.ClaimLease - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await reminder.RunOnceAsync(default));
        Assert.Empty(CardPosts(app));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await reminder.RunOnceAsync(default));
        time.Advance(PeriodEndReminder.ClaimLease * 3);
        Assert.Equal(0, await reminder.RunOnceAsync(default));
        Assert.Equal("/emea/v3/conversations/a:1personal/activities", Assert.Single(CardPosts(app)).Path);
    }

    [Fact]
    public async Task Coordinator_who_writes_in_English_gets_the_card_in_English()
    {
        var time = new FakeTimeProvider(DayAfterAt0830);
        await using var app = await SeededAppAsync(time, [KarinObjectId]);
        await app.SendActivityAsync(PersonalMessage("help", locale: "en-GB"));
        app.Connector.Calls.Clear();

        Assert.Equal(1, await app.GetService<PeriodEndReminder>().RunOnceAsync(default));

        var card = Assert.Single(CardPosts(app)).Card!;
        Assert.Equal("The rating period 2025 vår has ended", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains(("Utredningsteam 1", "4 of 5 (80%)"), Facts(card));
        Assert.Contains("Teams that have not answered (1)", Texts(card));
    }

    [Fact]
    public async Task Until_periods_are_set_the_half_year_that_ended_is_announced_with_the_installed_teams_that_did_not_answer()
    {
        // 08:30 in Sweden on New Year's Day (winter time, UTC+1).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 7, 30, 0, TimeSpan.Zero));
        await using var app = new SofSBotApp(azurite, settings: Coordinators([KarinObjectId]), time: time);
        await app.GetService<SofSBot.TeamsEvents.ITeamStore>().MarkInstalledAsync(
            new SofSBot.TeamsEvents.TeamInstallation(ExportDataset.Team1, "Utredningsteam 1", TenantId, FakeBotConnector.ServiceUrl, null), default);
        app.Connector.Members[ExportDataset.Team1] = [Karin];

        Assert.Equal(1, await app.GetService<PeriodEndReminder>().RunOnceAsync(default));

        var card = Assert.Single(CardPosts(app)).Card!;
        Assert.Equal("Skattningsperioden 2025 höst är slut", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Empty(Facts(card));
        Assert.Contains("Team som inte har svarat (1)", Texts(card));
        Assert.Contains("Utredningsteam 1", Texts(card));
    }

    [Fact]
    public async Task Two_coordinators_get_one_card_each_when_two_instances_run_the_pass_at_once()
    {
        var time = new FakeTimeProvider(DayAfterAt0830);
        await using var first = await SeededAppAsync(time, [KarinObjectId, SaraObjectId]);
        await using var second = new SofSBotApp(
            azurite,
            settings: Coordinators([KarinObjectId, SaraObjectId]),
            tablePrefix: first.TablePrefix,
            connector: first.Connector,
            time: time);
        first.Connector.Members[ExportDataset.Team2] = [Sara];
        first.Connector.Members[ExportDataset.Team1] = [Karin];

        var sent = await Task.WhenAll(
            first.GetService<PeriodEndReminder>().RunOnceAsync(default),
            second.GetService<PeriodEndReminder>().RunOnceAsync(default));

        Assert.Equal(2, sent.Sum());
        var posts = CardPosts(first);
        Assert.Equal(2, posts.Count);
        Assert.Single(posts, post => post.Path.Contains(ConversationCreatedFor(first, "29:1karin"), StringComparison.Ordinal));
        Assert.Single(posts, post => post.Path.Contains(ConversationCreatedFor(first, "29:1sara"), StringComparison.Ordinal));
        Assert.Empty(first.Connector.Unexpected);
    }

    [Fact]
    public async Task Coordinator_in_no_team_and_without_a_chat_is_reached_once_they_write_to_the_bot()
    {
        var time = new FakeTimeProvider(DayAfterAt0830);
        await using var app = await SeededAppAsync(time, [KarinObjectId]);

        var reminder = app.GetService<PeriodEndReminder>();
        Assert.Equal(0, await reminder.RunOnceAsync(default));
        Assert.Empty(CardPosts(app));
        Assert.Contains(app.Connector.Calls, call => call.Path.Contains("pagedmembers", StringComparison.Ordinal));

        // The rosters did not find her: the next passes that day do not read them all again.
        app.Connector.Calls.Clear();
        time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(0, await reminder.RunOnceAsync(default));
        Assert.DoesNotContain(app.Connector.Calls, call => call.Path.Contains("pagedmembers", StringComparison.Ordinal));
        time.Advance(PeriodEndReminder.RosterSearchInterval);
        Assert.Equal(0, await reminder.RunOnceAsync(default));
        Assert.Contains(app.Connector.Calls, call => call.Path.Contains("pagedmembers", StringComparison.Ordinal));

        // A member's personal chat is not kept; the coordinator's is.
        await app.SendActivityAsync(PersonalMessage("hjälp", from: Sara));
        await app.SendActivityAsync(PersonalMessage("hjälp"));
        var stored = Assert.Single(await app.ReadTableAsync(TableCoordinatorConversationStore.TableName));
        Assert.Equal("29:1karin", stored.GetString("UserId"));
        app.Connector.Calls.Clear();

        Assert.Equal(1, await app.GetService<PeriodEndReminder>().RunOnceAsync(default));
        Assert.Equal("/emea/v3/conversations/a:1personal/activities", Assert.Single(CardPosts(app)).Path);
    }

    [Fact]
    public async Task The_coordinators_stored_chat_and_the_record_of_the_message_are_shown_in_mina_data_and_erased()
    {
        var time = new FakeTimeProvider(DayAfterAt0830);
        await using var app = await SeededAppAsync(time, [KarinObjectId]);
        await app.SendActivityAsync(PersonalMessage("hjälp"));
        Assert.Equal(1, await app.GetService<PeriodEndReminder>().RunOnceAsync(default));
        var personalData = app.GetService<SofSBot.Privacy.PersonalData>();
        var karin = new SofSBot.Privacy.DataSubject("29:1karin", KarinObjectId);

        var found = await personalData.FindAsync(karin, default);

        Assert.Equal(2, found.Count);
        Assert.All(found, item => Assert.Equal("Meddelande när en skattningsperiod är slut", item.Feature.Swedish));
        Assert.Equal(2, await personalData.EraseAsync(karin, default));
        Assert.Empty(await app.ReadTableAsync(TableCoordinatorConversationStore.TableName));
        Assert.Empty(await personalData.FindAsync(karin, default));
    }

    [Fact]
    public async Task The_cards_button_shows_the_export_card_to_a_coordinator_only()
    {
        var time = new FakeTimeProvider(DayAfterAt0830);
        await using var app = await SeededAppAsync(time, [KarinObjectId]);

        await app.SendActivityAsync(Submit(Karin));
        await app.SendActivityAsync(Submit(Sara));

        var posts = app.Connector.Posts.ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal("Exportera skattningar", posts[0].Card!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Det kan bara samordnare göra.", posts[1].Text);
    }

    private async Task<SofSBotApp> SeededAppAsync(TimeProvider time, IReadOnlyList<string> coordinators)
    {
        var app = new SofSBotApp(azurite, settings: Coordinators(coordinators), time: time);
        await ExportDataset.SeedAsync(app.Services);
        return app;
    }

    // The rating rounds' own monitor reads rosters too; off, so the connector calls here are the reminder's.
    private static Dictionary<string, string?> Coordinators(IReadOnlyList<string> objectIds) =>
        objectIds.Select((id, index) => ($"Roles:Coordinators:{index}", (string?)id))
            .Append(("Ratings:MonitorEnabled", "false"))
            .ToDictionary(entry => entry.Item1, entry => entry.Item2);

    private static JsonObject Submit(JsonObject from)
    {
        var activity = PersonalMessage(string.Empty, from: from);
        activity.Remove("text");
        activity["value"] = new JsonObject { ["verb"] = PeriodEndReminderCards.ShowExportVerb };
        return activity;
    }

    private static List<ConnectorCall> CardPosts(SofSBotApp app) => [.. app.Connector.Posts.Where(post => post.Card is not null)];

    /// <summary>The id of the personal chat the bot created with <paramref name="userId"/>.</summary>
    private static string ConversationCreatedFor(SofSBotApp app, string userId)
    {
        Assert.Single(app.Connector.Calls, call => call.Method == HttpMethod.Post && call.Path == "/emea/v3/conversations"
            && call.Body?["members"]?[0]?["id"]?.GetValue<string>() == userId);
        return "a:" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(userId));
    }

    private static List<(string Title, string Value)> Facts(JsonNode card) =>
    [
        .. card["body"]!.AsArray()
            .Where(element => element!["type"]!.GetValue<string>() == "FactSet")
            .SelectMany(element => element!["facts"]!.AsArray())
            .Select(fact => (fact!["title"]!.GetValue<string>(), fact["value"]!.GetValue<string>())),
    ];

    private static List<string> Texts(JsonNode card) =>
    [
        .. card["body"]!.AsArray()
            .Where(element => element!["type"]!.GetValue<string>() == "TextBlock")
            .Select(element => element!["text"]!.GetValue<string>()),
    ];
}
