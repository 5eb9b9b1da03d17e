using SofSBot.Routines.Highlights;
using SofSBot.Scheduling;

namespace SofSBot.Routines.AppreciativeInquiry;

internal static class WeekHighlightsExtensions
{
    /// <summary>The team's highlights of the ISO week the meeting falls in.</summary>
    public static Task<IReadOnlyList<Highlight>> OfMeetingWeekAsync(
        this IWeekHighlights highlights, string teamId, DateOnly meetingDate, CancellationToken cancellationToken)
    {
        var week = IsoWeek.Of(meetingDate);
        return highlights.ListAsync(teamId, week.Year, week.Week, cancellationToken);
    }
}
