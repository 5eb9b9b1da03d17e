using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SofSBot.Tests.Export;

/// <summary>A written workbook read back with the Open XML SDK: sheet names and each sheet's cells as text.</summary>
internal sealed class Workbook
{
    private Workbook(IReadOnlyList<string> sheetNames, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>> sheets)
    {
        SheetNames = sheetNames;
        Sheets = sheets;
    }

    public IReadOnlyList<string> SheetNames { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>> Sheets { get; }

    public IReadOnlyList<IReadOnlyList<string?>> this[string sheet] => Sheets[sheet];

    public static Workbook Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbookPart = document.WorkbookPart!;
        var names = new List<string>();
        var sheets = new Dictionary<string, IReadOnlyList<IReadOnlyList<string?>>>();
        foreach (var sheet in workbookPart.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
            names.Add(sheet.Name!);
            sheets[sheet.Name!] = [.. part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
                .Select(row => (IReadOnlyList<string?>)[.. row.Elements<Cell>().Select(Text)])];
        }

        return new Workbook(names, sheets);
    }

    /// <summary>What the Open XML SDK's schema validator finds wrong (Excel refuses or "repairs" such files).</summary>
    public static IReadOnlyList<string> Validate(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        return [.. new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(error => $"{error.Path?.XPath}: {error.Description}")];
    }

    /// <summary>The row whose cells start with <paramref name="start"/>.</summary>
    public IReadOnlyList<string?> Row(string sheet, params string[] start) =>
        Assert.Single(Sheets[sheet], row => row.Take(start.Length).SequenceEqual(start));

    public static double Number(string? text) => double.Parse(text!, CultureInfo.InvariantCulture);

    private static string? Text(Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText : cell.CellValue?.Text;
}
