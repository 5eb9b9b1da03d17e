using System.Globalization;
using Microsoft.Extensions.Options;
using SofSBot.CardActions;
using SofSBot.Localization;
using SofSBot.Privacy;

namespace SofSBot.Routines.CaseSupervision;

/// <summary>
/// What a member does on a case-supervision card: book a slot (with an optional question), cancel
/// their own booking, or see their own view. Every change is for the acting user in the team the
/// action came from; the card in the channel is then replaced with the shared view.
/// </summary>
internal sealed partial class CaseSupervisionActions(
    ICaseSupervisionStore store,
    TeamRoster roster,
    SharedCardUpdater sharedCards,
    RoutineCardLocations cards,
    IOptions<CaseSupervisionOptions> options,
    ILogger<CaseSupervisionActions> logger)
{
    public async Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = CaseSupervisionTexts.For(context.Language);
        if (context.TeamId is not { Length: > 0 } teamId || string.IsNullOrEmpty(context.UserId))
        {
            return CardActionResult.Refuse(CardActionErrors.InvalidInput, texts.OnlyInTeam);
        }

        // The meeting is looked up under the team from the activity, never one from the card's data:
        // a meeting id of another team finds nothing here.
        var meetingId = context.Action.GetDataString("meetingId");
        var meetingDateText = context.Action.GetDataString("meetingDate");
        if (meetingId is null
            || !DateOnly.TryParseExact(meetingDateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var meetingDate))
        {
            return CardActionResult.Refuse(CardActionErrors.InvalidInput, texts.MeetingNotFound);
        }

        var target = new MeetingRef(teamId, meetingId, meetingDate);
        return context.Action.Verb switch
        {
            CaseSupervisionCard.BookVerb => await BookAsync(context, target, texts, cancellationToken),
            CaseSupervisionCard.CancelVerb => await CancelAsync(context, target, texts, cancellationToken),
            _ => await PersonalAsync(context, target, new PersonalView(context.UserId), cancellationToken),
        };
    }

    private async Task<CardActionResult> BookAsync(CardActionContext context, MeetingRef meeting, CaseSupervisionTexts texts, CancellationToken cancellationToken)
    {
        // The question is optional: an empty one books without.
        var check = FreeText.Check(context.Action.GetDataString(CaseSupervisionCard.QuestionInputId), CaseSupervisionCard.MaxQuestionLength);
        if (check.Problem == FreeTextProblem.PersonalIdentityNumber)
        {
            // Never stored, never logged, never shown back: the box comes back empty.
            LogPersonalNumberRefused(meeting.TeamId, meeting.MeetingId);
            var refused = PrivacyTexts.For(context.Language).PersonalNumberRefused;
            return await PersonalAsync(context, meeting, new PersonalView(context.UserId, refused, NoticeIsProblem: true, QuestionInput: string.Empty), cancellationToken);
        }

        if (check.Problem == FreeTextProblem.TooLong)
        {
            var tooLong = string.Format(context.Culture, texts.QuestionTooLong, CaseSupervisionCard.MaxQuestionLength);
            return await PersonalAsync(context, meeting, new PersonalView(context.UserId, tooLong, NoticeIsProblem: true, QuestionInput: check.Draft), cancellationToken);
        }

        var question = check.IsAccepted ? check.Text : null;
        var outcome = await store.BookAsync(
            meeting.TeamId, meeting.MeetingDate, meeting.MeetingId, context.UserId, await NameOfAsync(context, meeting.TeamId, cancellationToken), question, cancellationToken);
        LogBooking(meeting.TeamId, meeting.MeetingId, outcome);
        if (outcome is BookingOutcome.Booked or BookingOutcome.QuestionChanged)
        {
            await UpdateSharedCardAsync(context, meeting, cancellationToken);
        }

        var board = await store.ReadAsync(meeting.TeamId, HalfYear.Of(meeting.MeetingDate), cancellationToken);
        var slot = board.SlotOf(meeting.MeetingId, context.UserId) ?? 0;
        var slots = board.Meeting(meeting.MeetingId)?.Slots ?? 0;
        var (notice, isProblem) = outcome switch
        {
            BookingOutcome.Booked => (string.Format(context.Culture, texts.Booked, slot), false),
            BookingOutcome.QuestionChanged => (string.Format(context.Culture, texts.QuestionChanged, slot), false),
            BookingOutcome.AlreadyBooked => (string.Format(context.Culture, texts.AlreadyBooked, slot), false),
            BookingOutcome.Full => (string.Format(context.Culture, texts.Full, slots), true),
            _ => (texts.MeetingNotFound, true),
        };
        return await PersonalAsync(context, meeting, new PersonalView(context.UserId, notice, isProblem), cancellationToken, board);
    }

    /// <summary>The acting member's name as Teams sent it, or from the roster when the action carried none.</summary>
    private async Task<string> NameOfAsync(CardActionContext context, string teamId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(context.UserName))
        {
            return context.UserName;
        }

        var members = await roster.GetAsync(context.Turn.ServiceUrl, teamId, cancellationToken);
        return members?.FirstOrDefault(member => string.Equals(member.UserId, context.UserId, StringComparison.OrdinalIgnoreCase))?.Name ?? context.UserId;
    }

    private async Task<CardActionResult> CancelAsync(CardActionContext context, MeetingRef meeting, CaseSupervisionTexts texts, CancellationToken cancellationToken)
    {
        var outcome = await store.CancelAsync(meeting.TeamId, meeting.MeetingDate, meeting.MeetingId, context.UserId, cancellationToken);
        LogCancellation(meeting.TeamId, meeting.MeetingId, outcome);
        if (outcome == CancellationOutcome.Cancelled)
        {
            await UpdateSharedCardAsync(context, meeting, cancellationToken);
        }

        var view = outcome switch
        {
            CancellationOutcome.Cancelled => new PersonalView(context.UserId, texts.Cancelled),
            CancellationOutcome.NotBooked => new PersonalView(context.UserId, texts.NotBooked, NoticeIsProblem: true),
            _ => new PersonalView(context.UserId, texts.MeetingNotFound, NoticeIsProblem: true),
        };
        return await PersonalAsync(context, meeting, view, cancellationToken);
    }

    /// <summary>
    /// The acting member's own view. From an older client (Action.Submit) a card would arrive as a new
    /// message, so it gets the notice (or their count) as a short text instead.
    /// </summary>
    private async Task<CardActionResult> PersonalAsync(
        CardActionContext context, MeetingRef meeting, PersonalView view, CancellationToken cancellationToken, SupervisionHalfYear? board = null)
    {
        var texts = CaseSupervisionTexts.For(context.Language);
        board ??= await store.ReadAsync(meeting.TeamId, HalfYear.Of(meeting.MeetingDate), cancellationToken);
        if (board.Meeting(meeting.MeetingId) is not { } stored)
        {
            return CardActionResult.Refuse(CardActionErrors.InvalidInput, texts.MeetingNotFound);
        }

        if (!context.IsInvoke)
        {
            return CardActionResult.ShowMessage(view.Notice ?? OwnCount(board, context, texts));
        }

        var members = await roster.GetAsync(context.Turn.ServiceUrl, meeting.TeamId, cancellationToken);
        return CardActionResult.ShowCard(
            CaseSupervisionCard.Render(board, stored, members, options.Value.PresentationsPerYear, context.Language, context.Culture, view));
    }

    private string OwnCount(SupervisionHalfYear board, CardActionContext context, CaseSupervisionTexts texts)
    {
        var target = board.HalfYear.TargetOf(options.Value.PresentationsPerYear);
        var count = board.PresentationsOf(context.UserId);
        var season = texts.Season(board.HalfYear);
        return target > 0
            ? string.Format(context.Culture, texts.OwnCount, season, count, target)
            : string.Format(context.Culture, texts.OwnCountNoTarget, season, count);
    }

    /// <summary>Replaces the card in the channel with the shared view, until it shows the last change.</summary>
    private async Task UpdateSharedCardAsync(CardActionContext context, MeetingRef meeting, CancellationToken cancellationToken)
    {
        var halfYear = HalfYear.Of(meeting.MeetingDate);
        await sharedCards.UpdateAsync(
            context.Turn,
            await cards.FindAsync(meeting.TeamId, meeting.MeetingId, cancellationToken),
            async ct =>
            {
                var board = await store.ReadAsync(meeting.TeamId, halfYear, ct);
                var stored = board.Meeting(meeting.MeetingId) ?? throw new InvalidOperationException("The meeting disappeared after a change.");
                var members = await roster.GetAsync(context.Turn.ServiceUrl, meeting.TeamId, ct);
                var card = CaseSupervisionCard.Render(
                    board, stored, members, options.Value.PresentationsPerYear, stored.Language, Languages.CultureFor(null, stored.Language));
                return new SharedCard(card, board.Version);
            },
            ct => store.ReadVersionAsync(meeting.TeamId, halfYear, ct),
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a case-supervision question in team {TeamId} (meeting {MeetingId}): it looked like a personal identity number")]
    private partial void LogPersonalNumberRefused(string teamId, string meetingId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case supervision booking in team {TeamId}, meeting {MeetingId}: {Outcome}")]
    private partial void LogBooking(string teamId, string meetingId, BookingOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case supervision cancellation in team {TeamId}, meeting {MeetingId}: {Outcome}")]
    private partial void LogCancellation(string teamId, string meetingId, CancellationOutcome outcome);

    /// <summary>The meeting an action is about, in the acting user's team.</summary>
    private sealed record MeetingRef(string TeamId, string MeetingId, DateOnly MeetingDate);
}
