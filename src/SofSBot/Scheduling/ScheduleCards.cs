using System.Globalization;
using SofSBot.BotFramework.Cards;
using SofSBot.Localization;
using SofSBot.Routines;
using SofSBot.TeamsEvents;

namespace SofSBot.Scheduling;

/// <summary>The leader's schedule cards: the team's list with the next occurrences, and the form.</summary>
internal static class ScheduleCards
{
    public const string NewVerb = "schedule.new";
    public const string EditVerb = "schedule.edit";
    public const string SaveVerb = "schedule.save";
    public const string ListVerb = "schedule.list";
    public const string PauseVerb = "schedule.pause";
    public const string ResumeVerb = "schedule.resume";
    public const string DeleteVerb = "schedule.delete";
    public const string PostNowVerb = "schedule.postnow";

    public static AdaptiveCard List(
        IReadOnlyList<Schedule> schedules,
        IReadOnlyList<TeamChannel> channels,
        DateTimeOffset now,
        Language language,
        string? notice = null)
    {
        var texts = ScheduleTexts.For(language);
        var routines = RoutineTexts.For(language);
        var culture = Languages.CultureFor(null, language);
        List<CardElement> body = [TextBlock.Heading(texts.ListTitle)];
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Color = TextColor.Good });
        }

        if (schedules.Count == 0)
        {
            body.Add(new TextBlock(texts.NoSchedules));
        }

        foreach (var schedule in schedules.OrderBy(s => s.Routine).ThenBy(s => s.CreatedAt))
        {
            var next = OccurrenceCalculator.From(schedule.Rule, now).Take(3)
                .Select(o => $"{o.LocalDate.ToString("ddd d MMM", culture)} {o.LocalTime:HH:mm} ({texts.WeekAbbreviation} {o.IsoWeek})")
                .ToList();
            var title = $"{routines.NameOf(schedule.Routine)} · #{Markdown.Escape(ChannelName(channels, schedule.ChannelId, texts))}"
                + (schedule.IsPaused ? $" ({texts.Paused})" : string.Empty);
            var data = new Dictionary<string, object?> { ["scheduleId"] = schedule.ScheduleId };
            body.Add(new Container(
            [
                new TextBlock(title) { Weight = TextWeight.Bolder },
                new TextBlock(Describe(schedule.Rule, texts, culture)) { Spacing = Spacing.None, IsSubtle = true },
                new TextBlock($"{texts.NextOccurrences}: {(next.Count == 0 ? texts.NoNextOccurrence : string.Join(" · ", next))}") { Spacing = Spacing.Small },
                new ActionSet(
                [
                    ActionExecute.WithSubmitFallback(schedule.IsPaused ? texts.Resume : texts.Pause, schedule.IsPaused ? ResumeVerb : PauseVerb, data),
                    ActionExecute.WithSubmitFallback(texts.Edit, EditVerb, data),
                    ActionExecute.WithSubmitFallback(texts.PostNow, PostNowVerb, data),
                    ActionExecute.WithSubmitFallback(texts.Delete, DeleteVerb, data) with { Style = "destructive" },
                ]),
            ])
            { Separator = true, Spacing = Spacing.Medium });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [ActionExecute.WithSubmitFallback(texts.NewSchedule, NewVerb) with { Style = "positive" }],
            Lang = language.Code(),
            FallbackText = texts.ListTitle,
        };
    }

    public static AdaptiveCard Form(ScheduleForm form, IReadOnlyList<TeamChannel> channels, Language language, IReadOnlyList<string>? errors = null)
    {
        var texts = ScheduleTexts.For(language);
        var routines = RoutineTexts.For(language);
        var culture = Languages.CultureFor(null, language);
        List<CardElement> body = [TextBlock.Heading(form.ScheduleId is null ? texts.FormTitleNew : texts.FormTitleEdit)];
        if (errors is { Count: > 0 })
        {
            body.Add(new Container(
            [
                new TextBlock(texts.FixErrors) { Weight = TextWeight.Bolder, Color = TextColor.Attention },
                .. errors.Select(error => new TextBlock("• " + error) { Color = TextColor.Attention, Spacing = Spacing.None }),
            ])
            { Style = ContainerStyle.Attention });
        }

        body.AddRange(
        [
            new InputChoiceSet([.. Enum.GetValues<RoutineKind>().Select(r => new Choice(routines.NameOf(r), r.ToString()))])
            {
                Id = "routine", Label = texts.Routine, Value = form.Routine, Style = "compact", IsRequired = true, ErrorMessage = texts.ErrorRoutine,
            },
            new InputChoiceSet([.. channels.Select(c => new Choice(ChannelName(channels, c.ChannelId, texts), c.ChannelId))])
            {
                Id = "channel", Label = texts.Channel, Value = form.Channel, Style = "compact", IsRequired = true, ErrorMessage = texts.ErrorChannel,
            },
            new InputChoiceSet([.. IsoWeekdays.Select(d => new Choice(culture.DateTimeFormat.GetDayName(d), d.ToString()))])
            {
                Id = "weekdays", Label = texts.Weekdays, Value = form.Weekdays, IsMultiSelect = true, Style = "compact", IsRequired = true, ErrorMessage = texts.ErrorNoWeekday,
            },
            new InputTime { Id = "time", Label = texts.Time, Value = form.Time, IsRequired = true, ErrorMessage = texts.ErrorTime },
            new InputNumber { Id = "everyNWeeks", Label = texts.EveryNWeeksLabel, Min = 1, Max = 52, Value = double.TryParse(form.EveryNWeeks, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1 },
            new InputText { Id = "onlyInWeeks", Label = texts.OnlyInWeeksLabel, Value = form.OnlyInWeeks, Placeholder = "11, 38", MaxLength = 100 },
            new InputDate { Id = "startDate", Label = texts.StartDate, Value = form.StartDate, IsRequired = true, ErrorMessage = texts.ErrorStartDate },
            new InputDate { Id = "endDate", Label = texts.EndDate, Value = form.EndDate },
            new InputText { Id = "breakWeeks", Label = texts.BreakWeeksLabel, Value = form.BreakWeeks, Placeholder = texts.WeeksPlaceholder, MaxLength = 100 },
            new InputToggle(texts.SkipHolidays) { Id = "skipHolidays", Value = form.SkipHolidays ?? "true", ValueOn = "true", ValueOff = "false", Wrap = true },
            new InputChoiceSet([new Choice(texts.SwedishLanguage, nameof(Language.Swedish)), new Choice(texts.EnglishLanguage, nameof(Language.English))])
            {
                Id = "language", Label = texts.Language, Value = form.Language, Style = "compact",
            },
            new InputText { Id = "timeZone", Label = texts.TimeZone, Value = form.TimeZone ?? ScheduleForm.DefaultTimeZone, MaxLength = 64 },
        ]);

        var data = new Dictionary<string, object?> { ["scheduleId"] = form.ScheduleId, ["version"] = form.Version };
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                ActionExecute.WithSubmitFallback(texts.Save, SaveVerb, data) with { Style = "positive" },
                ActionExecute.WithSubmitFallback(texts.Cancel, ListVerb) with { AssociatedInputs = "none" },
            ],
            Lang = language.Code(),
            FallbackText = texts.FormTitleNew,
        };
    }

    /// <summary>"måndag, onsdag 08:30, varje vecka, uppehåll veckor 28–31".</summary>
    public static string Describe(ScheduleRule rule, ScheduleTexts texts, CultureInfo culture)
    {
        var days = string.Join(", ", rule.Weekdays.Select(d => culture.DateTimeFormat.GetDayName(d)));
        var rhythm = rule.OnlyInWeeks.Count > 0
            ? string.Format(culture, texts.InWeeks, WeekList.Format(rule.OnlyInWeeks))
            : rule.EveryNWeeks switch
            {
                1 => texts.EveryWeek,
                2 => texts.EveryOtherWeek,
                var n => string.Format(culture, texts.EveryNWeeks, culture.TwoLetterISOLanguageName == "sv" ? SwedishOrdinal(n) : n.ToString(culture)),
            };
        var text = $"{days} {rule.TimeOfDay:HH:mm}, {rhythm}";
        if (rule.BreakWeeks.Count > 0)
        {
            text += ", " + string.Format(culture, texts.BreakWeeks, WeekList.Format(rule.BreakWeeks));
        }

        return text;
    }

    /// <summary>"3:e", "21:a", "22:a", "11:e": :a after a last digit 1 or 2, except in 11 and 12.</summary>
    internal static string SwedishOrdinal(int number) =>
        number.ToString(CultureInfo.InvariantCulture)
        + (number % 10 is 1 or 2 && number % 100 is not (11 or 12) ? ":a" : ":e");

    private static readonly DayOfWeek[] IsoWeekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>A channel as the leader knows it; Teams gives the General channel no name (the Playground calls it "General").</summary>
    internal static string ChannelName(IReadOnlyList<TeamChannel> channels, string channelId, ScheduleTexts texts)
    {
        var channel = channels.FirstOrDefault(c => c.ChannelId == channelId);
        if (channel is null)
        {
            return "?";
        }

        return channel.IsGeneral || string.IsNullOrWhiteSpace(channel.Name) || channel.Name == "General" ? texts.GeneralChannel : channel.Name;
    }
}
