using SofSBot.Localization;

namespace SofSBot.Export;

/// <summary>What an export writes.</summary>
internal enum ExportFormat
{
    /// <summary>The workbook: answers, per team and goal, per goal, comparison, teams without answers.</summary>
    Xlsx,

    /// <summary>The answers as CSV for Swedish Excel.</summary>
    Csv,

    /// <summary>The figures per team and goal as CSV for Swedish Excel.</summary>
    SummaryCsv,

    /// <summary>The follow-up report: one HTML file with its charts inside.</summary>
    Report,
}

/// <param name="Periods">Period ids or names, e.g. <c>2025-1</c> or <c>2025-var</c>.</param>
internal sealed record ExportRequest(IReadOnlyList<string> Periods, ExportFormat Format, Language Language = Language.Swedish);

/// <summary>How far an export has come: answers read, and the share of the periods' team partitions done (0–1).</summary>
internal sealed record ExportProgress(long AnswersRead, double Fraction);

/// <summary>What an export wrote: the answers of the periods asked for, and all it read (with the year before, for comparisons).</summary>
internal sealed record ExportResult(IReadOnlyList<Ratings.RatingPeriod> Periods, long Answers, long AnswersRead, ExportSummary Summary);

/// <summary>A period asked for does not exist; the message lists the ones that do.</summary>
internal sealed class UnknownPeriodException(string message, IReadOnlyList<string> unknown) : Exception(message)
{
    public IReadOnlyList<string> Unknown { get; } = unknown;
}
