using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SofSBot.Export;

/// <summary>
/// Writes a workbook sheet by sheet, row by row (SAX-style, <see cref="OpenXmlWriter"/>), straight
/// into the zip, each part streamed as it is written: memory stays flat however many rows. Strings are inline (no shared-string table to hold); numbers are numbers with
/// a display format, so Excel shows them in the reader's own locale (decimal comma in Swedish).
/// </summary>
internal sealed class XlsxWorkbookWriter : IDisposable
{
    private const uint HeaderStyle = 1;
    private const uint DecimalStyle = 2;
    private const uint PercentStyle = 3;
    private const uint ChangeStyle = 4;
    private const uint DateStyle = 5;
    private const uint PercentChangeStyle = 6;

    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeDocumentRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly List<string> _sheets = [];
    private SheetWriter? _current;

    public XlsxWorkbookWriter(Stream output)
    {
        // Create mode writes each entry through to the output as it is written (System.IO.Packaging
        // would hold every part in memory until the end).
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        using var stream = Entry("xl/styles.xml");
        using var styles = OpenXmlWriter.Create(stream, Encoding.UTF8);
        styles.WriteStartDocument();
        styles.WriteElement(Stylesheet());
    }

    /// <summary>Starts a sheet; its first row is written bold as the heading. The previous sheet is finished.</summary>
    public IExportTableWriter BeginSheet(string name, IReadOnlyList<double> columnWidths)
    {
        _current?.Dispose();
        _sheets.Add(name);
        _current = new SheetWriter(Entry($"xl/worksheets/sheet{_sheets.Count}.xml"), columnWidths);
        return _current;
    }

    public void Dispose()
    {
        _current?.Dispose();
        using (var stream = Entry("xl/workbook.xml"))
        using (var writer = OpenXmlWriter.Create(stream, Encoding.UTF8))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(new Workbook(), [], [new("r", OfficeDocumentRelationship)]);
            writer.WriteStartElement(new Sheets());
            for (var i = 0; i < _sheets.Count; i++)
            {
                writer.WriteElement(new Sheet { Name = _sheets[i], SheetId = (uint)(i + 1), Id = SheetRelationshipId(i) });
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        WriteText("xl/_rels/workbook.xml.rels", Relationships(
            _sheets.Select((_, i) => (SheetRelationshipId(i), OfficeDocumentRelationship + "/worksheet", $"worksheets/sheet{i + 1}.xml"))
                .Append(("rIdStyles", OfficeDocumentRelationship + "/styles", "styles.xml"))));
        WriteText("_rels/.rels", Relationships([("rIdWorkbook", OfficeDocumentRelationship + "/officeDocument", "xl/workbook.xml")]));
        var contentTypes = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""")
            .Append("""<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>""")
            .Append("""<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""")
            .Append("""<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (var i = 0; i < _sheets.Count; i++)
        {
            contentTypes.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }

        WriteText("[Content_Types].xml", contentTypes.Append("</Types>").ToString());
        _zip.Dispose();
    }

    private static string SheetRelationshipId(int index) => "rIdSheet" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string Relationships(IEnumerable<(string Id, string Type, string Target)> relationships)
    {
        var xml = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{RelationshipNamespace}">""");
        foreach (var (id, type, target) in relationships)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="{id}" Type="{type}" Target="{target}"/>""");
        }

        return xml.Append("</Relationships>").ToString();
    }

    private Stream Entry(string path) => _zip.CreateEntry(path, CompressionLevel.Fastest).Open();

    private void WriteText(string path, string text)
    {
        using var stream = Entry(path);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "0.00" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "+0.00;-0.00;0.00" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 167, FormatCode = "+0.0%;-0.0%;0.0%" })
        { Count = 4 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 167, ApplyNumberFormat = true })
        { Count = 7 });

    private sealed class SheetWriter : IExportTableWriter, IDisposable
    {
        private readonly Stream _stream;
        private readonly OpenXmlWriter _writer;
        private bool _headerWritten;
        private bool _disposed;

        public SheetWriter(Stream stream, IReadOnlyList<double> columnWidths)
        {
            _stream = stream;
            _writer = OpenXmlWriter.Create(stream, Encoding.UTF8);
            _writer.WriteStartDocument();
            _writer.WriteStartElement(new Worksheet());
            if (columnWidths.Count > 0)
            {
                _writer.WriteElement(new Columns(columnWidths.Select((width, i) =>
                    new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true })));
            }

            _writer.WriteStartElement(new SheetData());
        }

        public void WriteRow(IReadOnlyList<ExportCell> cells)
        {
            _writer.WriteStartElement(new Row());
            foreach (var cell in cells)
            {
                _writer.WriteElement(ToCell(cell, _headerWritten ? null : HeaderStyle));
            }

            _writer.WriteEndElement();
            _headerWritten = true;
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _writer.WriteEndElement();
            _writer.WriteEndElement();
            _writer.Dispose();
            _stream.Dispose();
        }

        private static Cell ToCell(ExportCell cell, uint? style) => cell.Kind switch
        {
            ExportCellKind.Text => new Cell
            {
                DataType = CellValues.InlineString,
                StyleIndex = style,
                InlineString = new InlineString(new Text(XmlSafe(cell.Text ?? string.Empty)) { Space = SpaceProcessingModeValues.Preserve }),
            },
            ExportCellKind.Integer => new Cell { CellValue = new CellValue((int)cell.Number) },
            ExportCellKind.Decimal => new Cell { CellValue = new CellValue(cell.Number), StyleIndex = DecimalStyle },
            ExportCellKind.Percent => new Cell { CellValue = new CellValue(cell.Number), StyleIndex = PercentStyle },
            ExportCellKind.Change => new Cell { CellValue = new CellValue(cell.Number), StyleIndex = ChangeStyle },
            ExportCellKind.PercentChange => new Cell { CellValue = new CellValue(cell.Number), StyleIndex = PercentChangeStyle },
            ExportCellKind.Date => new Cell { CellValue = new CellValue(cell.Time.ToOADate()), StyleIndex = DateStyle },
            _ => new Cell(),
        };

        /// <summary>Control characters other than tab and line breaks are not allowed in XML: a name pasted with one would break the file.</summary>
        private static string XmlSafe(string text)
        {
            if (!text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return text;
            }

            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                builder.Append(char.IsControl(c) && c is not ('\t' or '\n' or '\r') ? ' ' : c);
            }

            return builder.ToString();
        }
    }
}
