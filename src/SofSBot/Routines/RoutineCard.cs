using System.Globalization;
using SofSBot.BotFramework.Cards;
using SofSBot.Localization;

namespace SofSBot.Routines;

/// <summary>
/// The card posted for one occurrence of a routine. Until each routine has its own interactive
/// card it names the routine, the ISO week and the meeting date.
/// </summary>
internal static class RoutineCard
{
    public static AdaptiveCard Create(RoutineKind routine, Language language, DateOnly meetingDate, TimeOnly meetingTime)
    {
        var texts = RoutineTexts.For(language);
        var culture = Languages.CultureFor(null, language);
        var week = ISOWeek.GetWeekOfYear(meetingDate.ToDateTime(TimeOnly.MinValue));
        var title = $"{texts.NameOf(routine)} – {texts.Week.ToLower(culture)} {week}";
        var when = meetingDate.ToString("dddd d MMMM yyyy", culture) + " " + meetingTime.ToString("HH:mm", CultureInfo.InvariantCulture);

        return new AdaptiveCard
        {
            Body =
            [
                TextBlock.Heading(title),
                new FactSet(
                [
                    new Fact(texts.Week, week.ToString(CultureInfo.InvariantCulture)),
                    new Fact(texts.Meeting, when),
                ]),
                TextBlock.Subtle(texts.ComingSoon),
            ],
            Lang = language.Code(),
            FallbackText = title,
        };
    }
}
