using SofSBot.Localization;
using SofSBot.Routines;
using SofSBot.Scheduling;
using SofSBot.TeamsEvents;

namespace SofSBot.Tests.Cards;

/// <summary>The team leader's schedule cards: the list in its states and the form, also with errors.</summary>
internal sealed class SchedulingCardSamples : ICardSamples
{
    private const string TeamId = "19:team-general@thread.tacv2";
    private const string TeammoteChannelId = "19:teammote@thread.tacv2";
    private static readonly DateTimeOffset Now = new(2025, 3, 26, 12, 0, 0, TimeSpan.Zero);

    private static readonly TeamChannel[] Channels =
    [
        new(TeamId, TeamId, null, false, Now), // General: Teams gives it no name
        new(TeamId, TeammoteChannelId, "Teammöte", false, Now),
    ];

    public IEnumerable<CardSample> Samples()
    {
        yield return new CardSample(
            "schedule-list-empty-sv",
            "The schedule list (`schema`) of a team with no routines yet.",
            ScheduleCards.List([], Channels, Now, Language.Swedish));

        foreach (var language in Enum.GetValues<Language>())
        {
            var texts = ScheduleTexts.For(language);
            yield return new CardSample(
                $"schedule-list-three-routines-{language.Code()}",
                $"The schedule list with three routines, one of them paused, just after a save, in {language}.",
                ScheduleCards.List(Schedules(language), Channels, Now, language, texts.Saved));
            yield return new CardSample(
                $"schedule-form-new-{language.Code()}",
                $"The form for a new schedule with its defaults, in {language}.",
                ScheduleCards.Form(ScheduleForm.New(DateOnly.FromDateTime(Now.Date), TeammoteChannelId), Channels, language));

            var badForm = ScheduleForm.New(new DateOnly(2025, 3, 26), TeammoteChannelId) with
            {
                Weekdays = string.Empty,
                Time = "25:00",
                BreakWeeks = "28-60",
                EndDate = "2025-01-01",
            };
            var errors = badForm.Parse([TeamId, TeammoteChannelId], texts).Errors;
            yield return new CardSample(
                $"schedule-form-errors-{language.Code()}",
                $"The form shown again with what the leader must fix, in {language}.",
                ScheduleCards.Form(badForm, Channels, language, errors));
        }

        yield return new CardSample(
            "schedule-form-edit-sv",
            "The form for changing an existing schedule.",
            ScheduleCards.Form(ScheduleForm.From(Schedules(Language.Swedish)[1]), Channels, Language.Swedish));
    }

    private static Schedule[] Schedules(Language language) =>
    [
        new(TeamId, "s1", RoutineKind.Highlights, TeammoteChannelId,
            new ScheduleRule([DayOfWeek.Monday], new TimeOnly(8, 30), new DateOnly(2025, 1, 6)) { BreakWeeks = [28, 29, 30, 31] },
            language, IsPaused: false, "29:karin", Now, Now),
        new(TeamId, "s2", RoutineKind.CaseSupervision, TeammoteChannelId,
            new ScheduleRule([DayOfWeek.Wednesday], new TimeOnly(13, 0), new DateOnly(2025, 1, 8)) { EveryNWeeks = 2 },
            language, IsPaused: false, "29:karin", Now, Now),
        new(TeamId, "s3", RoutineKind.RatingRound, TeamId,
            new ScheduleRule([DayOfWeek.Friday], new TimeOnly(9, 0), new DateOnly(2025, 1, 10)) { OnlyInWeeks = [11, 38] },
            language, IsPaused: true, "29:karin", Now, Now),
    ];
}
