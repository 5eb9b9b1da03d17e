using System.Globalization;
using SofSBot.Routines.AppreciativeInquiry;

namespace SofSBot.Tests.Routines.AppreciativeInquiry;

/// <summary>The question bank and the weekly rotation of an appreciative interview's questions.</summary>
public sealed class QuestionRotationTests
{
    private const string TeamId = "19:f3e2d1c0b9a84f7e6d5c4b3a2f1e0d9c@thread.tacv2";

    private static readonly string[] Teams =
    [
        TeamId,
        "19:utredningsteam1-allmant@thread.tacv2",
        "19:0b5f1e2d3c4a4b9e8f7a6d5c4b3a2e1f@thread.tacv2",
        "19:mottagningsteamet@thread.tacv2",
        "19:familjehemsteamet@thread.tacv2",
    ];

    [Fact]
    public void The_bank_has_at_least_twenty_questions_each_written_in_swedish_and_english()
    {
        Assert.True(QuestionBank.All.Count >= 20, $"The bank has {QuestionBank.All.Count} questions.");
        Assert.All(QuestionBank.All, question =>
        {
            Assert.False(string.IsNullOrWhiteSpace(question.Swedish), question.Id);
            Assert.False(string.IsNullOrWhiteSpace(question.English), question.Id);
            Assert.NotEqual(question.Swedish, question.English);
            Assert.EndsWith("?", question.Swedish, StringComparison.Ordinal);
            Assert.EndsWith("?", question.English, StringComparison.Ordinal);
        });
        Assert.Equal(QuestionBank.All.Count, QuestionBank.All.Select(q => q.Id).Distinct().Count());
        Assert.Equal(QuestionBank.All.Count, QuestionBank.All.Select(q => q.Swedish).Distinct().Count());
        Assert.Equal(QuestionBank.All.Count, QuestionBank.All.Select(q => q.English).Distinct().Count());
    }

    [Fact]
    public void Every_stage_has_at_least_two_questions_so_it_can_change_every_week()
    {
        Assert.All(Enum.GetValues<InquiryStage>(), stage => Assert.True(QuestionBank.Of(stage).Count >= 2, stage.ToString()));
    }

    [Fact]
    public void A_sequence_has_five_to_seven_questions_one_per_stage_in_interview_order()
    {
        foreach (var team in Teams)
        {
            foreach (var monday in Mondays(new DateOnly(2025, 1, 6), 120))
            {
                var sequence = QuestionRotation.For(team, monday);

                Assert.InRange(sequence.Count, 5, 7);
                // The story comes first, what we take with us last, each stage once in between.
                Assert.Equal(InquiryStage.TheStory, sequence[0].Stage);
                Assert.Equal(InquiryStage.WhatWeTakeWithUs, sequence[^1].Stage);
                Assert.Equal(sequence.Select(q => q.Stage).Order(), sequence.Select(q => q.Stage));
                Assert.Equal(sequence.Count, sequence.Select(q => q.Stage).Distinct().Count());
                Assert.All(sequence, question => Assert.Same(question, QuestionBank.Find(question.Id)));
            }
        }
    }

    [Fact]
    public void A_team_never_gets_the_same_sequence_two_weeks_running_over_twenty_years()
    {
        foreach (var team in Teams)
        {
            var previous = QuestionRotation.For(team, new DateOnly(2019, 12, 30));
            foreach (var monday in Mondays(new DateOnly(2020, 1, 6), 52 * 20))
            {
                var sequence = QuestionRotation.For(team, monday);
                Assert.False(Ids(previous).SequenceEqual(Ids(sequence)), $"{team}: same sequence in the week before {monday:yyyy-MM-dd}");
                previous = sequence;
            }
        }
    }

    [Theory]
    [InlineData(2026, 53, 2027, 1)] // 2026 has 53 ISO weeks
    [InlineData(2020, 53, 2021, 1)] // so has 2020
    [InlineData(2025, 52, 2026, 1)]
    [InlineData(2024, 52, 2025, 1)] // 2025-W01 starts on 30 December 2024
    public void The_sequence_changes_across_the_year_boundary(int lastYear, int lastWeek, int nextYear, int nextWeek)
    {
        var lastMonday = DateOnly.FromDateTime(ISOWeek.ToDateTime(lastYear, lastWeek, DayOfWeek.Monday));
        var nextMonday = DateOnly.FromDateTime(ISOWeek.ToDateTime(nextYear, nextWeek, DayOfWeek.Monday));
        Assert.Equal(lastMonday.AddDays(7), nextMonday);

        // Friday of the last week and Monday of the first: consecutive weeks, consecutive indexes.
        Assert.Equal(QuestionRotation.WeekIndex(lastMonday.AddDays(4)) + 1, QuestionRotation.WeekIndex(nextMonday));
        foreach (var team in Teams)
        {
            var before = Ids(QuestionRotation.For(team, lastMonday.AddDays(4)));
            var after = Ids(QuestionRotation.For(team, nextMonday));
            // Not only a different sequence: every question moves on.
            Assert.All(before.Zip(after), pair => Assert.NotEqual(pair.First, pair.Second));
        }
    }

    [Fact]
    public void Every_day_of_a_week_gives_the_same_sequence()
    {
        var monday = new DateOnly(2026, 12, 28); // 2026-W53
        var expected = Ids(QuestionRotation.For(TeamId, monday));

        for (var day = 1; day < 7; day++)
        {
            Assert.Equal(expected, Ids(QuestionRotation.For(TeamId, monday.AddDays(day))));
        }
    }

    [Fact]
    public void The_same_team_and_week_always_give_the_same_sequence()
    {
        var meeting = new DateOnly(2026, 3, 16);

        Assert.Equal(Ids(QuestionRotation.For(TeamId, meeting)), Ids(QuestionRotation.For(TeamId, meeting)));
        // Fixed, so that a restarted or second instance proposes the same questions.
        Assert.Equal(Ids(QuestionRotation.For(TeamId, meeting)), Ids(QuestionRotation.For(new string(TeamId.ToCharArray()), meeting)));
    }

    [Fact]
    public void Teams_are_not_all_given_the_same_questions_in_a_week()
    {
        var meeting = new DateOnly(2026, 3, 16);

        var sequences = Teams.Select(team => string.Join(',', Ids(QuestionRotation.For(team, meeting)))).Distinct().Count();

        Assert.True(sequences > 1, "Every team got the same sequence.");
    }

    [Fact]
    public void Over_a_year_a_team_meets_every_question_of_the_bank()
    {
        var asked = Mondays(new DateOnly(2026, 1, 5), 52).SelectMany(monday => Ids(QuestionRotation.For(TeamId, monday))).ToHashSet();

        Assert.Equal(QuestionBank.All.Select(q => q.Id).ToHashSet(), asked);
    }

    private static IEnumerable<DateOnly> Mondays(DateOnly first, int count) =>
        Enumerable.Range(0, count).Select(week => first.AddDays(7 * week));

    private static string[] Ids(IReadOnlyList<InquiryQuestion> sequence) => [.. sequence.Select(q => q.Id)];
}
