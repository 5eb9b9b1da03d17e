using System.Globalization;
using System.Text.Json;
using SofSBot.BotFramework.Cards;
using SofSBot.CardActions;
using SofSBot.Privacy;
using SofSBot.Routines.Highlights;

namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>
/// What members do on the appreciative-inquiry card: volunteer, ask for another highlight, save the
/// team's note, and see their own view. Every change is for the team the action came from (the
/// board's key holds that team, so a meeting id from another team finds nothing) and is written for
/// the acting user only; after it the channel's card is replaced with the shared view.
/// </summary>
internal sealed partial class InquiryCardActions(
    ILearningLog log,
    IWeekHighlights weekHighlights,
    SharedCardUpdater sharedCard,
    RoutineCardLocations cards,
    TimeProvider time,
    ILogger<InquiryCardActions> logger)
{
    // One method per button; the route admits members in the team and binds the card's meeting.

    public Task<CardActionResult> VolunteerAsync(CardActionContext context, InquiryCardData data, CancellationToken cancellationToken) =>
        ActAsync(context, data, (board, highlights, texts) => VolunteerAsync(context, board, texts, cancellationToken), cancellationToken);

    public Task<CardActionResult> SuggestAsync(CardActionContext context, InquiryCardData data, CancellationToken cancellationToken) =>
        ActAsync(context, data, (board, highlights, texts) => SuggestAsync(context, board, highlights, texts, cancellationToken), cancellationToken);

    public Task<CardActionResult> SaveNoteAsync(CardActionContext context, InquiryCardData data, CancellationToken cancellationToken) =>
        ActAsync(context, data, (board, highlights, texts) => SaveNoteAsync(context, board, texts, cancellationToken), cancellationToken);

    /// <summary>The card's refresh: the member's own view.</summary>
    public Task<CardActionResult> ShowAsync(CardActionContext context, InquiryCardData data, CancellationToken cancellationToken) =>
        ActAsync(context, data, (board, highlights, texts) => Task.FromResult(new Outcome(board, Notice: null, Changed: false)), cancellationToken);

    /// <summary>Loads the team's board of the card's meeting, lets the button act on it, and answers.</summary>
    private async Task<CardActionResult> ActAsync(
        CardActionContext context,
        InquiryCardData data,
        Func<InquiryBoard, IReadOnlyList<Highlight>, InquiryTexts, Task<Outcome>> act,
        CancellationToken cancellationToken)
    {
        var texts = InquiryTexts.For(context.Language);
        var teamId = context.TeamId!;
        var meetingId = data.MeetingId;
        if (await log.GetAsync(teamId, meetingId, cancellationToken) is not { } board)
        {
            return CardActionResult.Refuse(CardActionErrors.InvalidInput, texts.NotFound);
        }

        var highlights = await weekHighlights.OfMeetingWeekAsync(teamId, board.MeetingDate, cancellationToken);
        var outcome = await act(board, highlights, texts);
        if (outcome.Board is null)
        {
            return CardActionResult.Refuse(CardActionErrors.InvalidInput, texts.NotFound);
        }

        if (outcome.Changed)
        {
            await sharedCard.UpdateAsync(
                context.Turn,
                await cards.FindAsync(teamId, meetingId, cancellationToken),
                token => RenderSharedAsync(teamId, meetingId, token),
                token => log.GetVersionAsync(teamId, meetingId, token),
                cancellationToken);
        }

        if (!context.IsInvoke && outcome.Notice is { } notice)
        {
            // Action.Submit from an older client: a card here would be posted as a new message.
            return CardActionResult.ShowMessage(notice.Text);
        }

        return CardActionResult.ShowCard(
            InquiryCards.Personal(outcome.Board, highlights, context.Language, context.UserId, outcome.Notice, outcome.NoteDraft));
    }

    private Task<Outcome> VolunteerAsync(CardActionContext context, InquiryBoard board, InquiryTexts texts, CancellationToken cancellationToken) =>
        log.ChangeAsync(board.TeamId, board.MeetingId, current =>
        {
            if (current is null)
            {
                return BoardChange<Outcome>.Nothing(new Outcome(null, null, false));
            }

            var done = CardNotice.Done(texts.VolunteerSaved);
            if (current.Interviewee is { Volunteered: true } volunteer)
            {
                return BoardChange<Outcome>.Nothing(string.Equals(volunteer.UserId, context.UserId, StringComparison.Ordinal)
                    ? new Outcome(current, done, false)
                    : new Outcome(current, CardNotice.Refused(string.Format(CultureInfo.InvariantCulture, texts.AlreadyVolunteered, Markdown.Escape(volunteer.UserName))), false));
            }

            var changed = current with
            {
                Interviewee = new Interviewee(context.UserId, context.UserName, HighlightAddedAt: null),
                ProposalRound = current.ProposalRound + 1,
            };
            return new BoardChange<Outcome>(changed, null, new Outcome(changed, done, true));
        }, cancellationToken);

    private async Task<Outcome> SuggestAsync(
        CardActionContext context, InquiryBoard board, IReadOnlyList<Highlight> highlights, InquiryTexts texts, CancellationToken cancellationToken)
    {
        var previous = await log.PreviousIntervieweeAsync(board.TeamId, board.MeetingDate, cancellationToken);
        var shownRound = DataInt(context, "round");
        return await log.ChangeAsync(board.TeamId, board.MeetingId, current =>
        {
            if (current is null)
            {
                return BoardChange<Outcome>.Nothing(new Outcome(null, null, false));
            }

            // The card the user pressed on is older than the board: someone switched already (or this
            // is Teams repeating the invoke), so switching again would skip a highlight.
            if (shownRound != current.ProposalRound)
            {
                return BoardChange<Outcome>.Nothing(new Outcome(current, CardNotice.Done(texts.ChangedMeanwhile), false));
            }

            var next = HighlightProposal.Next(highlights, current.Interviewee, previous);
            var interviewee = next is null ? null : Interviewee.ProposedFor(next);
            if (interviewee == current.Interviewee)
            {
                return BoardChange<Outcome>.Nothing(new Outcome(current, null, false));
            }

            var changed = current with { Interviewee = interviewee, ProposalRound = current.ProposalRound + 1 };
            return new BoardChange<Outcome>(changed, null, new Outcome(changed, CardNotice.Done(texts.SuggestionChanged), true));
        }, cancellationToken);
    }

    private async Task<Outcome> SaveNoteAsync(CardActionContext context, InquiryBoard board, InquiryTexts texts, CancellationToken cancellationToken)
    {
        var check = FreeText.Check(context.Action.GetDataString(InquiryCards.NoteInputId), LearningNote.MaxLength);
        switch (check.Problem)
        {
            case FreeTextProblem.PersonalIdentityNumber:
                LogRefusedPersonalNumber(board.TeamId, board.MeetingId);
                return new Outcome(board, CardNotice.Refused(PrivacyTexts.For(context.Language).PersonalNumberRefused), false, NoteDraft: string.Empty);
            case FreeTextProblem.Empty:
                return new Outcome(board, CardNotice.Refused(texts.NoteEmpty), false, NoteDraft: string.Empty);
            case FreeTextProblem.TooLong:
                var tooLong = string.Format(CultureInfo.InvariantCulture, texts.NoteTooLong, check.Text.Length);
                return new Outcome(board, CardNotice.Refused(tooLong), false, NoteDraft: check.Draft);
        }

        var text = check.Text;
        var basedOn = DataInt(context, "basedOn") ?? 0;
        var now = time.GetUtcNow();
        var outcome = await log.ChangeAsync(board.TeamId, board.MeetingId, current =>
        {
            if (current is null)
            {
                return BoardChange<Outcome>.Nothing(new Outcome(null, null, false));
            }

            var latest = current.Note;
            if (latest?.Text == text)
            {
                // Saved already, by this press (Teams repeats invokes) or by someone else.
                return BoardChange<Outcome>.Nothing(new Outcome(current, CardNotice.Done(texts.NoteUnchanged), false));
            }

            var note = new LearningNote((latest?.Version ?? 0) + 1, text, context.UserId, context.UserName, now);
            var savedOverOther = latest is not null && latest.Version > basedOn && !string.Equals(latest.AuthorId, context.UserId, StringComparison.Ordinal);
            var notice = savedOverOther
                ? string.Format(CultureInfo.InvariantCulture, texts.NoteSavedOverOther, Markdown.Escape(latest!.AuthorName))
                : texts.NoteSaved;
            var changed = current with { Notes = [.. current.Notes, note] };
            return new BoardChange<Outcome>(null, note, new Outcome(changed, CardNotice.Done(notice), true));
        }, cancellationToken);
        if (outcome.Changed)
        {
            LogNoteSaved(board.TeamId, board.MeetingId, outcome.Board!.Note!.Version);
        }

        return outcome;
    }

    private async Task<SharedCard> RenderSharedAsync(string teamId, string meetingId, CancellationToken cancellationToken)
    {
        var board = await log.GetAsync(teamId, meetingId, cancellationToken)
            ?? throw new InvalidOperationException($"The board of meeting {meetingId} disappeared.");
        var highlights = await weekHighlights.OfMeetingWeekAsync(teamId, board.MeetingDate, cancellationToken);
        return new SharedCard(InquiryCards.Shared(board, highlights), board.Version);
    }

    /// <summary>A whole number from the action's data, sent as a number or (by Action.Submit) as text.</summary>
    private static int? DataInt(CardActionContext context, string name)
    {
        var data = context.Action.Data;
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    /// <param name="Board">The board to show the acting user; null when it no longer exists.</param>
    /// <param name="NoteDraft">What the note input shows instead of the stored note (emptied after a refusal).</param>
    private sealed record Outcome(InquiryBoard? Board, CardNotice? Notice, bool Changed, string? NoteDraft = null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a learning note in team {TeamId}, meeting {MeetingId}: it looked like a personal identity number")]
    private partial void LogRefusedPersonalNumber(string teamId, string meetingId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved version {Version} of the learning note in team {TeamId}, meeting {MeetingId}")]
    private partial void LogNoteSaved(string teamId, string meetingId, int version);
}
