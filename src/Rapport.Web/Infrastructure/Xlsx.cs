using System.Globalization;
using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.WebUtilities;

namespace Rapport.Web;

/// <summary>
/// Writes a table as an XLSX workbook of one sheet: a bold, frozen header row with a filter, then one row per record
/// with typed cells (numbers as numbers, dates and instants as dates in the reader's format, text as text), every
/// text cell neutralised as in CSV. The sheet is written element by element as the rows arrive, into a package opened
/// for writing only, so a part is compressed as it is written and never held whole (decision 0005).
/// </summary>
internal static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>What a cell of Excel holds at most; the rest of a longer text is left out.</summary>
    public const int MaxCellLength = 32_767;

    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    // Cell formats of the stylesheet below, by index.
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint InstantStyle = 3;

    /// <summary>
    /// Writes the workbook into a response. The package writes synchronously, which the server refuses on a response,
    /// so the file is put together in a buffer that keeps 64 KB in memory and the rest in a temporary file, then sent.
    /// </summary>
    public static async Task WriteAsync<T>(Stream body, ExportTable<T> table, ExportConventions conventions, CancellationToken ct)
    {
        await using var buffer = new FileBufferingWriteStream(memoryThreshold: 64 * 1024);
        await WriteWorkbookAsync(buffer, table, conventions, ct);
        await buffer.DrainBufferAsync(body, ct);
    }

    /// <summary>Writes the workbook into any stream, seekable or not.</summary>
    public static async Task WriteWorkbookAsync<T>(Stream output, ExportTable<T> table, ExportConventions conventions, CancellationToken ct)
    {
        using var package = Package.Open(output, FileMode.Create, FileAccess.Write);
        var workbookUri = new Uri("/xl/workbook.xml", UriKind.Relative);
        var workbook = package.CreatePart(workbookUri, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            CompressionOption.Normal);
        package.CreateRelationship(workbookUri, TargetMode.Internal, Relationships + "/officeDocument");
        var sheet = workbook.CreateRelationship(new Uri("worksheets/sheet1.xml", UriKind.Relative), TargetMode.Internal,
            Relationships + "/worksheet");
        workbook.CreateRelationship(new Uri("styles.xml", UriKind.Relative), TargetMode.Internal, Relationships + "/styles");
        using (var stream = workbook.GetStream())
        {
            new Workbook(new Sheets(new Sheet { Id = sheet.Id, SheetId = 1, Name = SheetName(table.Title) })).Save(stream);
        }

        var styles = package.CreatePart(new Uri("/xl/styles.xml", UriKind.Relative),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml", CompressionOption.Normal);
        using (var stream = styles.GetStream())
        {
            Stylesheet(conventions).Save(stream);
        }

        var worksheet = package.CreatePart(new Uri("/xl/worksheets/sheet1.xml", UriKind.Relative),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml", CompressionOption.Normal);
        using (var stream = worksheet.GetStream())
        using (var writer = OpenXmlWriter.Create(stream, Encoding.UTF8))
        {
            await WriteSheetAsync(writer, table, ct);
        }
    }

    private static async Task WriteSheetAsync<T>(OpenXmlWriter writer, ExportTable<T> table, CancellationToken ct)
    {
        var columns = table.Columns;
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>(["A2"]) })
        { WorkbookViewId = 0 }));

        // Widths come before the rows, so they are guessed from the headers rather than measured on the data.
        writer.WriteElement(new Columns(columns.Select((c, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(c.Header.Length + 4, 12, 50), CustomWidth = true,
        })));
        writer.WriteStartElement(new SheetData());
        writer.WriteStartElement(new Row());
        foreach (var column in columns)
        {
            writer.WriteElement(TextCell(column.Header, HeaderStyle));
        }

        writer.WriteEndElement();
        var rows = 1;
        await foreach (var row in table.Rows.WithCancellation(ct))
        {
            writer.WriteStartElement(new Row());
            foreach (var column in columns)
            {
                writer.WriteElement(Cell(column.Value(row)));
            }

            writer.WriteEndElement();
            rows++;
        }

        writer.WriteEndElement();
        writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(columns.Count)}{rows}" });
        writer.WriteEndElement();
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        string text => TextCell(text, 0),
        int or long or decimal or double => new Cell(new CellValue(((IFormattable)value).ToString(Csv.NumberFormat, CultureInfo.InvariantCulture)))
        {
            DataType = CellValues.Number,
        },
        DateOnly date => new Cell(new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate())) { StyleIndex = DateStyle },
        DateTime instant => new Cell(new CellValue(instant.ToLocalTime().ToOADate())) { StyleIndex = InstantStyle },
        _ => TextCell(Convert.ToString(value, CultureInfo.CurrentCulture) ?? "", 0),
    };

    /// <summary>An inline text cell, neutralised as in CSV, with the characters XML cannot carry left out.</summary>
    private static Cell TextCell(string value, uint style)
    {
        var text = Printable(Csv.Neutralised(value));
        if (text.Length > MaxCellLength)
        {
            text = text[..MaxCellLength];
        }

        var element = new Text(text);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            element.Space = SpaceProcessingModeValues.Preserve;
        }

        return new Cell(new InlineString(element)) { DataType = CellValues.InlineString, StyleIndex = style > 0 ? style : null };
    }

    /// <summary>The text without control characters other than tab and line breaks, which an XML document cannot hold.</summary>
    private static string Printable(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001F') && !text.Contains('\uFFFE', StringComparison.Ordinal)
            && !text.Contains('\uFFFF', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\t' or '\n' or '\r' || (c >= ' ' && c is not '\uFFFE' and not '\uFFFF'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static Stylesheet Stylesheet(ExportConventions conventions) => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = conventions.SheetDateFormat },
            new NumberingFormat { NumberFormatId = 165, FormatCode = conventions.SheetInstantFormat })
        { Count = 2 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        {
            Count = 2,
        },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true })
        { Count = 4 });

    /// <summary>A sheet's name as Excel allows it: at most 31 characters, none of [ ] : * ? / \.</summary>
    private static string SheetName(string title)
    {
        var name = new string([.. title.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]).Trim();
        return name.Length == 0 ? "Sheet1" : name.Length > 31 ? name[..31] : name;
    }

    /// <summary>A column's letters: 1 is A, 27 is AA.</summary>
    private static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }
}
