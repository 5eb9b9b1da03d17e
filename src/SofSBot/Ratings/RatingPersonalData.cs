using System.Globalization;
using SofSBot.Localization;
using SofSBot.Privacy;

namespace SofSBot.Ratings;

/// <summary>
/// A member's ratings for "mina data": each current answer with its earlier values, and the rounds
/// they opened. Erasing deletes the answers and their history; results are computed from the stored
/// answers, so they follow.
/// </summary>
internal sealed class RatingPersonalData(IRatingAnswerStore answers, IRatingRoundStore rounds) : IPersonalDataSource
{
    private static readonly LocalizedText Feature = new("Skattningar av teamets mål", "Ratings of the team's goals");

    public async Task<IReadOnlyList<PersonalDataItem>> FindAsync(string userId, CancellationToken cancellationToken)
    {
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

        return items;
    }

    public async Task<int> EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var erased = await answers.EraseUserAsync(userId, cancellationToken);
        foreach (var opened in await rounds.ListOpenedByAsync(userId, cancellationToken))
        {
            await rounds.UpdateAsync(opened.TeamId, opened.RoundId, round => round with { OpenedBy = null }, cancellationToken);
            erased++;
        }

        return erased;
    }

    private static string Describe(string period, string goal, int? value, List<string?> earlier, string earlierWord) =>
        $"{period} – {goal}: {value}" + (earlier.Count > 0 ? $" ({earlierWord} {string.Join(", ", earlier)})" : string.Empty);
}
