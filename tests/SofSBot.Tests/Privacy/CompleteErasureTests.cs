using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using SofSBot.BotFramework;
using SofSBot.Privacy;
using SofSBot.Ratings;
using SofSBot.Routines.AppreciativeInquiry;
using SofSBot.Routines.CaseSupervision;
using SofSBot.Routines.Highlights;
using SofSBot.Scheduling;
using SofSBot.Tests.Infrastructure;
using SofSBot.Tests.Routines.CaseSupervision;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Privacy;

/// <summary>
/// "Mina data" for a member who did everything SofSBot offers, all through the real endpoint: she was
/// welcomed, named team leader, scheduled the routines, added a highlight, volunteered for the
/// appreciative inquiry and wrote its note, booked a case with a question, was reminded of a rating
/// round and rated. After she erases her data, no row in any of the app's tables carries her Teams
/// id, Entra object id or name, and the routine cards in the channel are replaced without her.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CompleteErasureTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string SaraId = "29:1sara";
    private const string SaraName = "Sara Nilsson";
    private const string SaraHighlight = "Familjen bjöd själv in mormor till nätverksmötet";
    private const string SaraQuestion = "Hur får vi med pappan i planeringen?";
    private const string SaraNote = "Fråga familjen om undantagen först";
    private const string AhmedHighlight = "Nätverksmötet blev av till slut";

    private static readonly JsonObject Ahmed = User("29:1ahmed", "Ahmed Hassan", "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f");

    // Monday 16 March 2026, 07:00 in Stockholm: the routines' first meeting is today at 08:30.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 16, 6, 0, 0, TimeSpan.Zero));
    private SofSBotApp _app = null!;

    private static string SaraObjectId => Sara["aadObjectId"]!.GetValue<string>();

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
        _app.Connector.Members[TeamId] = [Member(Karin), Member(Sara), Member(Ahmed)];
        await _app.SendActivityAsync(InstalledInTeam());
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(_app.Connector.Unexpected);
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task After_erasure_no_table_holds_the_members_ids_or_name_and_everyone_elses_data_stays()
    {
        await DoEverythingAsSaraAsync();
        var before = await RowsNamingSaraAsync();
        Assert.True(before.Count > 10, "The setup should have stored Sara in many places: " + string.Join("\n", before));

        await EraseAsSaraAsync();

        var left = await RowsNamingSaraAsync();
        Assert.True(left.Count == 0, "Still naming her:\n" + string.Join("\n", left));
        // Not by deleting everything: the schedules she made, Ahmed's highlight and the team's note row stay.
        Assert.Equal(3, (await _app.GetService<IScheduleStore>().ListForTeamAsync(TeamId, default)).Count);
        Assert.Contains(await _app.ReadTableAsync(TableHighlightsStore.TableName), row => row.GetString("Text") == AhmedHighlight);
        Assert.Contains(await _app.ReadTableAsync(TableLearningLog.TableName), row => row.RowKey.StartsWith(TableLearningLog.NoteRowKeyPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task My_data_shows_the_schedules_she_made_and_that_she_is_named_leader()
    {
        await DoEverythingAsSaraAsync();

        await _app.SendActivityAsync(PersonalMessage("mina data", from: Sara));

        var overview = Text(_app.Connector.Posts.Last().Card!);
        Assert.Contains("Du är utsedd till teamledare i Utredningsteam 1", overview, StringComparison.Ordinal);
        Assert.Contains("Du skapade schemat för Veckans highlights i Utredningsteam 1", overview, StringComparison.Ordinal);
        Assert.Contains("Du skapade schemat för Ärendehandledning i grupp i Utredningsteam 1", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_erasure_the_highlights_inquiry_and_case_supervision_cards_in_the_channel_no_longer_show_her()
    {
        var cards = await DoEverythingAsSaraAsync();
        var callsBefore = _app.Connector.Calls.Count;

        await EraseAsSaraAsync();

        var replacements = _app.Connector.Calls.Skip(callsBefore).Where(call => call.Method == HttpMethod.Put).ToList();
        foreach (var (routine, card) in cards)
        {
            var replaced = replacements.LastOrDefault(call => call.Path.EndsWith($"/v3/conversations/{card.ConversationId}/activities/{card.ActivityId}", StringComparison.Ordinal));
            Assert.True(replaced is not null, $"The {routine} card was not replaced after the erasure.");
            var text = Text(replaced.Card!);
            Assert.DoesNotContain(SaraId, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SaraHighlight, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SaraQuestion, text, StringComparison.Ordinal);
            if (routine != "case supervision")
            {
                // The case-supervision card lists who has not presented yet from the team's roster in Teams, where she still is.
                Assert.DoesNotContain(SaraName, text, StringComparison.Ordinal);
            }
        }

        // The note is the team's and stays on its card, without her name.
        var inquiry = Text(replacements.Last(call => call.Path.EndsWith(cards["inquiry"].ActivityId, StringComparison.Ordinal)).Card!);
        Assert.Contains(SaraNote, inquiry, StringComparison.Ordinal);
        Assert.Contains("Sparad av någon i teamet", inquiry, StringComparison.Ordinal);
        Assert.Contains(AhmedHighlight, Text(replacements.Last(call => call.Path.EndsWith(cards["highlights"].ActivityId, StringComparison.Ordinal)).Card!), StringComparison.Ordinal);
        Assert.Contains("0 av 2", Text(replacements.Last(call => call.Path.EndsWith(cards["case supervision"].ActivityId, StringComparison.Ordinal)).Card!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_who_erases_her_data_leaves_the_leaders_she_named_in_place_without_her_id()
    {
        var karinObjectId = Karin["aadObjectId"]!.GetValue<string>();
        await _app.SendActivityAsync(ChannelMentionOf("teamledare lägg till", Sara, from: Karin));
        Assert.Equal(karinObjectId, Assert.Single(await _app.GetService<SofSBot.Roles.INamedLeaderStore>().ListAsync(TeamId, default)).NamedBy);

        await _app.SendActivityAsync(PersonalMessage("mina data", from: Karin));
        Assert.Contains("Du utsåg en teamledare i Utredningsteam 1", Text(_app.Connector.Posts.Last().Card!), StringComparison.Ordinal);
        var erase = CardAction(PersonalDataCards.EraseVerb, [], from: Karin);
        erase["conversation"] = new JsonObject { ["id"] = "a:1personal", ["conversationType"] = "personal", ["tenantId"] = TenantId };
        await SendAsync(erase);

        var leader = Assert.Single(await _app.GetService<SofSBot.Roles.INamedLeaderStore>().ListAsync(TeamId, default));
        Assert.Equal(SaraObjectId, leader.AadObjectId);
        Assert.Null(leader.NamedBy);
        Assert.DoesNotContain(await _app.ReadTableAsync(SofSBot.Roles.TableNamedLeaderStore.TableName), row => row.Any(pair => pair.Value is string text && text.Contains(karinObjectId, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_scheduled_card_posted_before_cards_were_remembered_is_found_through_the_occurrence_ledger()
    {
        await _app.GetService<IScheduleStore>().SaveAsync(
            new Schedule(
                TeamId, "s1", SofSBot.Routines.RoutineKind.Highlights, TeammoteChannelId,
                new ScheduleRule([DayOfWeek.Monday], new TimeOnly(8, 30), new DateOnly(2026, 3, 16)),
                SofSBot.Localization.Language.Swedish, IsPaused: false, "29:1karin", _time.GetUtcNow(), _time.GetUtcNow()),
            default);
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 16, 7, 31, 0, TimeSpan.Zero));
        Assert.Equal(1, await _app.GetService<SchedulerService>().RunOnceAsync(default));
        var posted = _app.Connector.CreatedConversations.Last();
        // As stored by a version that did not remember routine cards' places.
        var remembered = await _app.ReadTableAsync(SofSBot.Routines.TableRoutineCardStore.TableName);
        var table = azurite.TableServiceClient.GetTableClient(_app.TablePrefix + SofSBot.Routines.TableRoutineCardStore.TableName);
        foreach (var row in remembered)
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        var data = DataOf(posted.Call.Card!, HighlightsCard.SaveVerb);
        await ActOnCardAsync((posted.ConversationId, posted.ActivityId!), HighlightsCard.SaveVerb, With(data, HighlightsCardData.TextField, SaraHighlight), Sara);
        var callsBefore = _app.Connector.Calls.Count;

        await EraseAsSaraAsync();

        var replaced = _app.Connector.Calls.Skip(callsBefore).Last(call => call.Method == HttpMethod.Put);
        Assert.EndsWith($"/v3/conversations/{posted.ConversationId}/activities/{posted.ActivityId}", replaced.Path, StringComparison.Ordinal);
        Assert.DoesNotContain(SaraHighlight, Text(replaced.Card!), StringComparison.Ordinal);
    }

    /// <summary>Everything Sara can do; returns where the routine cards were posted.</summary>
    private async Task<Dictionary<string, (string ConversationId, string ActivityId)>> DoEverythingAsSaraAsync()
    {
        // Welcomed when she joined the team.
        await _app.SendActivityAsync(MemberAddedToTeam(Sara));
        // Named team leader by Karin, the coordinator.
        await _app.SendActivityAsync(ChannelMentionOf("teamledare lägg till", Sara, from: Karin));
        Assert.Equal("Sara Nilsson är nu teamledare i teamet.", _app.Connector.Posts.Last().Text);

        // As leader she schedules the three routines and posts each card now.
        var cards = new Dictionary<string, (string ConversationId, string ActivityId)>();
        foreach (var (routine, name) in new[] { ("Highlights", "highlights"), ("AppreciativeInquiry", "inquiry"), ("CaseSupervision", "case supervision") })
        {
            await SendAsync(CardAction(ScheduleCards.SaveVerb, ScheduleForm(routine), from: Sara));
            var schedule = (await _app.GetService<IScheduleStore>().ListForTeamAsync(TeamId, default)).Single(s => s.Routine.ToString() == routine);
            Assert.Equal(SaraObjectId, schedule.CreatedBy);
            await SendAsync(CardAction(ScheduleCards.PostNowVerb, new JsonObject { ["scheduleId"] = schedule.ScheduleId }, from: Sara));
            var thread = _app.Connector.CreatedConversations.Last();
            cards[name] = (thread.ConversationId, thread.ActivityId!);
        }

        // Highlights: Sara's and Ahmed's.
        var highlights = cards["highlights"];
        var highlightsData = DataOf(ThreadCard(highlights.ActivityId), HighlightsCard.SaveVerb);
        await ActOnCardAsync(highlights, HighlightsCard.SaveVerb, With((JsonObject)highlightsData.DeepClone(), HighlightsCardData.TextField, SaraHighlight), Sara);
        await ActOnCardAsync(highlights, HighlightsCard.SaveVerb, With((JsonObject)highlightsData.DeepClone(), HighlightsCardData.TextField, AhmedHighlight), Ahmed);

        // Appreciative inquiry: she volunteers and writes the team's note.
        var inquiry = cards["inquiry"];
        await ActOnCardAsync(inquiry, InquiryCards.VolunteerVerb, DataOf(ThreadCard(inquiry.ActivityId), InquiryCards.VolunteerVerb), Sara);
        await ActOnCardAsync(inquiry, InquiryCards.SaveNoteVerb, With(DataOf(ThreadCard(inquiry.ActivityId), InquiryCards.SaveNoteVerb), InquiryCards.NoteInputId, SaraNote), Sara);

        // Case supervision: she books a slot with a question.
        var supervision = cards["case supervision"];
        await ActOnCardAsync(
            supervision, CaseSupervisionCard.BookVerb, With(DataOf(ThreadCard(supervision.ActivityId), CaseSupervisionCard.BookVerb), CaseSupervisionCard.QuestionInputId, SaraQuestion), Sara);

        // A rating round opened by Karin: Sara is reminded before its deadline, then rates.
        await _app.SendActivityAsync(ChannelMention("skattning"));
        await SendAsync(CardAction(RatingCards.OpenVerb, new JsonObject { ["period"] = "2026-1", ["lastDay"] = "2026-03-30" }, from: Karin));
        var round = Assert.Single(await _app.GetService<IRatingRoundStore>().ListForTeamAsync(TeamId, default));
        _time.SetUtcNow(round.Deadline - TimeSpan.FromDays(1));
        await _app.GetService<RatingRoundMonitor>().RunOnceAsync(default);
        var answer = CardAction(RatingCards.SaveVerb, new JsonObject { ["roundId"] = round.RoundId, ["goal.forhallningssatt"] = "7" }, from: Sara);
        answer["conversation"]!["id"] = round.CardConversationId;
        answer["replyToId"] = round.CardActivityId;
        await SendAsync(answer);
        return cards;
    }

    private async Task EraseAsSaraAsync()
    {
        var erase = CardAction(PersonalDataCards.EraseVerb, [], from: Sara);
        erase["conversation"] = new JsonObject { ["id"] = "a:1personal", ["conversationType"] = "personal", ["tenantId"] = TenantId };
        erase["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        var answer = await SendAsync(erase);
        Assert.Contains("Klart:", answer.ToJsonString(BotJson.Options), StringComparison.Ordinal);
    }

    /// <summary>Every row, in every table of this app (by its prefix), that holds Sara's Teams id, Entra object id or name anywhere.</summary>
    private async Task<List<string>> RowsNamingSaraAsync()
    {
        string[] needles = [SaraId, SaraObjectId, SaraName];
        var found = new List<string>();
        await foreach (var table in azurite.TableServiceClient.QueryAsync(item => item.Name.CompareTo(_app.TablePrefix) >= 0))
        {
            if (!table.Name.StartsWith(_app.TablePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in azurite.TableServiceClient.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var values = row.Where(pair => pair.Key is not ("odata.etag" or "Timestamp")).Select(pair => $"{pair.Key}={pair.Value}");
                foreach (var value in values)
                {
                    if (needles.Any(needle => value.Contains(needle, StringComparison.OrdinalIgnoreCase)))
                    {
                        found.Add($"{table.Name}: {row.PartitionKey} / {row.RowKey}: {value}");
                    }
                }
            }
        }

        return found;
    }

    private static JsonObject ScheduleForm(string routine) => new()
    {
        ["routine"] = routine, ["channel"] = TeammoteChannelId, ["weekdays"] = "Monday", ["time"] = "08:30",
        ["everyNWeeks"] = "1", ["onlyInWeeks"] = string.Empty, ["startDate"] = "2026-03-16", ["endDate"] = string.Empty,
        ["timeZone"] = "Europe/Stockholm", ["language"] = "Swedish", ["skipHolidays"] = "true", ["breakWeeks"] = string.Empty,
    };

    private static JsonObject Member(JsonObject user) => new()
    {
        ["id"] = user["id"]!.GetValue<string>(),
        ["name"] = user["name"]!.GetValue<string>(),
        ["aadObjectId"] = user["aadObjectId"]!.GetValue<string>(),
        ["tenantId"] = TenantId,
    };

    private JsonNode ThreadCard(string activityId) =>
        _app.Connector.CreatedConversations.Single(created => created.ActivityId == activityId).Call.Card!;

    private static JsonObject DataOf(JsonNode card, string verb) =>
        (JsonObject)CaseSupervisionCardTests.CardElements(card)
            .First(element => element["type"]?.GetValue<string>() == "Action.Execute" && element["verb"]?.GetValue<string>() == verb)["data"]!
            .DeepClone();

    private static JsonObject With(JsonObject data, string name, string value)
    {
        data[name] = value;
        return data;
    }

    private async Task ActOnCardAsync((string ConversationId, string ActivityId) card, string verb, JsonObject data, JsonObject from)
    {
        var action = CardAction(verb, data, from);
        action["conversation"]!["id"] = card.ConversationId;
        action["replyToId"] = card.ActivityId;
        var answer = await SendAsync(action);
        Assert.True(answer["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive", $"{verb}: {answer.ToJsonString()}");
    }

    private async Task<JsonNode> SendAsync(JsonObject activity)
    {
        using var response = await _app.SendActivityAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }

    private static string Text(JsonNode card) => card.ToJsonString(BotJson.Options);
}
