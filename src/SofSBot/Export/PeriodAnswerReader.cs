using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using SofSBot.Ratings;
using SofSBot.Storage;

namespace SofSBot.Export;

/// <summary>Streams a period's answers.</summary>
internal interface IPeriodAnswerReader
{
    /// <summary>The period's current answers (no history), team by team, read page by page: nothing is held.</summary>
    IAsyncEnumerable<ExportAnswer> ReadAsync(string periodId, CancellationToken cancellationToken);
}

/// <summary>
/// Reads the <c>RatingAnswers</c> table: a period's partitions (<c>{periodId}|{teamId}</c>) are one
/// PartitionKey range, filtered to the answer rows, with only the columns an export needs.
/// </summary>
internal sealed class TablePeriodAnswerReader(TableProvider tables) : IPeriodAnswerReader
{
    private static readonly string[] Columns = ["PeriodId", "TeamId", "RoundId", "UserId", "GoalId", "Value", "AnsweredAt"];

    public async IAsyncEnumerable<ExportAnswer> ReadAsync(string periodId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableRatingAnswerStore.TableName, cancellationToken);
        await foreach (var row in table.QueryAsync<TableEntity>(Filter(periodId), select: Columns, cancellationToken: cancellationToken))
        {
            if (row.GetInt32("Value") is not { } value || !RatingScale.IsValid(value))
            {
                continue;
            }

            yield return new ExportAnswer(
                row.GetString("PeriodId") ?? periodId,
                row.GetString("TeamId") ?? string.Empty,
                row.GetString("RoundId") ?? string.Empty,
                row.GetString("UserId") ?? string.Empty,
                row.GetString("GoalId") ?? string.Empty,
                value,
                row.GetDateTimeOffset("AnsweredAt") ?? DateTimeOffset.MinValue);
        }
    }

    /// <summary>The answer rows of every team's partition of the period.</summary>
    public static string Filter(string periodId)
    {
        // Partition keys are "{period}|{team}": all of them sort from "{period}|" up to "{period}}" ('|' + 1).
        var from = TableRatingAnswerStore.PartitionKeyFor(periodId, string.Empty);
        var to = from[..^1] + (char)(from[^1] + 1);
        return TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {to} and Kind eq {nameof(RatingRowKind.Answer)}");
    }
}
