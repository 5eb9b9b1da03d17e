using System.Text.Json.Nodes;
using SofSBot.Export;
using SofSBot.Ratings;
using SofSBot.Ratings.Catalogue;
using SofSBot.Tests.Privacy;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;
using static SofSBot.Tests.Ratings.Catalogue.CatalogueScenario;

namespace SofSBot.Tests.Ratings.Catalogue;

/// <summary>The coordinator keeps the organisation's goals in personal chat; rounds copy them when they open.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GoalCatalogueEditingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private CatalogueScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await StartAsync(azurite);

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Goals_lists_every_goal_in_both_languages_with_its_anchors_and_says_changes_apply_to_new_rounds()
    {
        var card = (await _scenario.SayInPersonalChatAsync("mål")).Card;

        var text = Text(card);
        Assert.Contains("Målkatalogen", text, StringComparison.Ordinal);
        Assert.Contains("Ändringar gäller omgångar som öppnas från och med nu", text, StringComparison.Ordinal);
        Assert.Contains("2. Röda tråden / The red thread", text, StringComparison.Ordinal);
        Assert.Contains("0 = Vårt team har ännu inte tagit första steget mot målet · 10 = Målet är enligt dig uppfyllt i vårt team", text, StringComparison.Ordinal);
        Assert.Contains("0 = Our team has not yet taken the first step towards the goal", text, StringComparison.Ordinal);
        Assert.Contains("Var står du själv med Signs of Safety i dag?", text, StringComparison.Ordinal);
        // Every goal can be edited; only organisation goals can be removed.
        Assert.Equal(8, CountActions(card!, GoalCatalogueCards.EditVerb));
        Assert.Equal(6, CountActions(card!, GoalCatalogueCards.RetireVerb));
    }

    [Fact]
    public async Task An_edited_title_is_asked_in_rounds_opened_afterwards_while_an_open_round_keeps_its_copy()
    {
        var before = await _scenario.OpenRoundAsync();

        var form = await OpenEditFormAsync("roda-traden");
        var inputs = Inputs(form["value"]!);
        inputs[GoalForm.TitleSwedishField] = "Den röda tråden";
        inputs[GoalForm.TitleEnglishField] = "The common thread";
        var saved = await SaveAsync(form, inputs);

        Assert.Contains("”Den röda tråden” är sparat. Ändringen gäller omgångar som öppnas från och med nu.", Text(saved), StringComparison.Ordinal);
        var after = await _scenario.OpenRoundAsync();
        Assert.Equal("Den röda tråden", after.Goals.Single(goal => goal.GoalId == "roda-traden").Title.Swedish);
        Assert.Equal("The common thread", after.Goals.Single(goal => goal.GoalId == "roda-traden").Title.English);
        var kept = await _scenario.App.GetService<IRatingRoundStore>().GetAsync(TeamId, before.RoundId, default);
        Assert.Equal("Röda tråden", kept!.Goals.Single(goal => goal.GoalId == "roda-traden").Title.Swedish);
    }

    [Fact]
    public async Task A_save_over_a_change_made_since_the_form_opened_is_refused_with_a_fresh_form()
    {
        var mine = await OpenEditFormAsync("arbetsramen");
        var theirs = await OpenEditFormAsync("arbetsramen");
        var theirInputs = Inputs(theirs["value"]!);
        theirInputs[GoalForm.TitleSwedishField] = "Kartan";
        await SaveAsync(theirs, theirInputs);

        var myInputs = Inputs(mine["value"]!);
        myInputs[GoalForm.DescriptionSwedishField] = "Min beskrivning";
        var refused = await SaveAsync(mine, myInputs);

        var text = Text(refused);
        Assert.Contains("Någon annan ändrade målet medan du hade formuläret öppet.", text, StringComparison.Ordinal);
        Assert.Equal("Kartan", Inputs(refused)[GoalForm.TitleSwedishField]!.GetValue<string>());
        Assert.NotEqual("Min beskrivning", Inputs(refused)[GoalForm.DescriptionSwedishField]!.GetValue<string>());
        var stored = await _scenario.Catalogue.GetOrganisationGoalAsync("arbetsramen", default);
        Assert.Equal("Kartan", stored!.Goal.Title.Swedish);
        Assert.NotEqual("Min beskrivning", stored.Goal.Description.Swedish);
    }

    [Fact]
    public async Task Members_and_team_leaders_are_told_that_only_coordinators_keep_the_catalogue()
    {
        var member = await _scenario.SayInPersonalChatAsync("mål", Sara);
        var leader = await _scenario.SayInPersonalChatAsync("goals", Erik, "en-US");
        var save = await _scenario.PressInPersonalChatAsync(
            GoalCatalogueCards.SaveVerb,
            new JsonObject { [GoalForm.GoalIdField] = "4f", [GoalForm.TitleSwedishField] = "Något annat", [GoalForm.TitleEnglishField] = "Something else" },
            Sara);

        Assert.Equal("Det kan bara samordnare göra.", member.Text);
        Assert.Equal("Only coordinators can do that.", leader.Text);
        Assert.Equal("forbidden", save["value"]!["code"]!.GetValue<string>());
        Assert.Equal("4F (Fokusera, Förstärk, Fundera, Fråga om)", (await _scenario.Catalogue.GetOrganisationGoalAsync("4f", default))!.Goal.Title.Swedish);
    }

    [Fact]
    public async Task The_catalogue_is_kept_in_personal_chat_not_in_a_channel()
    {
        var answer = await _scenario.SayInChannelAsync("mål");

        Assert.Equal("Skriv det till mig i en personlig chatt.", answer.Text);
    }

    [Fact]
    public async Task An_added_goal_gets_a_new_id_and_a_retired_goal_leaves_new_rounds_but_stays_in_the_export_catalogue()
    {
        var added = await AddGoalAsync("Barnets röst", "The child's voice");
        Assert.Contains("”Barnets röst” är tillagt", Text(added), StringComparison.Ordinal);
        Assert.Contains("Barnets röst / The child's voice", Text(added), StringComparison.Ordinal);
        var goal = Assert.Single(await _scenario.Catalogue.ListOrganisationAsync(default), goal => goal.Goal.Title.Swedish == "Barnets röst");
        Assert.Equal("org-1", goal.Goal.GoalId);
        Assert.Equal(GoalKind.Organisation, goal.Goal.Kind);
        var asked = await _scenario.OpenRoundAsync();
        Assert.Contains(asked.Goals, g => g.GoalId == "org-1");

        var confirm = (await _scenario.PressInPersonalChatAsync(GoalCatalogueCards.RetireVerb, ActionData(added, GoalCatalogueCards.RetireVerb, GoalForm.GoalIdField, "org-1")))["value"]!;
        Assert.Contains("Ta bort ”Barnets röst”?", Text(confirm), StringComparison.Ordinal);
        Assert.False((await _scenario.Catalogue.GetOrganisationGoalAsync("org-1", default))!.IsRetired);
        var retired = await _scenario.PressInPersonalChatAsync(GoalCatalogueCards.ConfirmRetireVerb, ActionData(confirm, GoalCatalogueCards.ConfirmRetireVerb));

        Assert.Contains("”Barnets röst” är borttaget: det frågas inte i nya omgångar", Text(retired), StringComparison.Ordinal);
        Assert.Contains("Borttaget 10 mars 2025", Text(retired), StringComparison.Ordinal);
        Assert.True((await _scenario.Catalogue.GetOrganisationGoalAsync("org-1", default))!.IsRetired);
        var later = await _scenario.OpenRoundAsync();
        Assert.DoesNotContain(later.Goals, g => g.GoalId == "org-1");
        Assert.Equal(8, later.Goals.Count);
        var rounds = await _scenario.App.GetService<IRatingRoundStore>().ListForTeamAsync(TeamId, default);
        var exportCatalog = new ExportCatalog(await _scenario.Periods.ListAsync(default), [], rounds);
        Assert.Equal("Barnets röst", exportCatalog.Goal("org-1").Title.Swedish);

        // A retired id is never given again.
        await AddGoalAsync("Nätverksmöten", "Network meetings");
        Assert.Contains(await _scenario.Catalogue.ListOrganisationAsync(default), g => g.Goal.GoalId == "org-2" && g.Goal.Title.Swedish == "Nätverksmöten");
    }

    [Fact]
    public async Task An_overall_question_can_be_edited_but_not_retired()
    {
        var stored = (await _scenario.Catalogue.ListOrganisationAsync(default)).Single(goal => goal.Goal.GoalId == "overall-self");

        var asked = await _scenario.PressInPersonalChatAsync(
            GoalCatalogueCards.RetireVerb, new JsonObject { [GoalForm.GoalIdField] = "overall-self", [GoalForm.VersionField] = stored.Version });
        var refused = await _scenario.PressInPersonalChatAsync(
            GoalCatalogueCards.ConfirmRetireVerb, new JsonObject { [GoalForm.GoalIdField] = "overall-self", [GoalForm.VersionField] = stored.Version });

        Assert.Contains("De övergripande frågorna kan ändras men inte tas bort.", Text(asked), StringComparison.Ordinal);
        Assert.Contains("De övergripande frågorna kan ändras men inte tas bort.", Text(refused), StringComparison.Ordinal);
        Assert.False((await _scenario.Catalogue.GetOrganisationGoalAsync("overall-self", default))!.IsRetired);
        Assert.Contains(await _scenario.Catalogue.ListForRoundAsync(TeamId, 2025, default), goal => goal.GoalId == "overall-self");

        var form = await OpenEditFormAsync("overall-self");
        var inputs = Inputs(form["value"]!);
        inputs[GoalForm.TitleEnglishField] = "Where are you with Signs of Safety today?";
        await SaveAsync(form, inputs);
        var edited = (await _scenario.Catalogue.GetOrganisationGoalAsync("overall-self", default))!.Goal;
        Assert.Equal("Where are you with Signs of Safety today?", edited.Title.English);
        Assert.Equal(GoalKind.Overall, edited.Kind);
    }

    [Fact]
    public async Task A_personal_identity_number_in_any_text_is_refused_and_nothing_is_stored()
    {
        var form = await OpenEditFormAsync("sakerhetsplanering");
        var inputs = Inputs(form["value"]!);
        inputs[GoalForm.HighEnglishField] = "As for 811218-9876";

        var refused = await SaveAsync(form, inputs);

        Assert.Contains("Texten ser ut att innehålla ett personnummer eller samordningsnummer.", Text(refused), StringComparison.Ordinal);
        Assert.DoesNotContain("811218-9876", Text(refused), StringComparison.Ordinal);
        Assert.Equal("In your view the goal is fulfilled in our team", (await _scenario.Catalogue.GetOrganisationGoalAsync("sakerhetsplanering", default))!.Goal.HighAnchor.English);

        var added = await AddGoalAsync("Ärende 19811218-9876", "Case");
        Assert.Contains("personnummer", Text(added), StringComparison.Ordinal);
        Assert.Equal(8, (await _scenario.Catalogue.ListOrganisationAsync(default)).Count);
    }

    [Fact]
    public async Task Missing_titles_too_long_texts_and_an_order_out_of_range_are_refused_in_the_language_of_the_user()
    {
        var form = await _scenario.PressInPersonalChatAsync(GoalCatalogueCards.NewVerb, []);
        var inputs = Inputs(form["value"]!);
        inputs[GoalForm.TitleSwedishField] = "Barnets röst";
        inputs[GoalForm.DescriptionEnglishField] = new string('x', GoalForm.MaxTextLength + 1);
        inputs[GoalForm.OrderField] = "950";
        var action = CardAction(GoalCatalogueCards.SaveVerb, Merge(ActionData(form["value"]!, GoalCatalogueCards.SaveVerb), inputs), Karin, "en-GB");
        action["conversation"] = new JsonObject { ["id"] = "a:1personal", ["conversationType"] = "personal", ["tenantId"] = TenantId };
        action["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };

        using var response = await _scenario.App.SendActivityAsync(action);
        var text = Text(JsonNode.Parse(await response.Content.ReadAsStringAsync()));

        Assert.Contains("Write a title in both Swedish and English.", text, StringComparison.Ordinal);
        Assert.Contains("“Description in English” may be at most 300 characters.", text, StringComparison.Ordinal);
        Assert.Contains("The order must be a whole number from 1 to 99.", text, StringComparison.Ordinal);
        Assert.Equal(8, (await _scenario.Catalogue.ListOrganisationAsync(default)).Count);
    }

    [Fact]
    public async Task A_double_press_of_save_on_a_new_goals_form_adds_it_once_whether_at_once_or_one_after_the_other()
    {
        var press = await NewGoalPressAsync("Barnets röst", "The child's voice");

        var atOnce = await Task.WhenAll(
            _scenario.PressInPersonalChatAsync(GoalCatalogueCards.SaveVerb, press),
            _scenario.PressInPersonalChatAsync(GoalCatalogueCards.SaveVerb, press));
        var after = await _scenario.PressInPersonalChatAsync(GoalCatalogueCards.SaveVerb, press);

        Assert.All([.. atOnce, after], response => Assert.Contains("”Barnets röst” är tillagt", Text(response["value"]), StringComparison.Ordinal));
        var added = Assert.Single(await _scenario.Catalogue.ListOrganisationAsync(default), goal => goal.Goal.Kind == GoalKind.Organisation && goal.Goal.GoalId.StartsWith("org-", StringComparison.Ordinal));
        Assert.Equal(("org-1", "Barnets röst"), (added.Goal.GoalId, added.Goal.Title.Swedish));
        Assert.Single((await _scenario.OpenRoundAsync()).Goals, goal => goal.Title.Swedish == "Barnets röst");
    }

    [Fact]
    public async Task Two_new_goals_forms_saved_at_once_add_both()
    {
        var first = await NewGoalPressAsync("Barnets röst", "The child's voice");
        var second = await NewGoalPressAsync("Nätverksmöten", "Network meetings");

        await Task.WhenAll(
            _scenario.PressInPersonalChatAsync(GoalCatalogueCards.SaveVerb, first),
            _scenario.PressInPersonalChatAsync(GoalCatalogueCards.SaveVerb, second));

        var added = (await _scenario.Catalogue.ListOrganisationAsync(default)).Where(goal => goal.Goal.GoalId.StartsWith("org-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Barnets röst", "Nätverksmöten"], added.Select(goal => goal.Goal.Title.Swedish).Order(StringComparer.Ordinal));
        Assert.Equal(["org-1", "org-2"], added.Select(goal => goal.Goal.GoalId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_too_long_title_with_a_personal_identity_number_is_refused_for_the_number_and_not_shown_again()
    {
        var refused = await AddGoalAsync("Ärende 811218-9876 " + new string('a', GoalForm.MaxTitleLength), "Case");

        Assert.StartsWith("Texten ser ut att innehålla ett personnummer", FirstMessage(refused), StringComparison.Ordinal);
        Assert.DoesNotContain("811218-9876", Text(refused), StringComparison.Ordinal);
        Assert.Equal(8, (await _scenario.Catalogue.ListOrganisationAsync(default)).Count);
    }

    [Theory]
    [MemberData(nameof(DisguisedNumbers.All), MemberType = typeof(DisguisedNumbers))]
    public async Task A_goal_text_with_a_disguised_number_is_refused_in_swedish_and_english_and_nothing_is_stored(string number)
    {
        foreach (var locale in new[] { "sv-SE", "en-US" })
        {
            var form = await _scenario.PressInPersonalChatAsync(GoalCatalogueCards.NewVerb, []);
            var inputs = Inputs(form["value"]!);
            inputs[GoalForm.TitleSwedishField] = "Barnets röst";
            inputs[GoalForm.TitleEnglishField] = "The child's voice";
            inputs[GoalForm.DescriptionSwedishField] = $"Som med pojken {number}";

            var refused = (await _scenario.PressInPersonalChatAsync(
                GoalCatalogueCards.SaveVerb, Merge(ActionData(form["value"]!, GoalCatalogueCards.SaveVerb), inputs), locale: locale))["value"]!;

            Assert.Contains(DisguisedNumbers.Refusal(locale), Text(refused), StringComparison.Ordinal);
            Assert.False(DisguisedNumbers.Shows(Text(refused)), Text(refused));
        }

        Assert.Equal(8, (await _scenario.Catalogue.ListOrganisationAsync(default)).Count);
    }

    /// <summary>The first error of a refused form (the errors stand together under the heading).</summary>
    private static string FirstMessage(JsonNode card) => card["body"]![1]!["items"]![0]!["text"]!.GetValue<string>();

    /// <summary>"Lägg till mål" and the titles filled in: what "Spara" sends.</summary>
    private async Task<JsonObject> NewGoalPressAsync(string swedishTitle, string englishTitle)
    {
        var form = await _scenario.PressInPersonalChatAsync(GoalCatalogueCards.NewVerb, []);
        var inputs = Inputs(form["value"]!);
        inputs[GoalForm.TitleSwedishField] = swedishTitle;
        inputs[GoalForm.TitleEnglishField] = englishTitle;
        return Merge(ActionData(form["value"]!, GoalCatalogueCards.SaveVerb), inputs);
    }

    private async Task<JsonNode> OpenEditFormAsync(string goalId)
    {
        var list = (await _scenario.SayInPersonalChatAsync("mål")).Card!;
        var form = await _scenario.PressInPersonalChatAsync(GoalCatalogueCards.EditVerb, ActionData(list, GoalCatalogueCards.EditVerb, GoalForm.GoalIdField, goalId));
        Assert.Equal("application/vnd.microsoft.card.adaptive", form["type"]?.GetValue<string>());
        return form;
    }

    /// <summary>Presses "Spara" on a form response with the given inputs; returns the card shown after.</summary>
    private async Task<JsonNode> SaveAsync(JsonNode formResponse, JsonObject inputs) =>
        (await _scenario.PressInPersonalChatAsync(GoalCatalogueCards.SaveVerb, Merge(ActionData(formResponse["value"]!, GoalCatalogueCards.SaveVerb), inputs)))["value"]!;

    private async Task<JsonNode> AddGoalAsync(string swedishTitle, string englishTitle)
    {
        var form = await _scenario.PressInPersonalChatAsync(GoalCatalogueCards.NewVerb, []);
        var inputs = Inputs(form["value"]!);
        inputs[GoalForm.TitleSwedishField] = swedishTitle;
        inputs[GoalForm.TitleEnglishField] = englishTitle;
        return await SaveAsync(form, inputs);
    }
}
