using System.Text.Json;
using SofSBot.BotFramework;
using SofSBot.Export;
using SofSBot.Localization;
using SofSBot.Ratings;

namespace SofSBot.Tests.Export;

/// <summary>The period-end card of a large municipality still fits in one Teams message.</summary>
public sealed class PeriodEndReminderCardTests
{
    // Teams refuses a message larger than about 28 KB.
    private const int TeamsMessageLimitBytes = 28_000;

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public void Card_of_300_teams_fits_in_a_message_and_says_how_many_are_left_out(string code)
    {
        var language = Languages.FromLocale(code);
        var period = new RatingPeriod("2026-2", "2026 höst", new(2026, 7, 1), new(2026, 12, 31));
        var answered = Enumerable.Range(1, 200).Select(i => new TeamResponse(period, Team(i), 7, 9)).ToList();
        var without = Enumerable.Range(201, 100).Select(Team).ToList();
        var responses = new PeriodResponses(period, answered, without) { RosterSize = 2700, RespondentsWithRoster = 1400, Rate = 1400.0 / 2700 };

        var card = PeriodEndReminderCards.Create(responses, language);

        var json = JsonSerializer.SerializeToUtf8Bytes(card, BotJson.Options);
        Assert.InRange(json.Length, 1, TeamsMessageLimitBytes);
        var text = JsonSerializer.Serialize(card, BotJson.Options);
        Assert.Contains(language == Language.English ? "and 160 more teams" : "och 160 team till", text, StringComparison.Ordinal);
        Assert.Contains(language == Language.English ? "and 60 more teams" : "och 60 team till", text, StringComparison.Ordinal);
    }

    private static ExportTeam Team(int i) =>
        new($"19:team-{i}@thread.tacv2", $"Barn och unga, utredningsenhet Norra {i:000}", IsInstalled: true);
}
