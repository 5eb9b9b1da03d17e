using System.Text.Json.Nodes;
using SofSBot.Ratings;
using SofSBot.Ratings.Catalogue;
using SofSBot.Tests.Privacy;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;
using static SofSBot.Tests.Ratings.Catalogue.CatalogueScenario;

namespace SofSBot.Tests.Ratings.Catalogue;

/// <summary>The team's own goals: everyone lists them in the channel, leaders add and retire them, rounds opened afterwards ask them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TeamGoalEditingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private CatalogueScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await StartAsync(azurite);

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task A_leaders_team_goal_is_asked_in_the_next_round_and_not_after_it_is_retired()
    {
        var before = await _scenario.OpenRoundAsync();

        var added = await AddAsync("Vi gör en uppskattande intervju på varje teammöte", Erik);

        Assert.Contains("”Vi gör en uppskattande intervju på varje teammöte” är tillagt", Text(added), StringComparison.Ordinal);
        var next = await _scenario.OpenRoundAsync();
        var teamGoal = Assert.Single(next.Goals, goal => goal.Kind == GoalKind.Team);
        Assert.Equal(("team-2025-1", "Vi gör en uppskattande intervju på varje teammöte"), (teamGoal.GoalId, teamGoal.Title.Swedish));
        // Organisation goals first, the team's own, then the overall questions.
        Assert.Equal([GoalKind.Organisation, GoalKind.Team, GoalKind.Overall], next.Goals.Select(goal => goal.Kind).Distinct());
        Assert.DoesNotContain(before.Goals, goal => goal.Kind == GoalKind.Team);

        var retired = (await _scenario.PressInChannelAsync(TeamGoalCards.RetireVerb, new JsonObject { [TeamGoalCards.GoalIdField] = "team-2025-1" }, Erik))["value"]!;

        Assert.Contains("är borttaget ur nya omgångar", Text(retired), StringComparison.Ordinal);
        var last = await _scenario.OpenRoundAsync();
        Assert.DoesNotContain(last.Goals, goal => goal.Kind == GoalKind.Team);
        Assert.Contains(next.Goals, goal => goal.GoalId == "team-2025-1");
    }

    [Fact]
    public async Task Members_see_the_teams_goals_but_cannot_add_or_retire_one()
    {
        await AddAsync("Varje ärende har ett genogram", Erik);

        var listed = (await _scenario.SayInChannelAsync("teamets mål", Sara)).Card!;
        var add = await _scenario.PressInChannelAsync(TeamGoalCards.AddVerb, new JsonObject { [TeamGoalCards.TitleField] = "Mitt eget mål" }, Sara);
        var retire = await _scenario.PressInChannelAsync(TeamGoalCards.RetireVerb, new JsonObject { [TeamGoalCards.GoalIdField] = "team-2025-1" }, Sara);

        Assert.Contains("Varje ärende har ett genogram", Text(listed), StringComparison.Ordinal);
        Assert.Contains("Teamledare kan lägga till och ta bort teamets mål.", Text(listed), StringComparison.Ordinal);
        Assert.Equal(0, CountActions(listed, TeamGoalCards.AddVerb));
        Assert.Equal("forbidden", add["value"]!["code"]!.GetValue<string>());
        Assert.Equal("forbidden", retire["value"]!["code"]!.GetValue<string>());
        var goal = Assert.Single(await _scenario.Catalogue.ListTeamGoalsAsync(TeamId, 2025, default));
        Assert.False(goal.IsRetired);
    }

    [Fact]
    public async Task A_personal_identity_number_or_a_too_long_title_is_refused_and_nothing_is_stored()
    {
        var pin = await AddAsync("Uppföljning av 811218-9876", Erik);
        var tooLong = await AddAsync(new string('a', TeamGoalCards.MaxTitleLength + 1), Erik);

        Assert.Contains("Texten ser ut att innehålla ett personnummer", Text(pin), StringComparison.Ordinal);
        Assert.DoesNotContain("811218-9876", Text(pin), StringComparison.Ordinal);
        Assert.Contains("Skriv målet, högst 200 tecken.", Text(tooLong), StringComparison.Ordinal);
        Assert.Empty(await _scenario.Catalogue.ListTeamGoalsAsync(TeamId, 2025, default));
    }

    [Fact]
    public async Task A_repeated_press_of_add_stores_the_goal_once()
    {
        await AddAsync("Varje ärende har ett genogram", Erik);
        var again = await AddAsync("Varje ärende har ett genogram", Erik);

        Assert.Contains("Teamet har redan målet ”Varje ärende har ett genogram”.", Text(again), StringComparison.Ordinal);
        Assert.Single(await _scenario.Catalogue.ListTeamGoalsAsync(TeamId, 2025, default));
    }

    [Fact]
    public async Task Team_goals_are_a_channel_command()
    {
        var answer = await _scenario.SayInPersonalChatAsync("team goals", Sara, "en-US");

        Assert.Equal("Write it in one of the team's channels, so I know which team it is about.", answer.Text);
    }

    [Fact]
    public async Task A_double_press_of_add_on_one_card_stores_the_goal_once_whether_at_once_or_one_after_the_other()
    {
        var press = await AddFormAsync("Varje ärende har ett genogram", Erik);

        var atOnce = await Task.WhenAll(
            _scenario.PressInChannelAsync(TeamGoalCards.AddVerb, press, Erik),
            _scenario.PressInChannelAsync(TeamGoalCards.AddVerb, press, Erik));
        var after = await _scenario.PressInChannelAsync(TeamGoalCards.AddVerb, press, Erik);

        Assert.All([.. atOnce, after], response => Assert.Contains("”Varje ärende har ett genogram” är tillagt", Text(response["value"]), StringComparison.Ordinal));
        var goal = Assert.Single(await _scenario.Catalogue.ListTeamGoalsAsync(TeamId, 2025, default));
        Assert.Equal("team-2025-1", goal.Goal.GoalId);
        var round = await _scenario.OpenRoundAsync();
        Assert.Single(round.Goals, goal => goal.Kind == GoalKind.Team);
    }

    [Fact]
    public async Task Two_forms_with_different_goals_pressed_at_once_store_both()
    {
        var first = await AddFormAsync("Varje ärende har ett genogram", Erik);
        var second = await AddFormAsync("Vi gör en uppskattande intervju på varje teammöte", Erik);

        await Task.WhenAll(
            _scenario.PressInChannelAsync(TeamGoalCards.AddVerb, first, Erik),
            _scenario.PressInChannelAsync(TeamGoalCards.AddVerb, second, Erik));

        var goals = await _scenario.Catalogue.ListTeamGoalsAsync(TeamId, 2025, default);
        Assert.Equal(
            ["Varje ärende har ett genogram", "Vi gör en uppskattande intervju på varje teammöte"],
            goals.Select(goal => goal.Goal.Title.Swedish).Order(StringComparer.Ordinal));
        Assert.Equal(["team-2025-1", "team-2025-2"], goals.Select(goal => goal.Goal.GoalId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_too_long_title_with_a_personal_identity_number_is_refused_for_the_number_and_not_shown_again()
    {
        var title = "Uppföljning av 811218-9876 " + new string('a', TeamGoalCards.MaxTitleLength);

        var refused = await AddAsync(title, Erik);

        Assert.Contains("Texten ser ut att innehålla ett personnummer", Text(refused), StringComparison.Ordinal);
        Assert.DoesNotContain("811218-9876", Text(refused), StringComparison.Ordinal);
        Assert.DoesNotContain("Skriv målet, högst 200 tecken.", Text(refused), StringComparison.Ordinal);
        Assert.Empty(await _scenario.Catalogue.ListTeamGoalsAsync(TeamId, 2025, default));
    }

    [Theory]
    [MemberData(nameof(DisguisedNumbers.All), MemberType = typeof(DisguisedNumbers))]
    public async Task A_title_with_a_disguised_number_is_refused_in_swedish_and_english_and_nothing_is_stored(string number)
    {
        foreach (var locale in new[] { "sv-SE", "en-US" })
        {
            var answer = (await _scenario.PressInChannelAsync(TeamGoalCards.AddVerb, await AddFormAsync($"Uppföljning av {number}", Erik), Erik, locale))["value"]!;

            Assert.Contains(DisguisedNumbers.Refusal(locale), Text(answer), StringComparison.Ordinal);
            Assert.False(DisguisedNumbers.Shows(Text(answer)), Text(answer));
        }

        Assert.Empty(await _scenario.Catalogue.ListTeamGoalsAsync(TeamId, 2025, default));
    }

    /// <summary>"teamets mål" in the channel, write the goal, "Lägg till"; returns the card shown after.</summary>
    private async Task<JsonNode> AddAsync(string title, JsonObject leader) =>
        (await _scenario.PressInChannelAsync(TeamGoalCards.AddVerb, await AddFormAsync(title, leader), leader))["value"]!;

    /// <summary>"teamets mål" in the channel and the goal written: what "Lägg till" sends.</summary>
    private async Task<JsonObject> AddFormAsync(string title, JsonObject leader)
    {
        var list = (await _scenario.SayInChannelAsync("teamets mål", leader)).Card!;
        Assert.Equal(1, CountActions(list, TeamGoalCards.AddVerb));
        var data = ActionData(list, TeamGoalCards.AddVerb);
        data[TeamGoalCards.TitleField] = title;
        return data;
    }
}
