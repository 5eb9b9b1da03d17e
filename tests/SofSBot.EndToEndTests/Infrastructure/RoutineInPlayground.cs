using System.Globalization;
using System.Text.Json.Nodes;
using SofSBot.Scheduling;
using SofSBot.TestSupport;

namespace SofSBot.EndToEndTests.Infrastructure;

/// <summary>A routine card posted into Teammöte: the thread it opened and the card as the Playground shows it.</summary>
public sealed record PostedRoutine(string Thread, PlaygroundOutput Card);

/// <summary>
/// Puts a routine's card into the demo team's Teammöte channel the way a leader does it: Karin writes
/// <c>@SofSBot schema</c>, saves a weekly schedule for the routine and presses "skicka nu".
/// </summary>
internal static class RoutineInPlayground
{
    private const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
    private static readonly TimeSpan BotTimeout = TimeSpan.FromSeconds(20);

    /// <param name="routine">A <see cref="Routines.RoutineKind"/> name, e.g. <c>Highlights</c>.</param>
    /// <param name="language"><c>Swedish</c> or <c>English</c>: the posted card's language.</param>
    public static async Task<PostedRoutine> PostNowAsync(BotInPlaygroundFixture fixture, string routine, string language, CancellationToken cancellationToken)
    {
        var playground = fixture.Playground;
        var config = fixture.Config;
        var teammote = config.Team.Channel("Teammöte");
        var karin = config.CurrentUser;

        var before = MessageIds(playground);
        var asked = await playground.SendMessageAsync(
            teammote.Id, karin.Id, $"<at>{config.Bot.Name}</at> schema", [PlaygroundMention.Of(config.Bot.Id, config.Bot.Name)], cancellationToken);
        var scheduleThread = asked.ConversationIdFor(teammote.Id);
        var list = await playground.Output.WaitForMessageAsync(m => !before.Contains(m.MessageId) && m.IsIn(scheduleThread), BotTimeout, cancellationToken);

        var form = new JsonObject
        {
            ["routine"] = routine,
            ["channel"] = teammote.Id,
            ["weekdays"] = "Monday",
            ["time"] = "08:30",
            ["everyNWeeks"] = "1",
            ["onlyInWeeks"] = string.Empty,
            ["startDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["endDate"] = string.Empty,
            ["timeZone"] = "Europe/Stockholm",
            ["language"] = language,
            ["skipHolidays"] = "true",
            ["breakWeeks"] = string.Empty,
        };
        var saved = await InvokeForCardAsync(fixture, scheduleThread, karin.Id, list.MessageId, ScheduleCards.SaveVerb, form, cancellationToken);

        // The newest schedule of this routine (a test class may have saved others before).
        var scheduleId = CardJson.ExecuteActions(saved, ScheduleCards.PostNowVerb)
            .Select(action => action["data"]?["scheduleId"]?.GetValue<string>())
            .OfType<string>()
            .Last();

        before = MessageIds(playground);
        await InvokeForCardAsync(
            fixture, scheduleThread, karin.Id, list.MessageId, ScheduleCards.PostNowVerb, new JsonObject { ["scheduleId"] = scheduleId }, cancellationToken);
        var posted = await playground.Output.WaitForMessageAsync(
            m => !before.Contains(m.MessageId) && m.IsCreate && m.ConversationId == teammote.Id && m.AdaptiveCard is not null,
            BotTimeout,
            cancellationToken);
        return new PostedRoutine(posted.PostConversationId ?? throw new InvalidOperationException("The post has no thread id."), posted);
    }

    /// <summary>Presses an <c>Action.Execute</c> and expects a card back (fails with the bot's logs otherwise).</summary>
    public static async Task<JsonObject> InvokeForCardAsync(
        BotInPlaygroundFixture fixture, string thread, string fromUserId, string replyToId, string verb, JsonObject data, CancellationToken cancellationToken)
    {
        var response = await fixture.Playground.InvokeAdaptiveCardActionAsync(thread, fromUserId, replyToId, verb, data, cancellationToken);
        if (response.Type != AdaptiveCardType || response.Value is not JsonObject card)
        {
            throw new InvalidOperationException(
                $"{verb}: expected a card, got {response.Type}: {response.Value?.ToJsonString()}{Environment.NewLine}{fixture.Diagnostics()}");
        }

        return card;
    }

    private static HashSet<string> MessageIds(AgentsPlayground playground) => [.. playground.Output.Messages.Select(m => m.MessageId)];
}
