using System.Globalization;
using SofSBot.BotFramework.Invoke;
using SofSBot.Localization;
using SofSBot.Routing;
using SofSBot.Scheduling;

namespace SofSBot.Routines.Highlights;

/// <summary>
/// What the highlights card's actions carry: the card's meeting and its ISO week (which together find
/// the week's partition within the acting user's team), and the text input when there is one.
/// </summary>
internal sealed record HighlightsCardData(string MeetingId, IsoWeek Week, string? Text) : ICardData<HighlightsCardData>
{
    public const string MeetingIdField = "meetingId";
    public const string WeekField = "week";
    public const string TextField = "highlight";

    public static IReadOnlyDictionary<string, object?> For(string meetingId, IsoWeek week) => new Dictionary<string, object?>
    {
        [MeetingIdField] = meetingId,
        [WeekField] = WeekKey(week),
    };

    /// <summary>Null when the data does not name a meeting and a valid ISO week.</summary>
    public static HighlightsCardData? Bind(AdaptiveCardAction action) => From(action);

    public static string InvalidMessage(Language language) => HighlightsTexts.For(language).CardNotFound;

    /// <summary>Null when the data does not name a meeting and a valid ISO week.</summary>
    public static HighlightsCardData? From(AdaptiveCardAction action)
    {
        var meetingId = action.GetDataString(MeetingIdField);
        var week = action.GetDataString(WeekField);
        if (string.IsNullOrWhiteSpace(meetingId) || week is not { Length: 8 } || week[4] != '-' || week[5] != 'W'
            || !int.TryParse(week.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(week.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year < 2000 || number < 1 || number > IsoWeek.WeeksInYear(year))
        {
            return null;
        }

        return new HighlightsCardData(meetingId, new IsoWeek(year, number), action.GetDataString(TextField));
    }

    public static string WeekKey(IsoWeek week) => string.Create(CultureInfo.InvariantCulture, $"{week.Year:0000}-W{week.Week:00}");
}
