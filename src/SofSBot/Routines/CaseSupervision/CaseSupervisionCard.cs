using System.Globalization;
using SofSBot.BotFramework.Cards;
using SofSBot.Localization;

namespace SofSBot.Routines.CaseSupervision;

/// <summary>
/// The case-supervision card of one meeting: its slots and bookings, and the team's standing against
/// the half-year target. The shared view is what the channel shows; the personal view (returned to a
/// member's own actions and refreshes) adds their count, a notice and the buttons that fit them.
/// </summary>
internal static class CaseSupervisionCard
{
    public const string BookVerb = "casesupervision.book";
    public const string CancelVerb = "casesupervision.cancel";

    /// <summary>A member's own view: the card's refresh and the "my count" button.</summary>
    public const string ViewVerb = "casesupervision.view";

    public const string QuestionInputId = "question";

    /// <summary>A frågeställning is a sentence or two; longer text invites case details (and client data) onto the card.</summary>
    public const int MaxQuestionLength = 300;

    private const int MaxNamesListed = 30;

    public static AdaptiveCard Render(
        SupervisionHalfYear board,
        SupervisionMeeting meeting,
        IReadOnlyList<TeamMember>? roster,
        int presentationsPerYear,
        Language language,
        CultureInfo culture,
        PersonalView? personal = null)
    {
        var texts = CaseSupervisionTexts.For(language);
        var routines = RoutineTexts.For(language);
        var bookings = board.BookingsAt(meeting.MeetingId);
        var isFull = bookings.Count >= meeting.Slots;
        var own = personal is null ? null : board.BookingOf(meeting.MeetingId, personal.UserId);
        var week = ISOWeek.GetWeekOfYear(meeting.MeetingDate.ToDateTime(TimeOnly.MinValue));
        var title = $"{routines.CaseSupervision} – {routines.Week.ToLower(culture)} {week.ToString(culture)}";
        var data = new Dictionary<string, object?>
        {
            ["meetingId"] = meeting.MeetingId,
            ["meetingDate"] = meeting.MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        List<CardElement> body = [TextBlock.Heading(title)];
        if (personal?.Notice is { } notice)
        {
            body.Add(new TextBlock(notice) { Weight = TextWeight.Bolder, Color = personal.NoticeIsProblem ? TextColor.Attention : TextColor.Good });
        }

        body.Add(new FactSet(
        [
            new Fact(routines.Meeting, meeting.MeetingDate.ToString("dddd d MMMM yyyy", culture) + " " + meeting.MeetingTime.ToString("HH:mm", CultureInfo.InvariantCulture)),
            new Fact(texts.Slots, string.Format(culture, texts.SlotsTaken, bookings.Count, meeting.Slots)),
        ]));
        body.Add(new TextBlock(texts.Intro));
        body.Add(Slots(meeting, bookings, texts, culture));
        if (isFull)
        {
            body.Add(new TextBlock(texts.AllSlotsBooked) { Color = TextColor.Warning, Spacing = Spacing.Small });
        }

        var target = board.HalfYear.TargetOf(presentationsPerYear);
        var season = texts.Season(board.HalfYear);
        if (personal is not null)
        {
            var count = board.PresentationsOf(personal.UserId);
            body.Add(new TextBlock(target > 0
                ? string.Format(culture, texts.OwnCount, season, count, target)
                : string.Format(culture, texts.OwnCountNoTarget, season, count))
            {
                Color = TextColor.Accent, Separator = true, Spacing = Spacing.Medium,
            });
        }

        if (roster is not null)
        {
            body.Add(Standing(board, roster, presentationsPerYear, target, season, texts, culture));
        }

        var canBook = own is not null || !isFull;
        if (canBook)
        {
            body.Add(new InputText
            {
                Id = QuestionInputId,
                Label = string.Format(culture, texts.QuestionLabel, MaxQuestionLength),
                Placeholder = texts.QuestionPlaceholder,
                Value = personal?.QuestionInput ?? own?.Question,
                MaxLength = MaxQuestionLength,
                IsMultiline = true,
                Spacing = Spacing.Medium,
            });
        }

        List<CardAction> actions = [];
        if (canBook)
        {
            actions.Add(ActionExecute.WithSubmitFallback(own is null ? texts.Book : texts.SaveQuestion, BookVerb, data) with { Style = "positive" });
        }

        // The shared view offers cancelling to whoever booked; a personal view only to its booked member.
        if (personal is null ? bookings.Count > 0 : own is not null)
        {
            actions.Add(ActionExecute.WithSubmitFallback(texts.Cancel, CancelVerb, data) with { AssociatedInputs = "none" });
        }

        actions.Add(ActionExecute.WithSubmitFallback(texts.MyCount, ViewVerb, data) with { AssociatedInputs = "none" });

        return new AdaptiveCard
        {
            Body = body,
            Actions = actions,
            // Booked members see their own view (their question to edit, their count) whenever they open
            // the card; at most 6 slots, well within Teams' 60 user ids. No bookings, no refresh.
            Refresh = bookings.Count == 0 ? null : new CardRefresh(new ActionExecute(ViewVerb) { Data = data }, [.. bookings.Select(booking => booking.UserId)]),
            Lang = language.Code(),
            FallbackText = title,
        };
    }

    /// <summary>One line per slot: who booked it and their question, or that it is free.</summary>
    private static Container Slots(SupervisionMeeting meeting, IReadOnlyList<SupervisionBooking> bookings, CaseSupervisionTexts texts, CultureInfo culture)
    {
        List<CardElement> items = [];
        for (var slot = 1; slot <= meeting.Slots; slot++)
        {
            var label = string.Format(culture, texts.Slot, slot);
            if (bookings.FirstOrDefault(b => b.Slot == slot) is { } booking)
            {
                items.Add(new TextBlock($"{label}: {Markdown.Escape(booking.UserName)}") { Weight = TextWeight.Bolder, Spacing = slot == 1 ? null : Spacing.Small });
                if (!string.IsNullOrWhiteSpace(booking.Question))
                {
                    items.Add(new TextBlock(Markdown.Escape(booking.Question)) { IsSubtle = true, Spacing = Spacing.None });
                }
            }
            else
            {
                items.Add(new TextBlock($"{label}: {texts.FreeSlot}") { IsSubtle = true, Spacing = slot == 1 ? null : Spacing.Small });
            }
        }

        return new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium };
    }

    /// <summary>Gently, to the whole team: who has not presented yet this half-year, and who is on the way.</summary>
    private static Container Standing(
        SupervisionHalfYear board, IReadOnlyList<TeamMember> roster, int presentationsPerYear, int target, string season, CaseSupervisionTexts texts, CultureInfo culture)
    {
        List<CardElement> items = [TextBlock.Subtle(string.Format(culture, texts.TeamTarget, presentationsPerYear, target, season))];
        if (target > 0)
        {
            var below = board.BelowTarget(roster, target);
            var none = below.Where(standing => standing.Presentations == 0).Select(standing => Markdown.Escape(standing.Member.Name)).ToList();
            var some = below.Where(standing => standing.Presentations > 0)
                .Select(standing => $"{Markdown.Escape(standing.Member.Name)} ({string.Format(culture, texts.CountOfTarget, standing.Presentations, target)})")
                .ToList();
            if (none.Count > 0)
            {
                items.Add(new TextBlock(string.Format(culture, texts.NotPresentedYet, season, Names(none, texts, culture))) { Spacing = Spacing.Small });
            }

            if (some.Count > 0)
            {
                items.Add(new TextBlock(string.Format(culture, texts.OnTheWay, season, Names(some, texts, culture))) { Spacing = Spacing.Small });
            }

            if (below.Count == 0 && roster.Count > 0)
            {
                items.Add(new TextBlock(string.Format(culture, texts.EveryoneReached, season)) { Color = TextColor.Good, Spacing = Spacing.Small });
            }
        }

        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }

    private static string Names(List<string> names, CaseSupervisionTexts texts, CultureInfo culture) =>
        names.Count <= MaxNamesListed
            ? string.Join(", ", names)
            : string.Join(", ", names.Take(MaxNamesListed)) + " " + string.Format(culture, texts.AndMore, names.Count - MaxNamesListed);
}
