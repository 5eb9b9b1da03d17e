using SofSBot.Scheduling;

namespace SofSBot.Tests.Scheduling;

public sealed class ScheduleRuleTests
{
    private static readonly ScheduleRule Valid = new([DayOfWeek.Monday], new TimeOnly(8, 30), new DateOnly(2025, 1, 6));

    [Fact]
    public void A_weekly_rule_with_defaults_is_valid_and_uses_stockholm_time_and_skips_holidays()
    {
        Assert.Empty(Valid.Validate());
        Assert.Equal("Europe/Stockholm", Valid.TimeZoneId);
        Assert.True(Valid.SkipPublicHolidays);
        Assert.Equal(1, Valid.EveryNWeeks);
        Assert.Empty(Valid.OnlyInWeeks);
        Assert.Empty(Valid.BreakWeeks);
        Assert.Null(Valid.EndDate);
    }

    [Theory]
    [InlineData("no weekday", nameof(ScheduleRuleError.NoWeekday))]
    [InlineData("weekday 7", nameof(ScheduleRuleError.UnknownWeekday))]
    [InlineData("time with seconds", nameof(ScheduleRuleError.TimeOfDayNotWholeMinutes))]
    [InlineData("every 0 weeks", nameof(ScheduleRuleError.EveryNWeeksOutOfRange))]
    [InlineData("every 53 weeks", nameof(ScheduleRuleError.EveryNWeeksOutOfRange))]
    [InlineData("end before start", nameof(ScheduleRuleError.EndBeforeStart))]
    [InlineData("start in 1500", nameof(ScheduleRuleError.DateOutOfRange))]
    [InlineData("end in 9999", nameof(ScheduleRuleError.DateOutOfRange))]
    [InlineData("zone Mars/Olympus", nameof(ScheduleRuleError.UnknownTimeZone))]
    [InlineData("empty zone", nameof(ScheduleRuleError.UnknownTimeZone))]
    [InlineData("only in week 0", nameof(ScheduleRuleError.WeekNumberOutOfRange))]
    [InlineData("break week 54", nameof(ScheduleRuleError.WeekNumberOutOfRange))]
    [InlineData("only weeks all on break", nameof(ScheduleRuleError.EveryOnlyWeekIsABreakWeek))]
    public void An_invalid_rule_reports_exactly_its_error(string change, string error)
    {
        var rule = change switch
        {
            "no weekday" => Valid with { Weekdays = [] },
            "weekday 7" => Valid with { Weekdays = [DayOfWeek.Monday, (DayOfWeek)7] },
            "time with seconds" => Valid with { TimeOfDay = new TimeOnly(8, 30, 15) },
            "every 0 weeks" => Valid with { EveryNWeeks = 0 },
            "every 53 weeks" => Valid with { EveryNWeeks = 53 },
            "end before start" => Valid with { EndDate = Valid.StartDate.AddDays(-1) },
            "start in 1500" => Valid with { StartDate = new DateOnly(1500, 1, 1) },
            "end in 9999" => Valid with { EndDate = new DateOnly(9999, 1, 1) },
            "zone Mars/Olympus" => Valid with { TimeZoneId = "Mars/Olympus" },
            "empty zone" => Valid with { TimeZoneId = "" },
            "only in week 0" => Valid with { OnlyInWeeks = [0, 11] },
            "break week 54" => Valid with { BreakWeeks = [28, 54] },
            "only weeks all on break" => Valid with { OnlyInWeeks = [29, 30], BreakWeeks = [28, 29, 30, 31] },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        Assert.Equal([Enum.Parse<ScheduleRuleError>(error)], rule.Validate());
    }

    [Fact]
    public void All_errors_are_reported_at_once()
    {
        var rule = Valid with { Weekdays = [], EveryNWeeks = 99, EndDate = new DateOnly(2024, 1, 1), TimeZoneId = "Nowhere/Town" };

        Assert.Equal(
            [ScheduleRuleError.NoWeekday, ScheduleRuleError.EveryNWeeksOutOfRange, ScheduleRuleError.EndBeforeStart, ScheduleRuleError.UnknownTimeZone],
            rule.Validate());
    }

    [Fact]
    public void Boundary_values_are_valid()
    {
        var rule = Valid with
        {
            EveryNWeeks = 52,
            EndDate = Valid.StartDate,
            OnlyInWeeks = [1, 53],
            BreakWeeks = [53],
            TimeOfDay = new TimeOnly(23, 59),
        };

        Assert.Empty(rule.Validate());
        Assert.Empty((Valid with { EveryNWeeks = 1, TimeOfDay = TimeOnly.MinValue }).Validate());
    }

    [Fact]
    public void Missing_lists_from_storage_are_reported_not_thrown()
    {
        var rule = Valid with { Weekdays = null!, OnlyInWeeks = null!, BreakWeeks = null! };

        Assert.Equal([ScheduleRuleError.NoWeekday], rule.Validate());
    }
}
