using Microsoft.Extensions.Options;
using SofSBot.Ratings;

namespace SofSBot.Export;

/// <summary>
/// Counts a period's response rates the way the export does (same rosters, same "teams without
/// answers"): the teams, the period's rounds, and one pass over the period's answers into a tally.
/// </summary>
internal sealed class PeriodResponseCounter(
    IExportTeamDirectory teams,
    IRatingRoundStore rounds,
    IPeriodAnswerReader answers,
    IOptions<RatingsOptions> ratingsOptions)
{
    // Only shapes the goal figures ("share at or above"), which the counts do not use; a constant
    // also keeps the export's options, whose pseudonym secret counting does not need, out of it.
    private const int AnyReportLevel = 7;

    public async Task<PeriodResponses> CountAsync(RatingPeriod period, CancellationToken cancellationToken)
    {
        var teamList = await teams.ListAsync(cancellationToken);
        var periodRounds = new List<RatingRound>();
        foreach (var team in teamList)
        {
            periodRounds.AddRange((await rounds.ListForTeamAsync(team.TeamId, cancellationToken)).Where(round => round.PeriodId == period.PeriodId));
        }

        var tally = new ExportTally();
        await foreach (var answer in answers.ReadAsync(period.PeriodId, cancellationToken))
        {
            tally.Add(answer);
        }

        var catalog = new ExportCatalog([period], teamList, periodRounds);
        var summary = ExportSummary.Build(catalog, tally, [period], ratingsOptions.Value.AnonymityThreshold, AnyReportLevel);
        return PeriodResponses.From(period, summary);
    }
}
