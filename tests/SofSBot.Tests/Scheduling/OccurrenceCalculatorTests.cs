using System.Globalization;
using SofSBot.Scheduling;

namespace SofSBot.Tests.Scheduling;

public sealed class OccurrenceCalculatorTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    [Fact]
    public void Weekly_monday_0830_stays_at_0830_local_across_both_daylight_saving_changes()
    {
        var rule = Weekly(DayOfWeek.Monday, "08:30", "2025-03-01") with { SkipPublicHolidays = false };

        var occurrences = OccurrenceCalculator.Between(rule, Instant("2025-03-17T00:00+01:00"), Instant("2025-11-03T23:59+01:00")).ToList();

        Assert.Equal(34, occurrences.Count);
        Assert.All(occurrences, o =>
        {
            Assert.Equal(DayOfWeek.Monday, o.LocalDate.DayOfWeek);
            Assert.Equal(new TimeOnly(8, 30), o.LocalTime);
            Assert.Equal(new TimeSpan(8, 30, 0), o.At.TimeOfDay);
            Assert.Equal(o.LocalDate, DateOnly.FromDateTime(o.At.DateTime));
            var summer = o.LocalDate > Date("2025-03-30") && o.LocalDate < Date("2025-10-26");
            Assert.Equal(summer ? Summer : Winter, o.At.Offset);
        });
        AssertUtc("2025-03-24T07:30", occurrences.Single(o => o.LocalDate == Date("2025-03-24")));
        AssertUtc("2025-03-31T06:30", occurrences.Single(o => o.LocalDate == Date("2025-03-31")));
        AssertUtc("2025-10-20T06:30", occurrences.Single(o => o.LocalDate == Date("2025-10-20")));
        AssertUtc("2025-10-27T07:30", occurrences.Single(o => o.LocalDate == Date("2025-10-27")));
    }

    [Theory]
    [InlineData("2025-03-28", "2025-04-01", "+01:00,+01:00,+02:00,+02:00,+02:00")]
    [InlineData("2025-10-24", "2025-10-28", "+02:00,+02:00,+01:00,+01:00,+01:00")]
    public void Every_day_at_0830_gets_the_offset_of_its_own_date_including_the_day_of_the_change(string from, string to, string offsets)
    {
        var rule = new ScheduleRule(Enum.GetValues<DayOfWeek>(), new TimeOnly(8, 30), Date("2025-01-01")) { SkipPublicHolidays = false };

        var occurrences = OccurrenceCalculator.Between(rule, Instant(from + "T00:00+01:00"), Instant(to + "T23:00+01:00")).ToList();

        Assert.Equal(offsets, string.Join(',', occurrences.Select(o => o.At.ToString("zzz", CultureInfo.InvariantCulture))));
        Assert.All(occurrences, o => Assert.Equal(new TimeSpan(8, 30, 0), o.At.TimeOfDay));
    }

    [Fact]
    public void Every_weekday_rule_skips_the_weekend_of_the_change_and_keeps_its_time()
    {
        DayOfWeek[] weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        var rule = new ScheduleRule(weekdays, new TimeOnly(7, 45), Date("2025-01-01"));

        var keys = OccurrenceCalculator.Between(rule, Instant("2025-10-23T00:00+02:00"), Instant("2025-10-29T00:00+01:00"))
            .Select(o => $"{o.Key}{o.At:zzz}");

        Assert.Equal(["2025-10-23T07:45+02:00", "2025-10-24T07:45+02:00", "2025-10-27T07:45+01:00", "2025-10-28T07:45+01:00"], keys);
    }

    [Fact]
    public void A_time_in_the_spring_forward_gap_moves_forward_by_the_gap()
    {
        var rule = Daily("02:30", "2025-03-29");

        var occurrences = OccurrenceCalculator.From(rule, Instant("2025-03-29T00:00+01:00")).Take(3).ToList();

        Assert.Equal(Instant("2025-03-29T02:30+01:00"), occurrences[0].At);
        var gapDay = occurrences[1];
        Assert.Equal(Date("2025-03-30"), gapDay.LocalDate);
        Assert.Equal(new TimeOnly(2, 30), gapDay.LocalTime);
        Assert.Equal("2025-03-30T02:30", gapDay.Key);
        Assert.Equal(new TimeSpan(3, 30, 0), gapDay.At.TimeOfDay);
        Assert.Equal(Summer, gapDay.At.Offset);
        AssertUtc("2025-03-30T01:30", gapDay);
        Assert.Equal(Instant("2025-03-31T02:30+02:00"), occurrences[2].At);
    }

    [Fact]
    public void An_ambiguous_time_at_fall_back_takes_the_first_summer_time_instant()
    {
        var rule = Daily("02:30", "2025-10-25");

        var occurrences = OccurrenceCalculator.From(rule, Instant("2025-10-25T00:00+02:00")).Take(3).ToList();

        Assert.Equal(Instant("2025-10-25T02:30+02:00"), occurrences[0].At);
        Assert.Equal(Summer, occurrences[1].At.Offset);
        Assert.Equal(new TimeSpan(2, 30, 0), occurrences[1].At.TimeOfDay);
        AssertUtc("2025-10-26T00:30", occurrences[1]);
        Assert.Equal(Instant("2025-10-27T02:30+01:00"), occurrences[2].At);
    }

    [Fact]
    public void Asking_from_the_second_pass_of_an_ambiguous_hour_does_not_give_the_first_pass_again()
    {
        var rule = Daily("02:30", "2025-10-25");

        var next = OccurrenceCalculator.Next(rule, Instant("2025-10-26T02:15+01:00"));

        Assert.Equal(Instant("2025-10-27T02:30+01:00"), next?.At);
    }

    [Fact]
    public void Every_second_week_is_anchored_on_the_iso_week_of_the_start_date()
    {
        // Start on Wednesday of week 2: that week's Monday is before the start, so week 4 comes first.
        var rule = Weekly(DayOfWeek.Monday, "09:00", "2025-01-08") with { EveryNWeeks = 2 };

        var occurrences = OccurrenceCalculator.From(rule, Instant("2024-12-01T00:00+01:00")).Take(4).ToList();

        Assert.Equal([Date("2025-01-20"), Date("2025-02-03"), Date("2025-02-17"), Date("2025-03-03")], occurrences.Select(o => o.LocalDate));
        Assert.Equal([4, 6, 8, 10], occurrences.Select(o => o.IsoWeek));
    }

    [Fact]
    public void Every_second_week_counts_weeks_not_week_numbers_across_a_53_week_year()
    {
        var rule = Weekly(DayOfWeek.Monday, "09:00", "2026-12-14") with { EveryNWeeks = 2 };

        var weeks = OccurrenceCalculator.From(rule, Instant("2026-12-01T00:00+01:00")).Take(4)
            .Select(o => $"{o.LocalDate:yyyy-MM-dd} {o.IsoYear}-W{o.IsoWeek}");

        Assert.Equal(["2026-12-14 2026-W51", "2026-12-28 2026-W53", "2027-01-11 2027-W2", "2027-01-25 2027-W4"], weeks);
    }

    [Fact]
    public void Iso_year_of_an_occurrence_follows_the_week_not_the_calendar_year()
    {
        var rule = Weekly(DayOfWeek.Monday, "09:00", "2024-12-01");

        var first = OccurrenceCalculator.Next(rule, Instant("2024-12-29T00:00+01:00"));

        Assert.Equal(Date("2024-12-30"), first?.LocalDate);
        Assert.Equal((2025, 1), (first?.IsoYear, first?.IsoWeek));
    }

    [Fact]
    public void Only_in_weeks_11_and_38_occurs_in_those_weeks_each_year_and_ignores_every_n_weeks()
    {
        var rule = Weekly(DayOfWeek.Monday, "10:00", "2025-01-01") with { OnlyInWeeks = [38, 11], EveryNWeeks = 3 };

        var dates = OccurrenceCalculator.From(rule, Instant("2025-01-01T00:00+01:00")).Take(5).Select(o => o.LocalDate);

        Assert.Equal([Date("2025-03-10"), Date("2025-09-15"), Date("2026-03-09"), Date("2026-09-14"), Date("2027-03-15")], dates);
    }

    [Fact]
    public void Break_weeks_28_to_31_are_skipped()
    {
        var rule = Weekly(DayOfWeek.Monday, "09:00", "2025-06-30") with { BreakWeeks = [28, 29, 30, 31], EndDate = Date("2025-08-18") };

        var dates = OccurrenceCalculator.From(rule, Instant("2025-06-01T00:00+02:00")).Select(o => o.LocalDate);

        Assert.Equal([Date("2025-06-30"), Date("2025-08-04"), Date("2025-08-11"), Date("2025-08-18")], dates);
    }

    [Fact]
    public void Break_weeks_drop_occurrences_without_shifting_the_every_n_weeks_rhythm()
    {
        var rule = Weekly(DayOfWeek.Monday, "09:00", "2025-06-30") with { EveryNWeeks = 2, BreakWeeks = [28, 29, 30, 31] };

        var weeks = OccurrenceCalculator.From(rule, Instant("2025-06-01T00:00+02:00")).Take(3).Select(o => o.IsoWeek);

        Assert.Equal([27, 33, 35], weeks);
    }

    [Theory]
    [InlineData("Monday", "2025-04-21")] // annandag påsk
    [InlineData("Friday", "2025-06-20")] // midsommarafton
    [InlineData("Thursday", "2025-05-29")] // Kristi himmelsfärdsdag
    [InlineData("Tuesday", "2026-01-06")] // trettondedag jul
    [InlineData("Friday", "2025-06-06")] // nationaldagen
    public void An_occurrence_on_a_holiday_is_skipped_not_moved(string weekday, string holiday)
    {
        var day = Date(holiday);
        var rule = Weekly(Enum.Parse<DayOfWeek>(weekday), "08:30", "2025-01-01");

        var dates = OccurrenceCalculator.Between(rule, Midnight(day.AddDays(-7)), Midnight(day.AddDays(8))).Select(o => o.LocalDate);

        Assert.Equal([day.AddDays(-7), day.AddDays(7)], dates);
    }

    [Theory]
    [InlineData("Monday", "2025-04-21")]
    [InlineData("Friday", "2025-06-20")]
    [InlineData("Thursday", "2025-05-29")]
    public void An_occurrence_on_a_holiday_is_kept_when_holidays_are_not_skipped(string weekday, string holiday)
    {
        var day = Date(holiday);
        var rule = Weekly(Enum.Parse<DayOfWeek>(weekday), "08:30", "2025-01-01") with { SkipPublicHolidays = false };

        var dates = OccurrenceCalculator.Between(rule, Midnight(day.AddDays(-7)), Midnight(day.AddDays(8))).Select(o => o.LocalDate);

        Assert.Equal([day.AddDays(-7), day, day.AddDays(7)], dates);
    }

    [Fact]
    public void End_date_is_inclusive_and_the_sequence_ends_there()
    {
        var rule = Weekly(DayOfWeek.Monday, "23:59", "2025-01-13") with { EndDate = Date("2025-01-27") };

        var dates = OccurrenceCalculator.From(rule, Instant("2025-01-01T00:00+01:00")).Select(o => o.LocalDate);

        Assert.Equal([Date("2025-01-13"), Date("2025-01-20"), Date("2025-01-27")], dates);
    }

    [Fact]
    public void Nothing_occurs_before_the_start_date_or_after_the_end_date()
    {
        var rule = Weekly(DayOfWeek.Monday, "08:30", "2025-02-05") with { EndDate = Date("2025-02-05") };

        Assert.Empty(OccurrenceCalculator.From(rule, Instant("2025-01-01T00:00+01:00")));
        Assert.Null(OccurrenceCalculator.Next(rule, Instant("2025-01-01T00:00+01:00")));
    }

    [Fact]
    public void Between_includes_both_boundaries_whatever_offset_they_are_given_in()
    {
        var rule = Weekly(DayOfWeek.Monday, "08:30", "2025-01-01");

        var both = OccurrenceCalculator.Between(rule, Instant("2025-03-31T06:30+00:00"), Instant("2025-04-07T08:30+02:00"));
        var neither = OccurrenceCalculator.Between(rule, Instant("2025-03-31T08:31+02:00"), Instant("2025-04-07T08:29+02:00"));

        Assert.Equal(["2025-03-31T08:30", "2025-04-07T08:30"], both.Select(o => o.Key));
        Assert.Empty(neither);
    }

    [Fact]
    public void Between_with_the_end_before_the_start_is_empty()
    {
        var rule = Weekly(DayOfWeek.Monday, "08:30", "2025-01-01");

        Assert.Empty(OccurrenceCalculator.Between(rule, Instant("2025-04-07T09:00+02:00"), Instant("2025-03-31T08:00+02:00")));
    }

    [Theory]
    [InlineData("2025-03-31T08:30+02:00", "2025-03-31T08:30")]
    [InlineData("2025-03-31T10:30+02:00", "2025-03-31T08:30")]
    [InlineData("2025-03-31T10:31+02:00", null)]
    [InlineData("2025-03-31T08:29+02:00", null)]
    public void Latest_finds_the_occurrence_due_within_a_two_hour_grace_window(string now, string? expectedKey)
    {
        var rule = Weekly(DayOfWeek.Monday, "08:30", "2025-01-01");
        var instant = Instant(now);

        var due = OccurrenceCalculator.Latest(rule, notBefore: instant.AddHours(-2), atOrBefore: instant);

        Assert.Equal(expectedKey, due?.Key);
    }

    [Fact]
    public void Latest_takes_the_last_when_several_fell_in_the_window()
    {
        var rule = new ScheduleRule(Enum.GetValues<DayOfWeek>(), new TimeOnly(8, 30), Date("2025-01-01"));

        var due = OccurrenceCalculator.Latest(rule, Instant("2025-03-01T00:00+01:00"), Instant("2025-03-05T12:00+01:00"));

        Assert.Equal("2025-03-05T08:30", due?.Key);
    }

    [Fact]
    public void From_includes_an_occurrence_at_exactly_the_instant_and_excludes_one_just_before()
    {
        var rule = Weekly(DayOfWeek.Monday, "08:30", "2025-01-01");

        Assert.Equal("2025-03-31T08:30", OccurrenceCalculator.Next(rule, Instant("2025-03-31T08:30+02:00"))?.Key);
        Assert.Equal("2025-04-07T08:30", OccurrenceCalculator.Next(rule, Instant("2025-03-31T08:30+02:00").AddTicks(1))?.Key);
    }

    [Fact]
    public void Occurrences_follow_the_rules_time_zone()
    {
        var rule = Weekly(DayOfWeek.Monday, "08:30", "2025-01-01") with { TimeZoneId = "America/New_York", SkipPublicHolidays = false };

        var occurrences = OccurrenceCalculator.From(rule, Instant("2025-03-03T00:00-05:00")).Take(2).ToList();

        // The US changes clocks three weeks before Sweden, on 9 March.
        Assert.Equal(Instant("2025-03-03T08:30-05:00"), occurrences[0].At);
        Assert.Equal(Instant("2025-03-10T08:30-04:00"), occurrences[1].At);
    }

    [Fact]
    public void A_rule_that_can_never_occur_ends_instead_of_scanning_forever()
    {
        // Friday of ISO week 53 is always nyårsafton or nyårsdagen, both skipped.
        var rule = Weekly(DayOfWeek.Friday, "09:00", "2025-01-01") with { OnlyInWeeks = [53] };

        Assert.Empty(OccurrenceCalculator.From(rule, Instant("2025-01-01T00:00+01:00")));
    }

    [Fact]
    public void The_extreme_instants_are_accepted_as_open_bounds()
    {
        var rule = Weekly(DayOfWeek.Monday, "08:30", "2025-01-13") with { EndDate = Date("2025-01-27") };

        Assert.Equal(3, OccurrenceCalculator.Between(rule, DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Count());
        Assert.Empty(OccurrenceCalculator.From(rule, DateTimeOffset.MaxValue));
    }

    [Fact]
    public void An_invalid_rule_is_refused_before_enumeration()
    {
        var rule = Weekly(DayOfWeek.Monday, "08:30", "2025-01-01") with { EveryNWeeks = 0 };

        var error = Assert.Throws<ArgumentException>(() => OccurrenceCalculator.From(rule, Instant("2025-01-01T00:00+01:00")));
        Assert.Contains(nameof(ScheduleRuleError.EveryNWeeksOutOfRange), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Occurrences_come_in_strictly_increasing_time_with_unique_keys_over_several_years()
    {
        var rule = new ScheduleRule([DayOfWeek.Sunday, DayOfWeek.Monday], new TimeOnly(2, 30), Date("2024-01-01")) { EveryNWeeks = 3, BreakWeeks = [28, 29] };

        var occurrences = OccurrenceCalculator.Between(rule, Instant("2024-01-01T00:00+01:00"), Instant("2028-01-01T00:00+01:00")).ToList();

        Assert.True(occurrences.Count > 100);
        Assert.All(occurrences.Zip(occurrences.Skip(1)), pair => Assert.True(pair.First.At < pair.Second.At));
        Assert.Equal(occurrences.Count, occurrences.Select(o => o.Key).Distinct().Count());
    }

    private static ScheduleRule Weekly(DayOfWeek day, string time, string start) =>
        new([day], TimeOnly.Parse(time, CultureInfo.InvariantCulture), Date(start));

    private static ScheduleRule Daily(string time, string start) =>
        new(Enum.GetValues<DayOfWeek>(), TimeOnly.Parse(time, CultureInfo.InvariantCulture), Date(start)) { SkipPublicHolidays = false };

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    // Midnight UTC+1: close enough to local midnight for windows that only need to contain whole days' 08:30.
    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Winter);

    private static void AssertUtc(string expectedUtc, Occurrence occurrence) =>
        Assert.Equal(DateTime.Parse(expectedUtc, CultureInfo.InvariantCulture), occurrence.At.UtcDateTime);
}
