using System.Globalization;
using SofSBot.BotFramework.Cards;
using SofSBot.Localization;

namespace SofSBot.Routines.Highlights;

/// <summary>
/// The highlights card. The shared view (what the channel shows) lists the week's highlights with
/// names and a count, in the schedule's language, and lets anyone add theirs. A member with a
/// highlight gets a personal view through refresh: their text to change or remove.
/// </summary>
internal static class HighlightsCard
{
    public const string SaveVerb = "highlights.save";
    public const string RemoveVerb = "highlights.remove";
    public const string RefreshVerb = "highlights.refresh";

    /// <summary>Teams refreshes a card automatically for at most 60 listed users.</summary>
    public const int MaxRefreshUsers = 60;

    public static AdaptiveCard Shared(HighlightsBoard board, HighlightsMeeting meeting) =>
        Render(board, meeting, meeting.Language, Languages.CultureFor(null, meeting.Language), viewer: null);

    public static AdaptiveCard Personal(HighlightsBoard board, HighlightsMeeting meeting, HighlightsViewer viewer) =>
        Render(board, meeting, viewer.Language, viewer.Culture, viewer);

    private static AdaptiveCard Render(HighlightsBoard board, HighlightsMeeting meeting, Language language, CultureInfo culture, HighlightsViewer? viewer)
    {
        var texts = HighlightsTexts.For(language);
        var title = texts.Title(board.Week.Week);
        var when = meeting.MeetingDate.ToString("dddd d MMMM yyyy", culture) + " " + meeting.MeetingTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        var data = HighlightsCardData.For(meeting.MeetingId, board.Week);

        List<CardElement> body =
        [
            TextBlock.Heading(title),
            new TextBlock($"{RoutineTexts.For(language).Meeting} {when}") { IsSubtle = true, Spacing = Spacing.None },
            new TextBlock(texts.Prompt) { Spacing = Spacing.Small },
        ];
        if (board.Highlights.Count == 0)
        {
            body.Add(new TextBlock(texts.NoneYet) { IsSubtle = true });
        }
        else
        {
            body.AddRange(board.Highlights.Select(highlight => new Container(
            [
                new TextBlock($"**{Markdown.Escape(NameOf(highlight, texts))}**"),
                new TextBlock(Markdown.Escape(highlight.Text)) { Spacing = Spacing.None },
            ])
            { Separator = true, Spacing = Spacing.Medium }));
            body.Add(new TextBlock(texts.Count(board.Highlights.Count)) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
        }

        if (viewer?.Notice is { } notice)
        {
            body.Add(new TextBlock(notice.Text) { Color = notice.IsError ? TextColor.Attention : TextColor.Good, Spacing = Spacing.Medium });
        }

        var own = viewer is null ? null : board.FindHighlight(viewer.UserId);
        body.Add(new InputText
        {
            Id = HighlightsCardData.TextField,
            Label = own is null ? null : texts.YourHighlight,
            Placeholder = texts.Placeholder,
            Value = viewer?.InputValue ?? own?.Text,
            IsMultiline = true,
            MaxLength = HighlightText.MaxLength,
            Spacing = Spacing.Medium,
        });
        body.Add(new ActionSet(own is null
            ? [ActionExecute.WithSubmitFallback(texts.Add, SaveVerb, data) with { Style = "positive" }]
            :
            [
                ActionExecute.WithSubmitFallback(texts.SaveChange, SaveVerb, data) with { Style = "positive" },
                // Removing needs no text: the input is not sent, so it is neither checked nor logged anywhere.
                ActionExecute.WithSubmitFallback(texts.Remove, RemoveVerb, data) with { Style = "destructive", AssociatedInputs = "none" },
            ]));

        var owners = board.Highlights.Select(highlight => highlight.UserId).Take(MaxRefreshUsers).ToList();
        return new AdaptiveCard
        {
            Body = body,
            // A refresh is fetched by Teams, never shown as a button, so it needs no Action.Submit fallback.
            Refresh = owners.Count == 0 ? null : new CardRefresh(new ActionExecute(RefreshVerb) { Data = data }, owners),
            Lang = language.Code(),
            FallbackText = $"{title} · {texts.Count(board.Highlights.Count)}",
        };
    }

    private static string NameOf(Highlight highlight, HighlightsTexts texts) =>
        string.IsNullOrWhiteSpace(highlight.UserName) ? texts.SomeoneInTheTeam : highlight.UserName;
}
