using System.Globalization;
using SofSBot.BotFramework.Cards;
using SofSBot.Localization;
using SofSBot.Routines.Highlights;

namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>
/// The appreciative-inquiry card: who tells the story (a proposed highlight or a volunteer), the
/// week's questions, and the team's note. The shared view is what the channel shows; a personal
/// view adds what only the viewer needs (a notice, their own replaced note, no "I volunteer" for
/// the one already telling the story).
/// </summary>
internal static class InquiryCards
{
    public const string VolunteerVerb = "inquiry.volunteer";
    public const string SuggestVerb = "inquiry.suggest";
    public const string SaveNoteVerb = "inquiry.note";
    public const string RefreshVerb = "inquiry.refresh";
    public const string NoteInputId = "note";

    // Teams refreshes the card for at most 60 listed users.
    private const int MaxRefreshUsers = 60;

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById(Scheduling.ScheduleForm.DefaultTimeZone);

    public static AdaptiveCard Shared(InquiryBoard board, IReadOnlyList<Highlight> highlights) =>
        Render(board, highlights, board.Language, viewerId: null, notice: null, noteDraft: null);

    /// <param name="noteDraft">What the note input holds; null shows the stored note.</param>
    public static AdaptiveCard Personal(
        InquiryBoard board, IReadOnlyList<Highlight> highlights, Language language, string viewerId, CardNotice? notice = null, string? noteDraft = null) =>
        Render(board, highlights, language, viewerId, notice, noteDraft);

    private static AdaptiveCard Render(
        InquiryBoard board, IReadOnlyList<Highlight> highlights, Language language, string? viewerId, CardNotice? notice, string? noteDraft)
    {
        var texts = InquiryTexts.For(language);
        var routines = RoutineTexts.For(language);
        var culture = Languages.CultureFor(null, language);
        var week = ISOWeek.GetWeekOfYear(board.MeetingDate.ToDateTime(TimeOnly.MinValue));
        var title = $"{routines.AppreciativeInquiry} – {routines.Week.ToLower(culture)} {week}";
        var meetingData = new Dictionary<string, object?> { ["meetingId"] = board.MeetingId };

        List<CardElement> body =
        [
            TextBlock.Heading(title),
            new TextBlock($"{routines.Meeting} {board.MeetingDate.ToString("dddd d MMMM yyyy", culture)} {board.MeetingTime.ToString("HH:mm", CultureInfo.InvariantCulture)}")
            {
                IsSubtle = true, Spacing = Spacing.None,
            },
        ];
        if (notice is not null)
        {
            body.Add(new TextBlock(notice.Text) { Color = notice.IsError ? TextColor.Attention : TextColor.Good, Weight = TextWeight.Bolder });
        }

        body.Add(WhoTellsTheStory(board, highlights, texts, viewerId, meetingData));
        body.Add(new Container(
        [
            new TextBlock(texts.QuestionsTitle) { Weight = TextWeight.Bolder },
            .. board.Questions.Select((question, index) =>
                new TextBlock($"{(index + 1).ToString(CultureInfo.InvariantCulture)}. {question.TextIn(language)}") { Spacing = Spacing.Small }),
        ])
        { Separator = true, Spacing = Spacing.Medium });
        body.Add(TheNote(board, texts, language, culture, viewerId, noteDraft, meetingData));

        return new AdaptiveCard
        {
            Body = body,
            Refresh = RefreshFor(board, meetingData),
            Lang = language.Code(),
            FallbackText = title,
        };
    }

    private static Container WhoTellsTheStory(
        InquiryBoard board, IReadOnlyList<Highlight> highlights, InquiryTexts texts, string? viewerId, Dictionary<string, object?> meetingData)
    {
        List<CardElement> items = [new TextBlock(texts.WhoTitle) { Weight = TextWeight.Bolder }];
        var interviewee = board.Interviewee;
        var viewerTellsIt = interviewee is not null && viewerId is not null && string.Equals(interviewee.UserId, viewerId, StringComparison.Ordinal);
        if (interviewee is null)
        {
            items.Add(new TextBlock(highlights.Count == 0 ? texts.NoHighlights : texts.NoOtherHighlight));
        }
        else if (interviewee.Volunteered)
        {
            items.Add(new TextBlock(string.Format(CultureInfo.InvariantCulture, texts.Volunteers, Markdown.Escape(interviewee.UserName))));
        }
        else
        {
            items.Add(new TextBlock(string.Format(CultureInfo.InvariantCulture, texts.Suggested, Markdown.Escape(interviewee.UserName))));
            if (highlights.FirstOrDefault(interviewee.IsFor) is { } highlight)
            {
                items.Add(new TextBlock($"”{Markdown.Escape(highlight.Text)}”") { Spacing = Spacing.Small });
            }
        }

        if (viewerTellsIt)
        {
            items.Add(new TextBlock(texts.YouTellTheStory) { Color = TextColor.Good });
        }

        var roundData = new Dictionary<string, object?>(meetingData) { ["round"] = board.ProposalRound };
        List<CardAction> actions = [];
        if (!viewerTellsIt)
        {
            actions.Add(ActionExecute.WithSubmitFallback(texts.Volunteer, VolunteerVerb, roundData) with { Style = "positive" });
        }

        var suggestTitle = interviewee is { Volunteered: false } ? texts.SuggestAnother : texts.SuggestHighlight;
        actions.Add(ActionExecute.WithSubmitFallback(suggestTitle, SuggestVerb, roundData));
        items.Add(new ActionSet(actions));
        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }

    private static Container TheNote(
        InquiryBoard board, InquiryTexts texts, Language language, CultureInfo culture, string? viewerId, string? noteDraft, Dictionary<string, object?> meetingData)
    {
        List<CardElement> items = [new TextBlock(texts.NoteTitle) { Weight = TextWeight.Bolder }];
        if (board.Note is { } note)
        {
            items.Add(new TextBlock(Markdown.Escape(note.Text)));
            var savedAt = TimeZoneInfo.ConvertTime(note.SavedAt, Stockholm).ToString("d MMM HH:mm", culture);
            items.Add(TextBlock.Subtle(string.Format(culture, texts.NoteSavedBy, string.IsNullOrWhiteSpace(note.AuthorName) ? texts.NoteAuthorErased : Markdown.Escape(note.AuthorName), savedAt, note.Version)) with { Spacing = Spacing.None });
        }
        else
        {
            items.Add(new TextBlock(texts.NoNoteYet) { IsSubtle = true });
        }

        if (viewerId is not null && board.Notes.LastOrDefault(n => string.Equals(n.AuthorId, viewerId, StringComparison.Ordinal)) is { } own
            && own.Version != board.Note!.Version && own.Text != board.Note.Text)
        {
            items.Add(TextBlock.Subtle(texts.YourReplacedVersion));
            items.Add(new TextBlock(Markdown.Escape(own.Text)) { IsSubtle = true, Spacing = Spacing.None });
        }

        items.Add(new InputText
        {
            Id = NoteInputId,
            Label = texts.NoteLabel,
            Placeholder = texts.NotePlaceholder,
            Value = noteDraft ?? board.Note?.Text,
            IsMultiline = true,
            MaxLength = LearningNote.MaxLength,
        });
        items.Add(TextBlock.Subtle(SofsIntroTexts.For(language).NoClientData));
        var noteData = new Dictionary<string, object?>(meetingData) { ["basedOn"] = board.Note?.Version ?? 0 };
        items.Add(new ActionSet([ActionExecute.WithSubmitFallback(texts.SaveNote, SaveNoteVerb, noteData)]));
        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }

    /// <summary>Who sees a view of their own: the one telling the story and everyone who wrote the note.</summary>
    private static CardRefresh? RefreshFor(InquiryBoard board, Dictionary<string, object?> meetingData)
    {
        var userIds = new[] { board.Interviewee?.UserId }
            .Concat(board.Notes.Select(note => note.AuthorId).Reverse())
            .OfType<string>()
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxRefreshUsers)
            .ToList();
        return userIds.Count == 0 ? null : new CardRefresh(new ActionExecute(RefreshVerb) { Data = meetingData }, userIds);
    }
}
