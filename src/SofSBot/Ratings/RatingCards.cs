using System.Globalization;
using SofSBot.BotFramework.Cards;
using SofSBot.Localization;

namespace SofSBot.Ratings;

/// <summary>
/// The rating round's cards: the shared view in the channel (counter and buttons), each member's own
/// view (a 0–10 choice per goal with the scale's ends written out), the results and the leader's form.
/// </summary>
internal static class RatingCards
{
    public const string ViewVerb = "rating.view";
    public const string SaveVerb = "rating.save";
    public const string CloseVerb = "rating.close";
    public const string OpenVerb = "rating.open";
    public const string RoundIdField = "roundId";
    public const string PeriodField = "period";
    public const string LastDayField = "lastDay";

    private const int BarWidth = 20;

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>A round closes at the start of the day after its last day, in Stockholm.</summary>
    public static DateTimeOffset DeadlineAfter(DateOnly lastDay)
    {
        var local = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Stockholm.GetUtcOffset(local));
    }

    /// <summary>The last day members can answer, in Stockholm.</summary>
    public static DateOnly LastDayOf(DateTimeOffset deadline) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(deadline.AddTicks(-1), Stockholm).DateTime);

    public static DateOnly TodayIn(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Stockholm).DateTime);

    public static string FormatLastDay(DateTimeOffset deadline, Language language) =>
        LastDayOf(deadline).ToString("dddd d MMMM yyyy", Languages.CultureFor(null, language));

    /// <summary>What everyone sees in the channel while the round is open.</summary>
    public static AdaptiveCard Shared(RatingRound round, int respondents)
    {
        var language = round.Language;
        var texts = RatingTexts.For(language);
        var title = Format(language, texts.Title, Markdown.Escape(round.PeriodName));
        var data = RoundData(round);
        return new AdaptiveCard
        {
            Body =
            [
                TextBlock.Heading(title),
                new TextBlock(texts.Intro),
                new FactSet([new Fact(texts.Closes, FormatLastDay(round.Deadline, language))]),
                Counter(round, respondents, texts, language),
            ],
            Actions =
            [
                ActionExecute.WithSubmitFallback(texts.Answer, ViewVerb, data) with { Style = "positive" },
                ActionExecute.WithSubmitFallback(texts.CloseRound, CloseVerb, data),
            ],
            Refresh = RefreshFor(round),
            Lang = language.Code(),
            FallbackText = title,
        };
    }

    /// <summary>One member's own view: their answers chosen, a notice or an error on top.</summary>
    public static AdaptiveCard Personal(
        RatingRound round,
        int respondents,
        IReadOnlyDictionary<string, int> answers,
        Language language,
        bool isLeader,
        string? notice = null,
        string? error = null)
    {
        var texts = RatingTexts.For(language);
        var title = Format(language, texts.Title, Markdown.Escape(round.PeriodName));
        List<CardElement> body = [TextBlock.Heading(title)];
        if (error is not null)
        {
            body.Add(new Container([new TextBlock(error) { Color = TextColor.Attention, Weight = TextWeight.Bolder }]) { Style = ContainerStyle.Attention });
        }
        else if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Color = TextColor.Good });
        }

        body.Add(new FactSet([new Fact(texts.Closes, FormatLastDay(round.Deadline, language))]));
        body.Add(Counter(round, respondents, texts, language));
        body.Add(new TextBlock(texts.YourAnswers) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        if (answers.Count == 0)
        {
            body.Add(TextBlock.Subtle(texts.NotAnsweredYet));
        }

        foreach (var goal in round.Goals.OrderBy(goal => goal.Order))
        {
            body.Add(GoalInput(goal, answers.TryGetValue(goal.GoalId, out var value) ? value : null, texts, language));
        }

        var data = RoundData(round);
        List<CardAction> actions = [ActionExecute.WithSubmitFallback(texts.Save, SaveVerb, data) with { Style = "positive" }];
        if (isLeader)
        {
            actions.Add(ActionExecute.WithSubmitFallback(texts.CloseRound, CloseVerb, data) with { AssociatedInputs = "none" });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = actions,
            Refresh = RefreshFor(round),
            Lang = language.Code(),
            FallbackText = title,
        };
    }

    /// <summary>
    /// The figures per goal once the round is closed; goals with too few answers say so instead of
    /// showing any figure. While the round is open only the count: figures that change with each
    /// answer would show what the last one answered.
    /// </summary>
    public static AdaptiveCard Results(
        RatingRound round, IReadOnlyList<GoalResult> results, int respondents, int? rosterSize, int threshold, Language language)
    {
        var texts = RatingTexts.For(language);
        var culture = Languages.CultureFor(null, language);
        var title = Format(language, texts.ResultsTitle, Markdown.Escape(round.PeriodName));
        List<CardElement> body = [TextBlock.Heading(title)];
        if (!round.IsClosed)
        {
            body.Add(Counter(round, respondents, texts, language));
            body.Add(new TextBlock(Format(language, texts.ResultsAfterClose, FormatLastDay(round.Deadline, language))) { Color = TextColor.Warning });
            return new AdaptiveCard { Body = body, Lang = language.Code(), FallbackText = title };
        }

        body.Add(new TextBlock(rosterSize is > 0
            ? Format(language, texts.ResponseSummary, respondents, rosterSize.Value, FormatRate(Math.Min(1.0, (double)respondents / rosterSize.Value), culture))
            : Format(language, texts.ResponseSummaryNoRoster, respondents)));

        // The chart: bars of text, which every client renders (Teams' Chart.* elements are unknown to
        // the Adaptive Cards parser and to the Playground, and a card with them is reported as invalid).
        body.Add(new TextBlock(texts.MeanPerGoal) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        var goals = round.Goals.ToDictionary(goal => goal.GoalId, StringComparer.Ordinal);
        foreach (var result in results)
        {
            var goalTitle = Markdown.Escape(goals.TryGetValue(result.GoalId, out var goal) ? goal.Title.In(language) : result.GoalId);
            body.Add(new ColumnSet(
            [
                new Column([new TextBlock(goalTitle) { Size = TextSize.Small }]) { Width = "2" },
                new Column([new TextBlock(result.Mean is { } mean ? Bar(mean) + " " + mean.ToString("0.0", culture) : "–") { Size = TextSize.Small }]) { Width = "3" },
            ])
            { Spacing = Spacing.None });
        }

        foreach (var result in results)
        {
            var goalTitle = Markdown.Escape(goals.TryGetValue(result.GoalId, out var goal) ? goal.Title.In(language) : result.GoalId);
            List<CardElement> items = [new TextBlock(goalTitle) { Weight = TextWeight.Bolder }];
            if (result.Withheld)
            {
                items.Add(new TextBlock(Format(language, texts.TooFewAnswers, threshold)) { IsSubtle = true, Spacing = Spacing.None });
            }
            else
            {
                items.Add(new FactSet(
                [
                    new Fact(texts.Mean, result.Mean!.Value.ToString("0.0", culture)),
                    new Fact(texts.Median, result.Median!.Value.ToString("0.#", culture)),
                    new Fact(texts.Respondents, result.Respondents.ToString(culture)),
                    new Fact(texts.ResponseRate, result.ResponseRate is { } rate ? FormatRate(rate, culture) : "–"),
                    new Fact(texts.Distribution, DistributionText(result.Distribution, culture)),
                ]) { Spacing = Spacing.None });
            }

            body.Add(new Container(items) { Separator = true, Spacing = Spacing.Medium });
        }

        return new AdaptiveCard
        {
            Body = body,
            Lang = language.Code(),
            FallbackText = title,
        };
    }

    /// <summary>The leader's form: which period, and the last day to answer.</summary>
    public static AdaptiveCard OpenForm(IReadOnlyList<RatingPeriod> periods, string periodId, DateOnly lastDay, Language language, string? error = null)
    {
        var texts = RatingTexts.For(language);
        List<CardElement> body = [TextBlock.Heading(texts.FormTitle), new TextBlock(texts.FormIntro)];
        if (error is not null)
        {
            body.Add(new Container([new TextBlock(error) { Color = TextColor.Attention, Weight = TextWeight.Bolder }]) { Style = ContainerStyle.Attention });
        }

        body.Add(new InputChoiceSet([.. periods.Select(period => new Choice(period.Name, period.PeriodId))])
        {
            Id = PeriodField, Label = texts.Period, Value = periodId, Style = "compact", IsRequired = true, ErrorMessage = texts.PeriodInvalid,
        });
        body.Add(new InputDate
        {
            Id = LastDayField, Label = texts.Deadline, Value = lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), IsRequired = true, ErrorMessage = texts.DeadlineInvalid,
        });
        return new AdaptiveCard
        {
            Body = body,
            Actions = [ActionExecute.WithSubmitFallback(texts.Open, OpenVerb) with { Style = "positive" }],
            Lang = language.Code(),
            FallbackText = texts.FormTitle,
        };
    }

    /// <summary>A short card with one sentence, for confirmations in place of a form.</summary>
    public static AdaptiveCard Notice(string heading, string text, Language language) => new()
    {
        Body = [TextBlock.Heading(heading), new TextBlock(text)],
        Lang = language.Code(),
        FallbackText = text,
    };

    internal static string Bar(double mean) =>
        new('█', (int)Math.Round(Math.Clamp(mean, RatingScale.Min, RatingScale.Max) / RatingScale.Max * BarWidth, MidpointRounding.AwayFromZero));

    /// <summary>"5: 1 · 7: 2 · 8: 3": only the values someone chose.</summary>
    internal static string DistributionText(IReadOnlyList<int> distribution, CultureInfo culture) =>
        string.Join(" · ", distribution
            .Select((count, index) => (Value: index + RatingScale.Min, Count: count))
            .Where(entry => entry.Count > 0)
            .Select(entry => string.Create(culture, $"{entry.Value}: {entry.Count}")));

    private static Container GoalInput(RatingGoal goal, int? value, RatingTexts texts, Language language)
    {
        var low = goal.LowAnchor.In(language);
        var high = goal.HighAnchor.In(language);
        var choices = Enumerable.Range(RatingScale.Min, RatingScale.Max - RatingScale.Min + 1)
            .Select(n => new Choice(
                n == RatingScale.Min ? $"{n} – {low}" : n == RatingScale.Max ? $"{n} – {high}" : n.ToString(CultureInfo.InvariantCulture),
                n.ToString(CultureInfo.InvariantCulture)));
        return new Container(
        [
            new TextBlock(Markdown.Escape(goal.Title.In(language))) { Weight = TextWeight.Bolder },
            new TextBlock(Markdown.Escape(goal.Description.In(language))) { IsSubtle = true, Spacing = Spacing.None },
            new TextBlock(Format(language, texts.AnchorLine, Markdown.Escape(low), Markdown.Escape(high))) { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.None },
            new InputChoiceSet([.. choices])
            {
                Id = RatingInput.InputId(goal.GoalId),
                Value = value?.ToString(CultureInfo.InvariantCulture),
                Style = "compact",
                Placeholder = texts.ChoosePlaceholder,
            },
        ])
        { Separator = true, Spacing = Spacing.Medium };
    }

    private static TextBlock Counter(RatingRound round, int respondents, RatingTexts texts, Language language) =>
        new(CounterText(round, respondents, language)) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium };

    /// <summary>"5 av 9 har svarat": all that is shown of a round while it is open.</summary>
    public static string CounterText(RatingRound round, int respondents, Language language)
    {
        var texts = RatingTexts.For(language);
        return round.RosterCount is > 0
            ? Format(language, texts.AnsweredOfRoster, respondents, round.RosterCount.Value)
            : Format(language, texts.Answered, respondents);
    }

    private static CardRefresh RefreshFor(RatingRound round) =>
        new(ActionExecute.WithSubmitFallback(RatingTexts.For(round.Language).Answer, ViewVerb, RoundData(round)), round.RefreshUserIds);

    private static Dictionary<string, object?> RoundData(RatingRound round) => new() { [RoundIdField] = round.RoundId };

    // Swedish writes "75 %", English "75%".
    private static string FormatRate(double rate, CultureInfo culture) =>
        rate.ToString(culture.TwoLetterISOLanguageName == "sv" ? "0 %" : "0%", culture);

    private static string Format(Language language, string format, params object[] arguments) =>
        string.Format(Languages.CultureFor(null, language), format, arguments);
}
