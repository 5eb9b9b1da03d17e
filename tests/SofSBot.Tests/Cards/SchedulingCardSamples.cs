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

    public IEnumerable<CardSample> Samples() =>
    [
        new CardSample(
            "schedule-list-empty-sv",
            "The schedule list (`schema`) of a team with no routines yet",
            ScheduleCards.List([], Channels, Now, Language.Swedish)),
        .. LanguageSamples.InEveryLanguage(
            "schedule-list-three-routines",
            "The schedule list with three routines, one of them paused, just after a save",
            language => ScheduleCards.List(Schedules(language), Channels, Now, language, ScheduleTexts.For(language).Saved)),
        .. LanguageSamples.InEveryLanguage(
            "schedule-form-new",
            "The form for a new schedule with its defaults",
            language => ScheduleCards.Form(ScheduleForm.New(DateOnly.FromDateTime(Now.Date), TeammoteChannelId), Channels, language)),
        .. LanguageSamples.InEveryLanguage(
            "schedule-form-errors",
            "The form shown again with what the leader must fix",
            language => ScheduleCards.Form(BadForm, Channels, language, BadForm.Parse([TeamId, TeammoteChannelId], ScheduleTexts.For(language)).Errors)),
        new CardSample(
            "schedule-form-edit-sv",
            "The form for changing an existing schedule",
            ScheduleCards.Form(ScheduleForm.From(Schedules(Language.Swedish)[1]), Channels, Language.Swedish)),
    ];

    /// <summary>No weekday, an impossible time, a week out of range, an end before the start.</summary>
    private static ScheduleForm BadForm { get; } = ScheduleForm.New(new DateOnly(2025, 3, 26), TeammoteChannelId) with
    {
        Weekdays = string.Empty,
        Time = "25:00",
        BreakWeeks = "28-60",
        EndDate = "2025-01-01",
    };

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
