namespace SofSBot.Export;

internal enum ExportCellKind
{
    Empty,
    Text,
    Integer,
    Decimal,
    Percent,
    Change,
    PercentChange,
    Date,
}

/// <summary>
/// One cell of an exported table, typed so each format writes it its own way: the workbook as a
/// number with a display format, the CSV as Swedish Excel reads it.
/// </summary>
internal readonly record struct ExportCell(ExportCellKind Kind, string? Text = null, double Number = 0, DateTime Time = default)
{
    public static ExportCell Empty { get; } = new(ExportCellKind.Empty);

    public static ExportCell Of(string? text) => text is null ? Empty : new(ExportCellKind.Text, text);

    public static ExportCell Of(int value) => new(ExportCellKind.Integer, Number: value);

    /// <summary>A mean or median.</summary>
    public static ExportCell Decimal(double? value) => value is { } number ? new(ExportCellKind.Decimal, Number: number) : Empty;

    /// <summary>A share, 0–1.</summary>
    public static ExportCell Percent(double? value) => value is { } number ? new(ExportCellKind.Percent, Number: number) : Empty;

    /// <summary>A change of a mean, shown with its sign.</summary>
    public static ExportCell Change(double? value) => value is { } number ? new(ExportCellKind.Change, Number: number) : Empty;

    /// <summary>A change of a share (0–1), shown in percentage points with its sign.</summary>
    public static ExportCell PercentChange(double? value) => value is { } number ? new(ExportCellKind.PercentChange, Number: number) : Empty;

    /// <summary>A day (in Swedish time), without a time of day.</summary>
    public static ExportCell Date(DateOnly day) => new(ExportCellKind.Date, Time: day.ToDateTime(TimeOnly.MinValue));
}

/// <summary>A table being written: a sheet of the workbook or a CSV file.</summary>
internal interface IExportTableWriter
{
    void WriteRow(IReadOnlyList<ExportCell> cells);
}
