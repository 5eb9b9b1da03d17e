using System.Globalization;
using SofSBot.BotFramework.Cards;
using SofSBot.BotFramework.Invoke;
using SofSBot.Localization;
using SofSBot.Privacy;

namespace SofSBot.Ratings.Catalogue;

/// <summary>The period form as the coordinator filled it in, with the period's id and version when it edits one.</summary>
internal sealed record PeriodForm(string? PeriodId, string? Version, string Name, string Start, string End)
{
    public const int MaxNameLength = 60;

    public const string PeriodIdField = "periodId";
    public const string VersionField = "version";
    public const string NameField = "name";
    public const string StartField = "startDate";
    public const string EndField = "endDate";

    public static PeriodForm From(VersionedPeriod stored) =>
        new(stored.Period.PeriodId, stored.Version, stored.Period.Name, IsoDate(stored.Period.StartDate), IsoDate(stored.Period.EndDate));

    /// <summary>A new period: the half-year after the last one (or today's), named as the defaults are.</summary>
    public static PeriodForm New(IReadOnlyList<RatingPeriod> periods, DateOnly today)
    {
        var after = periods.Count == 0 ? today : periods.Max(period => period.EndDate).AddDays(1);
        var suggestion = RatingPeriod.DefaultFor(after < today ? today : after);
        var name = RatingPeriod.FreeName(suggestion.Name, suggestion.StartDate, suggestion.EndDate, suggestion.PeriodId, periods);
        return new(null, null, name, IsoDate(suggestion.StartDate), IsoDate(suggestion.EndDate));
    }

    public static PeriodForm Read(AdaptiveCardAction action) => new(
        action.GetDataString(PeriodIdField) is { Length: > 0 } id ? id : null,
        action.GetDataString(VersionField) is { Length: > 0 } version ? version : null,
        GoalForm.Text(action, NameField),
        GoalForm.Text(action, StartField),
        GoalForm.Text(action, EndField));

    /// <summary>The period the form describes, or what is wrong with it against the <paramref name="others"/>.</summary>
    public (RatingPeriod? Period, IReadOnlyList<string> Errors) Parse(string periodId, IEnumerable<RatingPeriod> others, Language language)
    {
        var texts = PeriodTexts.For(language);
        var culture = Languages.CultureFor(null, language);
        var errors = new List<string>();
        // First, as everywhere: the form is shown again without the name (WithoutPersonalNumbers).
        var name = FreeText.Check(Name, MaxNameLength);
        if (name.Problem == FreeTextProblem.PersonalIdentityNumber)
        {
            errors.Add(PrivacyTexts.For(language).PersonalNumberRefused);
        }
        else if (!name.IsAccepted)
        {
            errors.Add(string.Format(culture, texts.NameRequired, MaxNameLength));
        }
        else if (others.Where(other => other.PeriodId != periodId).FirstOrDefault(other => RatingPeriod.NamesClash(other, Name)) is { } sameName)
        {
            errors.Add(string.Format(culture, texts.NameTaken, Markdown.Escape(sameName.Name)));
        }

        if (!TryParseDate(Start, out var start) || !TryParseDate(End, out var end))
        {
            errors.Add(texts.DatesRequired);
            return (null, errors);
        }

        if (start > end)
        {
            errors.Add(texts.StartAfterEnd);
            return (null, errors);
        }

        var period = new RatingPeriod(periodId, Name, start, end);
        if (others.Where(other => other.PeriodId != periodId).FirstOrDefault(period.Overlaps) is { } overlapping)
        {
            errors.Add(string.Format(culture, texts.Overlaps, Markdown.Escape(overlapping.Name), PeriodCards.FormatDates(overlapping, language)));
        }

        return errors.Count == 0 ? (period, errors) : (null, errors);
    }

    /// <summary>The form with a name that holds a personal identity number emptied, so a refused form never shows it again.</summary>
    public PeriodForm WithoutPersonalNumbers() => PersonalIdentityNumbers.ContainsAny(Name) ? this with { Name = string.Empty } : this;

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
