using System.Globalization;
using System.Text;

namespace SofSBot.Export;

/// <summary>
/// CSV as Swedish Excel opens it by double-click: UTF-8 with a byte order mark (else å, ä, ö break),
/// ';' between fields (',' is the decimal sign), decimal comma, ISO dates, CRLF. A field with ';',
/// a quote or a line break is quoted; text that Excel would run as a formula gets a leading apostrophe.
/// </summary>
internal sealed class SwedishCsvWriter(Stream output) : IExportTableWriter, IDisposable
{
    public const char Separator = ';';

    // Invariant digits and minus sign ('-', not sv-SE's U+2212, which Excel does not read as a number).
    private static readonly NumberFormatInfo Numbers = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };

    private readonly StreamWriter _writer = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true)
    {
        NewLine = "\r\n",
    };

    public void WriteRow(IReadOnlyList<ExportCell> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                _writer.Write(Separator);
            }

            _writer.Write(Format(cells[i]));
        }

        _writer.WriteLine();
    }

    public static string Format(ExportCell cell) => cell.Kind switch
    {
        ExportCellKind.Text => Quote(cell.Text ?? string.Empty),
        ExportCellKind.Integer => cell.Number.ToString("0", Numbers),
        ExportCellKind.Decimal => cell.Number.ToString("0.0#", Numbers),
        ExportCellKind.Percent => (cell.Number * 100).ToString("0.0", Numbers),
        ExportCellKind.Change => cell.Number.ToString("+0.0#;-0.0#;0.0", Numbers),
        ExportCellKind.PercentChange => (cell.Number * 100).ToString("+0.0;-0.0;0.0", Numbers),
        ExportCellKind.Date => cell.Time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    public void Dispose() => _writer.Dispose();

    private static string Quote(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
