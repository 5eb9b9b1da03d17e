using System.Globalization;
using SofSBot.Localization;
using SofSBot.Privacy;

namespace SofSBot.Ratings;

/// <summary>
/// A member's ratings for "mina data": each current answer with its earlier values, the rounds they
/// opened, and the rounds whose card names them for their own view. Erasing deletes the answers and
/// their history and takes their id off the rounds; results are computed from the stored answers, so
/// they follow, and the cards in the channels are replaced so their counters and figures follow too.
/// </summary>
internal sealed partial class RatingPersonalData(
    IRatingAnswerStore answers, IRatingRoundStore rounds, RatingRounds ratingRounds, ILogger<RatingPersonalData> logger) : IPersonalDataSource
{
    private static readonly LocalizedText Feature = new("Skattningar av teamets mål", "Ratings of the team's goals");

    public async Task<IReadOnlyList<PersonalDataItem>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var userId = subject.UserId;
        var rows = await answers.FindByUserAsync(userId, cancellationToken);
        var roundsById = new Dictionary<(string, string), RatingRound?>();
        var items = new List<PersonalDataItem>();
        foreach (var answer in rows.Where(row => row.Kind == RatingRowKind.Answer).OrderBy(row => row.PeriodId, StringComparer.Ordinal).ThenBy(row => row.RoundId, StringComparer.Ordinal))
        {
            if (!roundsById.TryGetValue((answer.TeamId, answer.RoundId), out var round))
            {
                round = await rounds.GetAsync(answer.TeamId, answer.RoundId, cancellationToken);
                roundsById[(answer.TeamId, answer.RoundId)] = round;
            }

            var goal = round?.Goals.FirstOrDefault(g => g.GoalId == answer.GoalId);
            var earlier = rows
                .Where(row => row.Kind == RatingRowKind.History && row.RoundId == answer.RoundId && row.TeamId == answer.TeamId && row.GoalId == answer.GoalId && row.Revision < answer.Revision)
                .OrderBy(row => row.Revision)
                .Select(row => row.Value?.ToString(CultureInfo.InvariantCulture))
                .ToList();
            var period = round?.PeriodName ?? answer.PeriodId;
            items.Add(new PersonalDataItem(
                Feature,
                new LocalizedText(
                    Describe(period, goal?.Title.Swedish ?? answer.GoalId ?? "?", answer.Value, earlier, "tidigare"),
                    Describe(period, goal?.Title.English ?? answer.GoalId ?? "?", answer.Value, earlier, "earlier")),
                answer.At));
        }

        foreach (var opened in await rounds.ListOpenedByAsync(userId, cancellationToken))
        {
            items.Add(new PersonalDataItem(
                Feature,
                new LocalizedText($"{opened.PeriodName}: du öppnade omgången", $"{opened.PeriodName}: you opened the round"),
                opened.OpenedAt));
        }

        foreach (var listing in await rounds.ListShowingOwnViewToAsync(userId, cancellationToken))
        {
            items.Add(new PersonalDataItem(
                Feature,
                new LocalizedText(
                    $"{listing.PeriodName}: ditt Teams-id står på omgångens kort så att det visar dig dina egna svar",
                    $"{listing.PeriodName}: your Teams id is on the round's card so that it shows you your own answers"),
                listing.OpenedAt));
        }

        return items;
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var userId = subject.UserId;
        var cardsToReplace = (await answers.FindByUserAsync(userId, cancellationToken))
            .Select(row => (row.TeamId, row.RoundId))
            .ToHashSet();
        var erased = await answers.EraseUserAsync(userId, cancellationToken);
        foreach (var opened in await rounds.ListOpenedByAsync(userId, cancellationToken))
        {
            await rounds.UpdateAsync(opened.TeamId, opened.RoundId, round => round with { OpenedBy = null }, cancellationToken);
            erased++;
        }

        foreach (var listing in await rounds.ListShowingOwnViewToAsync(userId, cancellationToken))
        {
            // The posted card carries the list too: replacing it (below) takes the id off the card in Teams.
            cardsToReplace.Add((listing.TeamId, listing.RoundId));
            await rounds.UpdateAsync(
                listing.TeamId,
                listing.RoundId,
                round => round.RefreshUserIds.Contains(userId, StringComparer.Ordinal)
                    ? round with { RefreshUserIds = [.. round.RefreshUserIds.Where(id => !string.Equals(id, userId, StringComparison.Ordinal))] }
                    : null,
                cancellationToken);
            erased++;
        }

        foreach (var (teamId, roundId) in cardsToReplace.Order())
        {
            await RefreshCardAsync(teamId, roundId, cancellationToken);
        }

        return erased;
    }

    /// <summary>Replaces the channel card of a round the user cardsToReplace or was listed on: it no longer counts or names them.</summary>
    private async Task RefreshCardAsync(string teamId, string roundId, CancellationToken cancellationToken)
    {
        try
        {
            // A closed round's card shows its results and no one's id: drawn again without the erased
            // answers, the change between the two cards would show the team what that member answered.
            if (await rounds.GetAsync(teamId, roundId, cancellationToken) is { IsClosed: false } round)
            {
                await ratingRounds.UpdateCardAsync(round, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The answers are erased; a card showing an old count is corrected by the next change.
            LogRefreshFailed(exception, teamId, roundId);
        }
    }

    private static string Describe(string period, string goal, int? value, List<string?> earlier, string earlierWord) =>
        $"{period} – {goal}: {value}" + (earlier.Count > 0 ? $" ({earlierWord} {string.Join(", ", earlier)})" : string.Empty);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not replace the card of rating round {RoundId} in team {TeamId} after an erasure")]
    private partial void LogRefreshFailed(Exception exception, string teamId, string roundId);
}
