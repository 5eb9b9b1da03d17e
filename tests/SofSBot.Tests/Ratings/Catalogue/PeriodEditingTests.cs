using System.Text.Json.Nodes;
using SofSBot.Ratings;
using SofSBot.Ratings.Catalogue;
using SofSBot.Tests.Privacy;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;
using static SofSBot.Tests.Ratings.Catalogue.CatalogueScenario;

namespace SofSBot.Tests.Ratings.Catalogue;

/// <summary>The coordinator's periods: added with an id given once, edited without changing it, never overlapping.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PeriodEditingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private CatalogueScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await StartAsync(azurite);

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task An_added_period_gets_its_half_years_id_and_keeps_it_when_renamed_and_moved()
    {
        var added = await AddAsync("Hösten 2025", "2025-07-01", "2025-12-31");

        Assert.Contains("”Hösten 2025” är tillagd.", Text(added), StringComparison.Ordinal);
        Assert.Contains("Hösten 2025 (2025-2)", Text(added), StringComparison.Ordinal);
        Assert.Contains("1 juli 2025 – 31 december 2025", Text(added), StringComparison.Ordinal);

        var form = await _scenario.PressInPersonalChatAsync(PeriodCards.EditVerb, ActionData(added, PeriodCards.EditVerb, PeriodForm.PeriodIdField, "2025-2"));
        var inputs = Inputs(form["value"]!);
        inputs[PeriodForm.NameField] = "2025 höst";
        inputs[PeriodForm.StartField] = "2025-08-15";
        var saved = (await _scenario.PressInPersonalChatAsync(PeriodCards.SaveVerb, Merge(ActionData(form["value"]!, PeriodCards.SaveVerb), inputs)))["value"]!;

        Assert.Contains("”2025 höst” är sparad.", Text(saved), StringComparison.Ordinal);
        var period = Assert.Single(await _scenario.Periods.ListAsync(default));
        Assert.Equal(new RatingPeriod("2025-2", "2025 höst", new DateOnly(2025, 8, 15), new DateOnly(2025, 12, 31)), period);
        Assert.Equal("2025-2", (await _scenario.Periods.ForDateAsync(new DateOnly(2025, 9, 10), default)).PeriodId);
    }

    [Fact]
    public async Task Overlapping_periods_and_a_start_after_the_end_are_refused_and_nothing_is_stored()
    {
        await AddAsync("2025 vår", "2025-01-01", "2025-06-30");

        var overlap = await AddAsync("2025 sommar", "2025-06-01", "2025-08-31");
        var backwards = await AddAsync("2025 höst", "2025-12-31", "2025-07-01");

        Assert.Contains("Perioden överlappar ”2025 vår” (1 januari 2025 – 30 juni 2025). Perioder får inte överlappa – inget har sparats.", Text(overlap), StringComparison.Ordinal);
        Assert.Contains("Första dagen måste vara samma dag som eller före sista dagen.", Text(backwards), StringComparison.Ordinal);
        Assert.Single(await _scenario.Periods.ListAsync(default));
    }

    [Fact]
    public async Task A_period_in_the_place_of_a_shortened_one_gets_its_start_date_as_id_and_rounds_fill_the_gap_without_overlap()
    {
        await AddAsync("2025 vår", "2025-01-01", "2025-03-31");
        var added = await AddAsync("2025 sen vår", "2025-05-01", "2025-06-30");

        Assert.Contains("2025 sen vår (2025-05-01)", Text(added), StringComparison.Ordinal);
        var gap = await _scenario.Periods.ForDateAsync(new DateOnly(2025, 4, 10), default);
        Assert.Equal((new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 30)), (gap.StartDate, gap.EndDate));
        Assert.Equal("2025-04-01", gap.PeriodId);
        // "2025 vår" is the coordinator's shortened period's name: the gap is named by its dates.
        Assert.Equal("2025-04-01 – 2025-04-30", gap.Name);
        var stored = await _scenario.Periods.ListAsync(default);
        Assert.Equal(3, stored.Count);
        Assert.DoesNotContain(stored, a => stored.Any(b => a != b && a.Overlaps(b)));
    }

    [Fact]
    public async Task A_save_over_a_change_made_since_the_form_opened_is_refused_with_a_fresh_form()
    {
        var list = await AddAsync("2025 vår", "2025-01-01", "2025-06-30");
        var mine = await _scenario.PressInPersonalChatAsync(PeriodCards.EditVerb, ActionData(list, PeriodCards.EditVerb, PeriodForm.PeriodIdField, "2025-1"));
        var theirs = await _scenario.PressInPersonalChatAsync(PeriodCards.EditVerb, ActionData(list, PeriodCards.EditVerb, PeriodForm.PeriodIdField, "2025-1"));
        var theirInputs = Inputs(theirs["value"]!);
        theirInputs[PeriodForm.NameField] = "Våren 2025";
        await _scenario.PressInPersonalChatAsync(PeriodCards.SaveVerb, Merge(ActionData(theirs["value"]!, PeriodCards.SaveVerb), theirInputs));

        var myInputs = Inputs(mine["value"]!);
        myInputs[PeriodForm.EndField] = "2025-05-31";
        var refused = (await _scenario.PressInPersonalChatAsync(PeriodCards.SaveVerb, Merge(ActionData(mine["value"]!, PeriodCards.SaveVerb), myInputs)))["value"]!;

        Assert.Contains("Någon annan ändrade perioden medan du hade formuläret öppet.", Text(refused), StringComparison.Ordinal);
        Assert.Equal("Våren 2025", Inputs(refused)[PeriodForm.NameField]!.GetValue<string>());
        Assert.Equal(new RatingPeriod("2025-1", "Våren 2025", new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30)), Assert.Single(await _scenario.Periods.ListAsync(default)));
    }

    [Fact]
    public async Task Members_cannot_list_or_change_the_periods()
    {
        var listed = await _scenario.SayInPersonalChatAsync("perioder", Sara);
        var save = await _scenario.PressInPersonalChatAsync(
            PeriodCards.SaveVerb,
            new JsonObject { [PeriodForm.NameField] = "Min period", [PeriodForm.StartField] = "2025-01-01", [PeriodForm.EndField] = "2025-01-31" },
            Sara);

        Assert.Equal("Det kan bara samordnare göra.", listed.Text);
        Assert.Equal("forbidden", save["value"]!["code"]!.GetValue<string>());
        Assert.Empty(await _scenario.Periods.ListAsync(default));
    }

    [Fact]
    public async Task A_double_press_of_save_on_a_new_periods_form_adds_it_once_whether_at_once_or_one_after_the_other()
    {
        var press = await NewPeriodPressAsync("Hösten 2025", "2025-07-01", "2025-12-31");

        var atOnce = await Task.WhenAll(
            _scenario.PressInPersonalChatAsync(PeriodCards.SaveVerb, press),
            _scenario.PressInPersonalChatAsync(PeriodCards.SaveVerb, press));
        var after = await _scenario.PressInPersonalChatAsync(PeriodCards.SaveVerb, press);

        Assert.All([.. atOnce, after], response => Assert.Contains("”Hösten 2025” är tillagd.", Text(response["value"]), StringComparison.Ordinal));
        Assert.Equal(new RatingPeriod("2025-2", "Hösten 2025", new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31)), Assert.Single(await _scenario.Periods.ListAsync(default)));
    }

    [Fact]
    public async Task Two_new_periods_forms_saved_at_once_add_both()
    {
        var spring = await NewPeriodPressAsync("Våren 2026", "2026-01-01", "2026-06-30");
        var autumn = await NewPeriodPressAsync("Hösten 2026", "2026-07-01", "2026-12-31");

        await Task.WhenAll(
            _scenario.PressInPersonalChatAsync(PeriodCards.SaveVerb, spring),
            _scenario.PressInPersonalChatAsync(PeriodCards.SaveVerb, autumn));

        Assert.Equal(["Våren 2026", "Hösten 2026"], (await _scenario.Periods.ListAsync(default)).Select(period => period.Name));
    }

    [Fact]
    public async Task A_name_another_period_has_is_refused_whatever_its_case_spaces_or_accents_and_nothing_is_stored()
    {
        await AddAsync("2025 vår", "2025-01-01", "2025-06-30");

        var added = await AddAsync("  2025 VÅR ", "2025-07-01", "2025-12-31");
        var list = await AddAsync("2025 höst", "2025-07-01", "2025-12-31");
        var form = await _scenario.PressInPersonalChatAsync(PeriodCards.EditVerb, ActionData(list, PeriodCards.EditVerb, PeriodForm.PeriodIdField, "2025-2"));
        var inputs = Inputs(form["value"]!);
        inputs[PeriodForm.NameField] = "2025 var";
        var renamed = (await _scenario.PressInPersonalChatAsync(PeriodCards.SaveVerb, Merge(ActionData(form["value"]!, PeriodCards.SaveVerb), inputs)))["value"]!;

        Assert.Contains("Det finns redan en period som heter ”2025 vår”", Text(added), StringComparison.Ordinal);
        Assert.Contains("Det finns redan en period som heter ”2025 vår”", Text(renamed), StringComparison.Ordinal);
        Assert.Equal(["2025 vår", "2025 höst"], (await _scenario.Periods.ListAsync(default)).Select(period => period.Name));
    }

    [Fact]
    public async Task A_name_with_a_personal_identity_number_is_refused_for_the_number_and_not_shown_again()
    {
        var refused = await AddAsync("Period 811218-9876 " + new string('a', PeriodForm.MaxNameLength), "2025-01-01", "2025-06-30");

        Assert.Contains("Texten ser ut att innehålla ett personnummer", Text(refused), StringComparison.Ordinal);
        Assert.DoesNotContain("811218-9876", Text(refused), StringComparison.Ordinal);
        // Only the number is told: "at most 60 characters" would not be news once the name is emptied.
        Assert.StartsWith("Texten ser ut att innehålla ett personnummer", Assert.Single(Errors(refused)), StringComparison.Ordinal);
        Assert.Empty(await _scenario.Periods.ListAsync(default));
    }

    [Theory]
    [MemberData(nameof(DisguisedNumbers.All), MemberType = typeof(DisguisedNumbers))]
    public async Task A_name_with_a_disguised_number_is_refused_in_swedish_and_english_and_nothing_is_stored(string number)
    {
        foreach (var locale in new[] { "sv-SE", "en-US" })
        {
            var refused = (await _scenario.PressInPersonalChatAsync(
                PeriodCards.SaveVerb, await NewPeriodPressAsync($"Vår {number}", "2025-01-01", "2025-06-30"), locale: locale))["value"]!;

            Assert.Contains(DisguisedNumbers.Refusal(locale), Text(refused), StringComparison.Ordinal);
            Assert.False(DisguisedNumbers.Shows(Text(refused)), Text(refused));
        }

        Assert.Empty(await _scenario.Periods.ListAsync(default));
    }

    [Fact]
    public async Task Of_two_overlapping_periods_stored_at_the_same_moment_only_the_first_stays()
    {
        var spring = new RatingPeriod("2025-1", "2025 vår", new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30));
        var lateSpring = new RatingPeriod("2025-04-01", "Sen vår", new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 30));

        // One after the other, as if the second had checked for overlaps before the first was stored.
        Assert.True(await _scenario.Periods.TryAddAsync(spring, default));
        Assert.False(await _scenario.Periods.TryAddAsync(lateSpring, default));
        Assert.Equal([spring], await _scenario.Periods.ListAsync(default));

        // At once: whichever the table stored first stays.
        var autumn = new RatingPeriod("2025-2", "2025 höst", new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31));
        var lateAutumn = new RatingPeriod("2025-10-01", "Sen höst", new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31));
        var added = await Task.WhenAll(_scenario.Periods.TryAddAsync(autumn, default), _scenario.Periods.TryAddAsync(lateAutumn, default));

        Assert.Single(added, stored => stored);
        var periods = await _scenario.Periods.ListAsync(default);
        Assert.Equal(2, periods.Count);
        Assert.DoesNotContain(periods, a => periods.Any(b => a != b && a.Overlaps(b)));
    }

    [Fact]
    public async Task A_coordinators_add_and_a_rounds_default_half_year_at_the_same_moment_leave_no_overlap()
    {
        var press = await NewPeriodPressAsync("Sen vår", "2025-04-01", "2025-06-30");

        var (coordinator, forDate) = (_scenario.PressInPersonalChatAsync(PeriodCards.SaveVerb, press), _scenario.Periods.ForDateAsync(new DateOnly(2025, 3, 10), default));
        await Task.WhenAll(coordinator, forDate);

        var periods = await _scenario.Periods.ListAsync(default);
        Assert.DoesNotContain(periods, a => periods.Any(b => a != b && a.Overlaps(b)));
        Assert.Contains(await forDate, periods);
        Assert.True((await forDate).Contains(new DateOnly(2025, 3, 10)));
    }

    /// <summary>The errors a refused form shows above it.</summary>
    private static IEnumerable<string> Errors(JsonNode card) => card["body"]![1]!["items"]!.AsArray().Select(item => item!["text"]!.GetValue<string>());

    /// <summary>"perioder", "Lägg till period", fill in, "Spara"; returns the card shown after.</summary>
    private async Task<JsonNode> AddAsync(string name, string start, string end) =>
        (await _scenario.PressInPersonalChatAsync(PeriodCards.SaveVerb, await NewPeriodPressAsync(name, start, end)))["value"]!;

    /// <summary>"perioder", "Lägg till period" and the form filled in: what "Spara" sends.</summary>
    private async Task<JsonObject> NewPeriodPressAsync(string name, string start, string end)
    {
        var list = (await _scenario.SayInPersonalChatAsync("perioder")).Card!;
        Assert.Contains("Skattningsperioder", Text(list), StringComparison.Ordinal);
        var form = await _scenario.PressInPersonalChatAsync(PeriodCards.NewVerb, []);
        var inputs = Inputs(form["value"]!);
        inputs[PeriodForm.NameField] = name;
        inputs[PeriodForm.StartField] = start;
        inputs[PeriodForm.EndField] = end;
        return Merge(ActionData(form["value"]!, PeriodCards.SaveVerb), inputs);
    }
}
