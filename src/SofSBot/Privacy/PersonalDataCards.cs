using System.Globalization;
using SofSBot.BotFramework.Cards;
using SofSBot.Localization;

namespace SofSBot.Privacy;

/// <summary>The cards of "mina data": what is stored, the confirmation before erasing, and the receipt.</summary>
internal static class PersonalDataCards
{
    public const string ShowVerb = "privacy.show";
    public const string AskEraseVerb = "privacy.erase.ask";
    public const string EraseVerb = "privacy.erase.confirm";

    /// <summary>Items shown at most; the rest are counted (a card must stay small).</summary>
    private const int MaxItems = 60;

    public static AdaptiveCard Overview(IReadOnlyList<PersonalDataItem> items, Language language, CultureInfo culture)
    {
        var texts = PersonalDataTexts.For(language);
        List<CardElement> body = [TextBlock.Heading(texts.Title)];
        if (items.Count == 0)
        {
            body.Add(new TextBlock(texts.Nothing));
            return Card(body, null, texts.Title, language);
        }

        body.Add(new TextBlock(texts.Intro));
        foreach (var feature in items.Take(MaxItems).GroupBy(item => item.Feature.In(language)))
        {
            body.Add(new TextBlock(feature.Key) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            body.AddRange(feature.Select(item => new TextBlock(
                "• " + Markdown.Escape(item.Description.In(language)) + (item.StoredAt is { } at ? $" ({at.ToString("d", culture)})" : string.Empty)) { Spacing = Spacing.None }));
        }

        if (items.Count > MaxItems)
        {
            body.Add(TextBlock.Subtle(string.Format(culture, texts.More, items.Count - MaxItems)));
        }

        return Card(body, [ActionExecute.WithSubmitFallback(texts.Erase, AskEraseVerb) with { Style = "destructive" }], texts.Title, language);
    }

    public static AdaptiveCard Confirm(Language language)
    {
        var texts = PersonalDataTexts.For(language);
        return Card(
            [TextBlock.Heading(texts.ConfirmTitle), new TextBlock(texts.ConfirmText)],
            [
                ActionExecute.WithSubmitFallback(texts.ConfirmErase, EraseVerb) with { Style = "destructive" },
                ActionExecute.WithSubmitFallback(texts.Cancel, ShowVerb),
            ],
            texts.ConfirmTitle,
            language);
    }

    public static AdaptiveCard Erased(int count, Language language, CultureInfo culture)
    {
        var texts = PersonalDataTexts.For(language);
        var text = string.Format(culture, texts.Erased, count);
        return Card([TextBlock.Heading(texts.Title), new TextBlock(text) { Color = TextColor.Good }], null, text, language);
    }

    private static AdaptiveCard Card(IReadOnlyList<CardElement> body, IReadOnlyList<CardAction>? actions, string fallback, Language language) => new()
    {
        Body = body,
        Actions = actions,
        Lang = language.Code(),
        FallbackText = fallback,
    };
}
