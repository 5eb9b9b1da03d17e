using System.Text.Json.Nodes;
using SofSBot.EndToEndTests.Infrastructure;
using SofSBot.Ratings;
using SofSBot.TestSupport;

namespace SofSBot.EndToEndTests;

/// <summary>
/// A rating round through the real bot behind the Agents Playground: Karin posts the round into
/// Teammöte ("skicka nu" on a rating-round schedule), members answer on the card as themselves
/// (the Playground honours <c>from.id</c>), one changes an answer, Karin closes the round and the
/// card shows the results. The posted card is Swedish (the schedule's language); the answers to
/// the buttons follow the Playground's en-US locale.
/// </summary>
public sealed class RatingRoundTests(TeamLeaderInPlaygroundFixture leaderFixture) : IClassFixture<TeamLeaderInPlaygroundFixture>, IDisposable
{
    private static readonly TimeSpan BotTimeout = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));

    private BotInPlaygroundFixture Fixture => leaderFixture.Inner;

    private CancellationToken Token => _timeout.Token;

    private PlaygroundConfig Config => Fixture.Config;

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Three_members_answer_one_changes_and_the_closed_round_shows_the_right_means()
    {
        var (thread, posted) = await RoutineInPlayground.PostNowAsync(Fixture, "RatingRound", "Swedish", Token);
        var card = posted.AdaptiveCard!;
        Assert.StartsWith("Skattning av teamets mål – ", CardJson.Heading(card), StringComparison.Ordinal);
        // The Playground's roster: the current user and the five users.
        Assert.Contains("0 av 6 har svarat", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Equal(6, card["refresh"]!["userIds"]!.AsArray().Count);
        var roundId = CardJson.ExecuteActions(card, RatingCards.ViewVerb).First()["data"]!["roundId"]!.GetValue<string>();

        var sara = Config.User("Sara Nilsson").Id;
        var ahmed = Config.User("Ahmed Hassan").Id;
        var johan = Config.User("Johan Berg").Id;
        var own = await InvokeAsync(thread, sara, posted.MessageId, RatingCards.ViewVerb, new() { ["roundId"] = roundId });
        Assert.Contains("You have not answered yet.", CardJson.Text(own), StringComparison.Ordinal);
        Assert.Contains("10 – In your view the goal is fulfilled in our team", CardJson.Text(own), StringComparison.Ordinal);

        await AnswerAsync(thread, sara, posted.MessageId, roundId, ("forhallningssatt", 6), ("4f", 5));
        await AnswerAsync(thread, ahmed, posted.MessageId, roundId, ("forhallningssatt", 7), ("4f", 6));
        await AnswerAsync(thread, johan, posted.MessageId, roundId, ("forhallningssatt", 8));
        var changed = await AnswerAsync(thread, sara, posted.MessageId, roundId, ("forhallningssatt", 9));
        Assert.Equal("9", CardJson.Input(changed, "goal.forhallningssatt")["value"]!.GetValue<string>());

        var counter = await Fixture.Playground.Output.WaitForMessageAsync(
            m => !m.IsCreate && m.MessageId == posted.MessageId && m.AdaptiveCard is { } shared && CardJson.Text(shared).Contains("3 av 6 har svarat", StringComparison.Ordinal),
            BotTimeout,
            Token);
        Assert.NotNull(counter);

        var results = await InvokeAsync(thread, Config.CurrentUser.Id, posted.MessageId, RatingCards.CloseVerb, new() { ["roundId"] = roundId });
        var text = CardJson.Text(results);
        Assert.Contains("3 of 6 answered (response rate 50%).", text, StringComparison.Ordinal);
        // Approach: 9, 7, 8 → mean 8.0; 4F has two answers only and is withheld.
        Assert.Contains("{\"title\":\"Mean\",\"value\":\"8.0\"}", text, StringComparison.Ordinal);
        Assert.Contains("Too few answers to show results (fewer than 3).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("5.5", text, StringComparison.Ordinal);

        var shared = await Fixture.Playground.Output.WaitForMessageAsync(
            m => !m.IsCreate && m.MessageId == posted.MessageId && m.AdaptiveCard is { } c && CardJson.Heading(c)!.StartsWith("Resultat:", StringComparison.Ordinal),
            BotTimeout,
            Token);
        Assert.Contains("{\"title\":\"Medelvärde\",\"value\":\"8,0\"}", CardJson.Text(shared.AdaptiveCard!), StringComparison.Ordinal);

        var late = await Fixture.Playground.InvokeAdaptiveCardActionAsync(thread, sara, posted.MessageId, RatingCards.SaveVerb, new JsonObject { ["roundId"] = roundId, ["goal.4f"] = "1" }, Token);
        Assert.Equal("application/vnd.microsoft.error", late.Type);
    }

    [Fact]
    public async Task With_only_two_respondents_the_results_are_withheld()
    {
        var (thread, posted) = await RoutineInPlayground.PostNowAsync(Fixture, "RatingRound", "Swedish", Token);
        var roundId = CardJson.ExecuteActions(posted.AdaptiveCard!, RatingCards.ViewVerb).First()["data"]!["roundId"]!.GetValue<string>();

        await AnswerAsync(thread, Config.User("Sara Nilsson").Id, posted.MessageId, roundId, ("forhallningssatt", 2), ("arbetsramen", 3));
        await AnswerAsync(thread, Config.User("Ahmed Hassan").Id, posted.MessageId, roundId, ("forhallningssatt", 9), ("arbetsramen", 4));
        var results = await InvokeAsync(thread, Config.CurrentUser.Id, posted.MessageId, RatingCards.CloseVerb, new() { ["roundId"] = roundId });

        var text = CardJson.Text(results);
        Assert.DoesNotContain("\"title\":\"Mean\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("5.5", text, StringComparison.Ordinal);
        Assert.Contains("Too few answers to show results (fewer than 3).", text, StringComparison.Ordinal);
    }

    private async Task<JsonObject> AnswerAsync(string thread, string userId, string cardId, string roundId, params (string Goal, int Value)[] answers)
    {
        var data = new JsonObject { ["roundId"] = roundId };
        foreach (var (goal, value) in answers)
        {
            data[RatingInput.InputId(goal)] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var card = await InvokeAsync(thread, userId, cardId, RatingCards.SaveVerb, data);
        Assert.Contains("Saved.", CardJson.Text(card), StringComparison.Ordinal);
        return card;
    }

    private Task<JsonObject> InvokeAsync(string thread, string userId, string cardId, string verb, JsonObject data) =>
        RoutineInPlayground.InvokeForCardAsync(Fixture, thread, userId, cardId, verb, data, Token);
}
