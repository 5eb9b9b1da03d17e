using System.Globalization;
using SofSBot.BotFramework.Cards;
using SofSBot.Localization;
using SofSBot.Ratings.Disclosure;

namespace SofSBot.Export;

/// <summary>The card a coordinator gets in personal chat the day after a rating period ends.</summary>
internal static class PeriodEndReminderCards
{
    /// <summary>The verb of the card's button: shows the export card (see <see cref="ShowExportFormAction"/>).</summary>
    public const string ShowExportVerb = "export.form";

    /// <summary>Team rows and names shown at most: a card stays within Teams' size limit with 300 teams.</summary>
    public const int MaxTeamsShown = 40;

    public static AdaptiveCard Create(PeriodResponses responses, Language language)
    {
        var texts = PeriodEndReminderTexts.For(language);
        var culture = Languages.CultureFor(null, language);
        var title = string.Format(culture, texts.Title, Markdown.Escape(responses.Period.Name));
        List<CardElement> body = [TextBlock.Heading(title)];

        if (responses.TeamCount == 0)
        {
            body.Add(new TextBlock(texts.NoTeams));
        }
        else
        {
            if (responses.Answered.Count > 0)
            {
                body.Add(new TextBlock(texts.Intro));
                body.Add(new FactSet([.. responses.Answered.Take(MaxTeamsShown).Select(team => new Fact(Markdown.Escape(team.Team.Name), Figures(team, responses.Threshold, texts, culture)))]));
                if (responses.Answered.Count > MaxTeamsShown)
                {
                    body.Add(TextBlock.Subtle(string.Format(culture, texts.MoreTeams, responses.Answered.Count - MaxTeamsShown)));
                }
            }

            if (responses.WithoutAnswers.Count > 0)
            {
                body.Add(new TextBlock(string.Format(culture, texts.WithoutAnswersHeading, responses.WithoutAnswers.Count))
                {
                    Weight = TextWeight.Bolder,
                    Spacing = Spacing.Medium,
                });
                body.Add(new TextBlock(string.Join(", ", responses.WithoutAnswers.Take(MaxTeamsShown).Select(team => Markdown.Escape(team.Name)))));
                if (responses.WithoutAnswers.Count > MaxTeamsShown)
                {
                    body.Add(TextBlock.Subtle(string.Format(culture, texts.MoreTeams, responses.WithoutAnswers.Count - MaxTeamsShown)));
                }
            }
            else
            {
                body.Add(new TextBlock(texts.AllAnswered) { Spacing = Spacing.Medium });
            }

            body.Add(new TextBlock(Totals(responses, texts, culture)) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        }

        body.Add(new TextBlock(texts.ExportHint) { Spacing = Spacing.Medium });
        return new AdaptiveCard
        {
            Lang = language.Code(),
            Body = body,

            // A plain Action.Submit: the export card comes as a new message and this one keeps its figures
            // (an Action.Execute would replace it).
            Actions = [new ActionSubmit { Title = texts.OpenExport, Data = new Dictionary<string, object?> { ["verb"] = ShowExportVerb } }],
            FallbackText = title,
        };
    }

    private static string Figures(TeamResponse team, int threshold, PeriodEndReminderTexts texts, CultureInfo culture) =>
        !StatisticalDisclosure.ShowsCount(team.Suppression)
            ? team.RosterSize is { } members
                ? string.Format(culture, texts.TeamFiguresTooFew, threshold, members)
                : string.Format(culture, texts.TeamFiguresTooFewWithoutRoster, threshold)
        : team.RosterSize is { } roster && team.Rate is { } rate
            ? string.Format(culture, texts.TeamFigures, team.Respondents, roster, FormatRate(rate, culture))
            : string.Format(culture, texts.TeamFiguresWithoutRoster, team.Respondents);

    // As the rating cards write it, the same on every ICU: Swedish "75 %", English "75%".
    private static string FormatRate(double rate, CultureInfo culture) =>
        rate.ToString(culture.TwoLetterISOLanguageName == "sv" ? "0 %" : "0%", culture);

    private static string Totals(PeriodResponses responses, PeriodEndReminderTexts texts, CultureInfo culture) =>
        responses.TotalWithheld
            ? string.Format(culture, texts.TotalsWithheld, responses.Answered.Count, responses.TeamCount, responses.Threshold)
        : responses.RosterSize is { } roster && responses.Rate is { } rate
            ? string.Format(culture, texts.Totals, responses.RespondentsWithRoster, roster, FormatRate(rate, culture), responses.Answered.Count, responses.TeamCount)
            : string.Format(culture, texts.TotalsWithoutRoster, responses.Respondents, responses.Answered.Count, responses.TeamCount);
}
