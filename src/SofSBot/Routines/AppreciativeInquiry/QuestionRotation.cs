using SofSBot.Scheduling;

namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>
/// Which questions a team asks in a given week: one per stage, in interview order. Weeks are counted
/// continuously from a fixed Monday, so year ends (also after a 53-week year) are just the next week.
/// Each stage steps one question forward per week from a team-specific start, so every question of a
/// sequence differs from the week before, and teams are not in step with each other. No I/O.
/// </summary>
internal static class QuestionRotation
{
    // 0001-01-01 (DateOnly.MinValue) is a Monday in the proleptic Gregorian calendar.
    private static readonly DateOnly FirstMonday = DateOnly.MinValue;

    private static readonly InquiryStage[] Stages = Enum.GetValues<InquiryStage>();

    public static IReadOnlyList<InquiryQuestion> For(string teamId, DateOnly meetingDate)
    {
        var week = WeekIndex(meetingDate);
        return
        [
            .. Stages.Select(stage =>
            {
                var questions = QuestionBank.Of(stage);
                var start = (int)(StableHash($"{teamId}|{stage}") % (uint)questions.Count);
                return questions[(int)((start + week) % questions.Count)];
            }),
        ];
    }

    /// <summary>Weeks since the fixed Monday: consecutive ISO weeks have consecutive indexes.</summary>
    public static long WeekIndex(DateOnly date) => (IsoWeek.MondayOf(date).DayNumber - FirstMonday.DayNumber) / 7;

    // FNV-1a: string.GetHashCode differs between processes, and a team's rotation must not.
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
