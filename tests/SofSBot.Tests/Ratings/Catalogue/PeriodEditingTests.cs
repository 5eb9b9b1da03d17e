using System.Text.Json.Nodes;
using SofSBot.Ratings;
using SofSBot.Ratings.Catalogue;
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

    /// <summary>"perioder", "Lägg till period", fill in, "Spara"; returns the card shown after.</summary>
    private async Task<JsonNode> AddAsync(string name, string start, string end)
    {
        var list = (await _scenario.SayInPersonalChatAsync("perioder")).Card!;
        Assert.Contains("Skattningsperioder", Text(list), StringComparison.Ordinal);
        var form = await _scenario.PressInPersonalChatAsync(PeriodCards.NewVerb, []);
        var inputs = Inputs(form["value"]!);
        inputs[PeriodForm.NameField] = name;
        inputs[PeriodForm.StartField] = start;
        inputs[PeriodForm.EndField] = end;
        return (await _scenario.PressInPersonalChatAsync(PeriodCards.SaveVerb, Merge(ActionData(form["value"]!, PeriodCards.SaveVerb), inputs)))["value"]!;
    }
}
