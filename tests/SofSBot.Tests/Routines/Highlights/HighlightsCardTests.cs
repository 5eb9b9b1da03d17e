using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SofSBot.BotFramework;
using SofSBot.Localization;
using SofSBot.Routines;
using SofSBot.Routines.Highlights;
using SofSBot.Scheduling;
using SofSBot.Tests.Infrastructure;
using SofSBot.Tests.Privacy;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Routines.Highlights;

/// <summary>Members add, change and remove their own highlight on the card; the channel's card follows every change.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HighlightsCardTests : IAsyncLifetime
{
    private const string MeetingId = "s1.20261126";
    private const string CardActivityId = "1732600000001";

    // Thursday 26 November 2026, ISO week 48.
    private static readonly RoutineMeeting Meeting = new(TeamId, MeetingId, RoutineKind.Highlights, TeammoteChannelId, new DateOnly(2026, 11, 26), new TimeOnly(9, 0), Language.Swedish);

    private static readonly JsonObject Ahmed = User("29:1ahmed", "Ahmed Hassan", "5d6e7f80-9a0b-4c1d-8e2f-3a4b5c6d7e8f");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private readonly SofSBotApp _app;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    public HighlightsCardTests(AzuriteFixture azurite)
    {
        _app = new SofSBotApp(azurite, time: _time);
    }

    private CancellationToken Ct => _timeout.Token;

    private IEnumerable<JsonNode> SharedCardUpdates =>
        _app.Connector.Calls.Where(call => call.Method == HttpMethod.Put && call.Path.EndsWith("/activities/" + CardActivityId, StringComparison.Ordinal)).Select(call => call.Card!);

    public async Task InitializeAsync()
    {
        // As the scheduler's post does: the card, then where it landed (the card every change replaces).
        await PostAsync(Meeting);
        await _app.GetService<RoutineCardFactory>().PostedAsync(Meeting, $"{TeammoteChannelId};messageid={CardActivityId}", CardActivityId, Ct);
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(_app.Connector.Unexpected);
        await _app.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task The_posted_card_invites_everyone_to_add_one_in_the_schedules_language()
    {
        var card = await PostAsync(Meeting);

        Assert.Equal("Veckans highlights – vecka 48", Texts(card)[0]);
        Assert.Contains("Teammöte torsdag 26 november 2026 09:00", Texts(card));
        Assert.Contains("Inga highlights än – bli först!", Texts(card));
        Assert.Equal(["Lägg till"], ActionTitles(card));
        Assert.Null(card["refresh"]);
    }

    [Fact]
    public async Task Two_members_add_highlights_and_the_channels_card_shows_both_names_and_the_count()
    {
        await ActAsync(HighlightsCard.SaveVerb, Sara, "Nätverksmötet med mormor gick jättebra");
        _time.Advance(TimeSpan.FromMinutes(1));
        var ahmedsView = await ActAsync(HighlightsCard.SaveVerb, Ahmed, "Genogrammet öppnade samtalet");

        var shared = SharedCardUpdates.Last();
        var texts = Texts(shared);
        Assert.Equal(["**Sara Nilsson**", "Nätverksmötet med mormor gick jättebra", "**Ahmed Hassan**", "Genogrammet öppnade samtalet", "2 highlights"],
            texts.SkipWhile(text => !text.StartsWith("**", StringComparison.Ordinal)).Take(5));
        Assert.Equal(["29:1sara", "29:1ahmed"], shared["refresh"]!["userIds"]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Equal(["Lägg till"], ActionTitles(shared));

        Assert.Contains("Din highlight är tillagd.", Texts(ahmedsView));
        Assert.Equal("Genogrammet öppnade samtalet", Input(ahmedsView)["value"]!.GetValue<string>());
        Assert.Equal(["Spara ändring", "Ta bort"], ActionTitles(ahmedsView));
    }

    [Fact]
    public async Task A_member_changes_and_then_removes_their_own_highlight()
    {
        await ActAsync(HighlightsCard.SaveVerb, Sara, "Först");
        _time.Advance(TimeSpan.FromMinutes(1));
        await ActAsync(HighlightsCard.SaveVerb, Ahmed, "Ahmeds");

        var changed = await ActAsync(HighlightsCard.SaveVerb, Sara, "Sedan");
        Assert.Contains("Din highlight är ändrad.", Texts(changed));
        Assert.Equal(["Sedan", "Ahmeds"], (await StoredAsync()).Select(h => h.Text));

        var removed = await ActAsync(HighlightsCard.RemoveVerb, Sara);
        Assert.Contains("Din highlight är borttagen.", Texts(removed));
        Assert.Equal(["Lägg till"], ActionTitles(removed));
        Assert.Equal(["Ahmeds"], (await StoredAsync()).Select(h => h.Text));
        Assert.Contains("1 highlight", Texts(SharedCardUpdates.Last()));
        Assert.DoesNotContain("**Sara Nilsson**", Texts(SharedCardUpdates.Last()));
    }

    [Fact]
    public async Task Card_data_cannot_name_another_user_so_a_member_never_removes_or_overwrites_someone_elses()
    {
        await ActAsync(HighlightsCard.SaveVerb, Sara, "Saras highlight");
        _time.Advance(TimeSpan.FromMinutes(1));

        var forged = Data();
        forged["userId"] = "29:1sara";
        forged["from"] = new JsonObject { ["id"] = "29:1sara", ["name"] = "Sara Nilsson" };
        var removeAnswer = await ActAsync(HighlightsCard.RemoveVerb, Ahmed, data: (JsonObject)forged.DeepClone());
        forged[HighlightsCardData.TextField] = "Skrivet av Ahmed";
        await ActAsync(HighlightsCard.SaveVerb, Ahmed, data: forged);

        Assert.Contains("Du har ingen highlight den här veckan.", Texts(removeAnswer));
        var stored = await StoredAsync();
        Assert.Equal([("29:1sara", "Sara Nilsson", "Saras highlight"), ("29:1ahmed", "Ahmed Hassan", "Skrivet av Ahmed")],
            stored.Select(h => (h.UserId, h.UserName, h.Text)));
    }

    [Fact]
    public async Task A_card_from_another_team_finds_nothing_and_stores_nothing()
    {
        var activity = CardAction(HighlightsCard.SaveVerb, Data("Text"), from: Sara);
        activity["channelData"]!["team"]!["id"] = "19:another@thread.tacv2";
        activity["replyToId"] = CardActivityId;

        var answer = await SendAsync(activity);

        Assert.Equal("invalidInput", answer["code"]!.GetValue<string>());
        Assert.StartsWith("Det här highlightskortet finns inte i teamet längre.", answer["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(await _app.ReadTableAsync(TableHighlightsStore.TableName), row => row.ContainsKey("Text"));
        Assert.Empty(SharedCardUpdates);
    }

    [Fact]
    public async Task A_highlight_of_501_characters_is_refused_in_the_card_and_500_are_stored()
    {
        var tooLong = await ActAsync(HighlightsCard.SaveVerb, Sara, new string('a', 501));

        Assert.Contains("En highlight får vara högst 500 tecken – din är 501. Korta den och försök igen.", Texts(tooLong));
        Assert.Equal(new string('a', 501), Input(tooLong)["value"]!.GetValue<string>());
        Assert.Empty(await StoredAsync());
        Assert.Empty(SharedCardUpdates);

        await ActAsync(HighlightsCard.SaveVerb, Sara, new string('a', 500));
        Assert.Equal(500, Assert.Single(await StoredAsync()).Text.Length);
    }

    [Fact]
    public async Task An_empty_highlight_is_asked_for_again()
    {
        var answer = await ActAsync(HighlightsCard.SaveVerb, Sara, "  \n ");

        Assert.Contains("Skriv din highlight först.", Texts(answer));
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_personal_identity_number_is_refused_not_echoed_and_not_stored()
    {
        await ActAsync(HighlightsCard.SaveVerb, Sara, "Min första");

        var answer = await ActAsync(HighlightsCard.SaveVerb, Sara, "Mötet med familjen 19121212-1212 gick bra");

        Assert.Contains("Texten ser ut att innehålla ett personnummer eller samordningsnummer. Skriv utan uppgifter som kan identifiera en klient – inget har sparats.", Texts(answer));
        Assert.Equal(string.Empty, Input(answer)["value"]!.GetValue<string>());
        // Whole parts of the number: "1212" alone turns up by chance in random ids, ETags and dates.
        Assert.DoesNotContain("121212-1212", answer.ToJsonString(BotJson.Options), StringComparison.Ordinal);
        Assert.DoesNotContain("12121212", answer.ToJsonString(BotJson.Options), StringComparison.Ordinal);
        var stored = string.Join("\n", (await _app.ReadTableAsync(TableHighlightsStore.TableName)).SelectMany(row => row.Select(property => property.Value?.ToString())));
        Assert.DoesNotContain("121212-1212", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("12121212", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Mötet med familjen", stored, StringComparison.Ordinal);
        Assert.Equal("Min första", Assert.Single(await StoredAsync()).Text);
    }

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("en-US")]
    public async Task A_highlight_over_500_characters_with_a_number_is_refused_for_the_number_and_never_echoed(string locale)
    {
        var answer = await ActAsync(HighlightsCard.SaveVerb, Sara, "Mötet med familjen 811218\u20149876 " + new string('a', 600), locale: locale);

        Assert.Contains(Texts(answer), text => text.StartsWith(DisguisedNumbers.Refusal(locale), StringComparison.Ordinal));
        Assert.Equal(string.Empty, Input(answer)["value"]!.GetValue<string>());
        Assert.False(DisguisedNumbers.Shows(answer.ToJsonString(BotJson.Options)), answer.ToJsonString(BotJson.Options));
        Assert.DoesNotContain("Mötet med familjen", answer.ToJsonString(BotJson.Options), StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
        Assert.Empty(SharedCardUpdates);
    }

    [Theory]
    [MemberData(nameof(DisguisedNumbers.All), MemberType = typeof(DisguisedNumbers))]
    public async Task A_highlight_with_a_disguised_number_is_refused_in_swedish_and_english_and_nothing_is_stored(string number)
    {
        foreach (var (locale, member) in new[] { ("sv-SE", Sara), ("en-US", Ahmed) })
        {
            var answer = await ActAsync(HighlightsCard.SaveVerb, member, $"Familjen {number} kom i tid", locale: locale);

            Assert.Contains(Texts(answer), text => text.StartsWith(DisguisedNumbers.Refusal(locale), StringComparison.Ordinal));
            Assert.Equal(string.Empty, Input(answer)["value"]!.GetValue<string>());
            Assert.False(DisguisedNumbers.Shows(answer.ToJsonString(BotJson.Options)));
        }

        Assert.Empty(await StoredAsync());
        Assert.DoesNotContain(await _app.ReadTableAsync(TableHighlightsStore.TableName), row => row.Any(property => DisguisedNumbers.Shows(property.Value?.ToString() ?? string.Empty)));
        Assert.Empty(SharedCardUpdates);
    }

    [Fact]
    public async Task A_highlight_written_as_a_link_stays_text_in_the_channels_card_and_is_stored_as_typed()
    {
        await ActAsync(HighlightsCard.SaveVerb, User("29:1eve", "[Eve](https://evil.example)", Guid.NewGuid().ToString()), "[Logga in](https://evil.example)");

        var shared = SharedCardUpdates.Last();
        Assert.Contains(@"\[Logga in\](https://evil.example)", Texts(shared));
        Assert.Contains(@"**\[Eve\](https://evil.example)**", Texts(shared));
        var rendered = await Cards.ReferenceMarkdownRenderer.RenderAsync(new Dictionary<string, JsonNode> { ["shared"] = shared }, Ct);
        Assert.DoesNotContain(rendered["shared"], block => block.Html.Contains("<a ", StringComparison.Ordinal));
        Assert.Contains(rendered["shared"], block => Cards.ReferenceMarkdownRenderer.Visible(block.Html).Contains("[Logga in](https://evil.example)", StringComparison.Ordinal));
        Assert.Equal("[Logga in](https://evil.example)", Assert.Single(await StoredAsync()).Text);
    }

    [Fact]
    public async Task Ten_members_adding_at_once_are_all_stored_and_the_last_card_update_lists_all_ten()
    {
        var members = Enumerable.Range(1, 10).Select(i => User($"29:1member{i}", $"Medlem {i}", Guid.NewGuid().ToString())).ToList();

        await Task.WhenAll(members.Select(member => ActAsync(HighlightsCard.SaveVerb, member, "Highlight av " + member["name"]!.GetValue<string>())));

        Assert.Equal(10, (await StoredAsync()).Count);
        var last = Texts(SharedCardUpdates.Last());
        Assert.Contains("10 highlights", last);
        Assert.All(members, member => Assert.Contains($"**{member["name"]!.GetValue<string>()}**", last));
    }

    [Fact]
    public async Task A_repeated_invoke_stores_one_highlight_and_moves_the_version_once()
    {
        var activity = CardAction(HighlightsCard.SaveVerb, Data("Samma highlight"), from: Sara);
        activity["replyToId"] = CardActivityId;
        var versionBefore = await VersionAsync();

        await SendAsync(activity);
        var repeated = await SendAsync(activity);

        Assert.Equal("Samma highlight", Assert.Single(await StoredAsync()).Text);
        Assert.Equal(versionBefore + 1, await VersionAsync());
        Assert.Contains("Din highlight är redan sparad.", Texts(repeated));
    }

    [Fact]
    public async Task The_channels_card_stays_swedish_when_the_member_uses_english()
    {
        var personal = await ActAsync(HighlightsCard.SaveVerb, Sara, "Ett bra möte", locale: "en-US");

        Assert.Equal("Highlights of the week – week 48", Texts(personal)[0]);
        Assert.Contains("Your highlight was added.", Texts(personal));
        Assert.Equal(["Save change", "Remove"], ActionTitles(personal));
        Assert.Equal("Veckans highlights – vecka 48", Texts(SharedCardUpdates.Last())[0]);
        Assert.Equal("sv", SharedCardUpdates.Last()["lang"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_shows_a_member_their_own_highlight_to_change()
    {
        await ActAsync(HighlightsCard.SaveVerb, Sara, "Saras");

        var refreshed = await ActAsync(HighlightsCard.RefreshVerb, Sara);

        Assert.Equal("Saras", Input(refreshed)["value"]!.GetValue<string>());
        Assert.Equal(["Spara ändring", "Ta bort"], ActionTitles(refreshed));
    }

    [Fact]
    public async Task An_older_client_submitting_the_card_gets_a_short_confirmation_and_the_card_still_updates()
    {
        var submit = CardAction(HighlightsCard.SaveVerb, from: Sara);
        submit["type"] = "message";
        submit.Remove("name");
        var value = Data("Från en äldre klient");
        value["verb"] = HighlightsCard.SaveVerb;
        submit["value"] = value;
        submit["replyToId"] = CardActivityId;

        using var response = await _app.SendActivityAsync(submit);

        Assert.Equal("Din highlight är tillagd.", _app.Connector.Posts.Last().Text);
        Assert.Equal("Från en äldre klient", Assert.Single(await StoredAsync()).Text);
        Assert.Contains("**Sara Nilsson**", Texts(SharedCardUpdates.Last()));
    }

    [Fact]
    public async Task A_trial_post_of_the_same_week_shows_the_weeks_highlights()
    {
        await ActAsync(HighlightsCard.SaveVerb, Sara, "Saras");

        var trial = await PostAsync(Meeting with { MeetingId = MeetingId + ".t0a1b2c3d", MeetingDate = new DateOnly(2026, 11, 23) });

        Assert.Contains("**Sara Nilsson**", Texts(trial));
        Assert.Equal(["29:1sara"], trial["refresh"]!["userIds"]!.AsArray().Select(id => id!.GetValue<string>()));
    }

    [Fact]
    public async Task Highlights_older_than_the_retention_are_deleted_and_newer_ones_kept()
    {
        await ActAsync(HighlightsCard.SaveVerb, Sara, "Saras gamla");
        _time.Advance(TimeSpan.FromDays(60));
        await ActAsync(HighlightsCard.SaveVerb, Ahmed, "Ahmeds nyare");
        _time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));

        // The hosted pass may run on the advanced clock too; either way, after this pass the old one is gone.
        await _app.GetService<HighlightsRetentionService>().RunOnceAsync(Ct);

        Assert.Equal(["Ahmeds nyare"], (await StoredAsync()).Select(h => h.Text));
        Assert.DoesNotContain(await _app.ReadTableAsync(TableHighlightsStore.TableName), row => row.GetString("Text") == "Saras gamla");
    }

    private static JsonObject Data(string? text = null)
    {
        var data = new JsonObject
        {
            [HighlightsCardData.MeetingIdField] = MeetingId,
            [HighlightsCardData.WeekField] = "2026-W48",
        };
        if (text is not null)
        {
            data[HighlightsCardData.TextField] = text;
        }

        return data;
    }

    private async Task<JsonNode> PostAsync(RoutineMeeting meeting)
    {
        var card = await _app.GetService<RoutineCardFactory>().CreateAsync(meeting, Ct);
        return System.Text.Json.JsonSerializer.SerializeToNode(card, BotJson.Options)!;
    }

    private Task<JsonNode> ActAsync(string verb, JsonObject from, string? text = null, JsonObject? data = null, string locale = "sv-SE")
    {
        var activity = CardAction(verb, data ?? Data(text), from: from, locale: locale);
        activity["replyToId"] = CardActivityId;
        return SendAsync(activity);
    }

    /// <summary>The invoke answer's value: the card shown to the acting user, or the error.</summary>
    private async Task<JsonNode> SendAsync(JsonObject activity)
    {
        using var response = await _app.SendActivityAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        return body["value"]!;
    }

    private async Task<IReadOnlyList<Highlight>> StoredAsync() =>
        await _app.GetService<IWeekHighlights>().ListAsync(TeamId, 2026, 48, Ct);

    private async Task<long> VersionAsync() =>
        (await _app.GetService<IHighlightsStore>().ReadAsync(TeamId, new IsoWeek(2026, 48), Ct)).Version;

    private static List<string> Texts(JsonNode card) =>
        [.. Walk(card).Where(node => node["type"]?.GetValue<string>() == "TextBlock").Select(node => node["text"]!.GetValue<string>())];

    private static JsonObject Input(JsonNode card) => Walk(card).Single(node => node["type"]?.GetValue<string>() == "Input.Text");

    private static List<string> ActionTitles(JsonNode card) =>
        [.. Walk(card).Where(node => node["type"]?.GetValue<string>() == "Action.Execute" && node["title"] is not null).Select(node => node["title"]!.GetValue<string>())];

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.Where(p => p.Key != "fallback").SelectMany(p => Walk(p.Value)))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Walk))
                {
                    yield return child;
                }

                break;
        }
    }
}
