using System.Globalization;
using System.Text.Json;
using SofSBot.BotFramework.Cards;
using SofSBot.BotFramework.Invoke;
using SofSBot.Localization;
using SofSBot.Privacy;

namespace SofSBot.Ratings.Catalogue;

/// <summary>
/// The goal edit form as the coordinator filled it in: every text in both languages and the order,
/// with the goal id and the stored version it was opened at (none for a new goal).
/// </summary>
internal sealed record GoalForm(
    string? GoalId,
    string? Version,
    string TitleSwedish,
    string TitleEnglish,
    string DescriptionSwedish,
    string DescriptionEnglish,
    string LowSwedish,
    string LowEnglish,
    string HighSwedish,
    string HighEnglish,
    string Order)
{
    public const int MaxTitleLength = 120;
    public const int MaxTextLength = 300;

    public const string GoalIdField = "goalId";
    public const string VersionField = "version";
    public const string TitleSwedishField = "titleSv";
    public const string TitleEnglishField = "titleEn";
    public const string DescriptionSwedishField = "descriptionSv";
    public const string DescriptionEnglishField = "descriptionEn";
    public const string LowSwedishField = "lowSv";
    public const string LowEnglishField = "lowEn";
    public const string HighSwedishField = "highSv";
    public const string HighEnglishField = "highEn";
    public const string OrderField = "order";

    /// <summary>The orders a goal of a kind may have, so a round asks organisation goals, then the team's own (100 on), then the overall questions.</summary>
    public static (int Min, int Max) OrderRange(GoalKind kind) => kind == GoalKind.Overall ? (900, 999) : (1, 99);

    public static GoalForm From(CatalogueGoal stored)
    {
        var goal = stored.Goal;
        return new(
            goal.GoalId,
            stored.Version,
            goal.Title.Swedish,
            goal.Title.English,
            goal.Description.Swedish,
            goal.Description.English,
            goal.LowAnchor.Swedish,
            goal.LowAnchor.English,
            goal.HighAnchor.Swedish,
            goal.HighAnchor.English,
            goal.Order.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A new goal: the scale's usual ends filled in, placed after the last organisation goal.</summary>
    public static GoalForm New(IReadOnlyList<CatalogueGoal> catalogue)
    {
        var (min, max) = OrderRange(GoalKind.Organisation);
        var order = Math.Clamp(catalogue.Where(goal => goal.Goal.Kind == GoalKind.Organisation).Select(goal => goal.Goal.Order + 1).DefaultIfEmpty(min).Max(), min, max);
        var usual = GoalCatalogue.Seed.First(goal => goal.Kind == GoalKind.Organisation);
        return new(
            null, null, string.Empty, string.Empty, string.Empty, string.Empty,
            usual.LowAnchor.Swedish, usual.LowAnchor.English, usual.HighAnchor.Swedish, usual.HighAnchor.English,
            order.ToString(CultureInfo.InvariantCulture));
    }

    public static GoalForm Read(AdaptiveCardAction action) => new(
        NullIfEmpty(action.GetDataString(GoalIdField)),
        NullIfEmpty(action.GetDataString(VersionField)),
        Text(action, TitleSwedishField),
        Text(action, TitleEnglishField),
        Text(action, DescriptionSwedishField),
        Text(action, DescriptionEnglishField),
        Text(action, LowSwedishField),
        Text(action, LowEnglishField),
        Text(action, HighSwedishField),
        Text(action, HighEnglishField),
        Text(action, OrderField));

    /// <summary>What is wrong with the form for a goal of <paramref name="kind"/>; empty when it can be saved.</summary>
    public IReadOnlyList<string> Validate(GoalKind kind, IEnumerable<RatingGoal> others, Language language)
    {
        var texts = GoalCatalogueTexts.For(language);
        var culture = Languages.CultureFor(null, language);
        var errors = new List<string>();

        // First, as everywhere: the form is shown again without the text that holds the number (WithoutPersonalNumbers).
        var checks = Fields(texts).Select(field => (field.Label, field.Max, Check: FreeText.Check(field.Value, field.Max))).ToList();
        if (checks.Any(field => field.Check.Problem == FreeTextProblem.PersonalIdentityNumber))
        {
            errors.Add(PrivacyTexts.For(language).PersonalNumberRefused);
        }

        if (TitleSwedish.Length == 0 || TitleEnglish.Length == 0)
        {
            errors.Add(texts.TitleRequired);
        }

        if (LowSwedish.Length == 0 || LowEnglish.Length == 0 || HighSwedish.Length == 0 || HighEnglish.Length == 0)
        {
            errors.Add(texts.AnchorsRequired);
        }

        foreach (var (label, max, _) in checks.Where(field => field.Check.Problem == FreeTextProblem.TooLong))
        {
            errors.Add(string.Format(culture, texts.TooLong, label, max));
        }

        var (min, maxOrder) = OrderRange(kind);
        if (!int.TryParse(Order, NumberStyles.Integer, CultureInfo.InvariantCulture, out var order) || order < min || order > maxOrder)
        {
            errors.Add(string.Format(culture, texts.OrderRange, min, maxOrder));
        }

        var taken = others.FirstOrDefault(goal =>
            string.Equals(goal.Title.Swedish, TitleSwedish, StringComparison.OrdinalIgnoreCase)
            || string.Equals(goal.Title.English, TitleEnglish, StringComparison.OrdinalIgnoreCase));
        if (taken is not null && TitleSwedish.Length > 0)
        {
            errors.Add(string.Format(culture, texts.TitleTaken, Markdown.Escape(taken.Title.In(language))));
        }

        return errors;
    }

    /// <summary>The form with every text that holds a personal identity number emptied, so a refused form never shows it again.</summary>
    public GoalForm WithoutPersonalNumbers() => this with
    {
        TitleSwedish = Clean(TitleSwedish),
        TitleEnglish = Clean(TitleEnglish),
        DescriptionSwedish = Clean(DescriptionSwedish),
        DescriptionEnglish = Clean(DescriptionEnglish),
        LowSwedish = Clean(LowSwedish),
        LowEnglish = Clean(LowEnglish),
        HighSwedish = Clean(HighSwedish),
        HighEnglish = Clean(HighEnglish),
    };

    /// <summary>The goal the form describes; call after <see cref="Validate"/> found nothing wrong.</summary>
    public RatingGoal ToGoal(string goalId, GoalKind kind) => new(
        goalId,
        kind,
        new(TitleSwedish, TitleEnglish),
        new(DescriptionSwedish, DescriptionEnglish),
        new(LowSwedish, LowEnglish),
        new(HighSwedish, HighEnglish),
        int.Parse(Order, NumberStyles.Integer, CultureInfo.InvariantCulture));

    private IEnumerable<(string Label, string Value, int Max)> Fields(GoalCatalogueTexts texts) =>
    [
        (texts.TitleSwedish, TitleSwedish, MaxTitleLength),
        (texts.TitleEnglish, TitleEnglish, MaxTitleLength),
        (texts.DescriptionSwedish, DescriptionSwedish, MaxTextLength),
        (texts.DescriptionEnglish, DescriptionEnglish, MaxTextLength),
        (texts.LowSwedish, LowSwedish, MaxTextLength),
        (texts.LowEnglish, LowEnglish, MaxTextLength),
        (texts.HighSwedish, HighSwedish, MaxTextLength),
        (texts.HighEnglish, HighEnglish, MaxTextLength),
    ];

    /// <summary>An input's value, trimmed; Input.Number may arrive as a JSON number.</summary>
    internal static string Text(AdaptiveCardAction action, string field) =>
        action.Data.ValueKind == JsonValueKind.Object && action.Data.TryGetProperty(field, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!.Trim(),
                JsonValueKind.Number => value.GetRawText(),
                _ => string.Empty,
            }
            : string.Empty;

    private static string Clean(string text) => PersonalIdentityNumbers.ContainsAny(text) ? string.Empty : text;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
