using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Rapport.IntegrationTests;

/// <summary>A cell of an exported workbook as a reader meets it: its text, and whether it is a number or a date.</summary>
public sealed record WorkbookCell(string Text, bool IsNumber, bool IsDate)
{
    /// <summary>A date cell's day and time, as the spreadsheet shows it.</summary>
    public DateTime Date => DateTime.FromOADate(double.Parse(Text, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>The first sheet of an XLSX file, read with the Open XML SDK, with what the SDK's schema check found wrong.</summary>
public sealed record ExportedWorkbook(string SheetName, IReadOnlyList<IReadOnlyList<WorkbookCell>> Rows, bool HeaderFrozen, IReadOnlyList<string> SchemaErrors)
{
    public IReadOnlyList<string> Header => [.. Rows[0].Select(c => c.Text)];

    /// <summary>The data row whose first cell is this text.</summary>
    public IReadOnlyList<WorkbookCell> Row(string first) => Rows.Skip(1).Single(r => r.Count > 0 && r[0].Text == first);

    public static ExportedWorkbook Read(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var part = document.WorkbookPart!;
        var sheet = part.Workbook.Sheets!.Elements<Sheet>().First();
        var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
        var formats = part.WorkbookStylesPart?.Stylesheet.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var custom = part.WorkbookStylesPart?.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        bool IsDate(uint? style)
        {
            if (style is not { } s || s >= formats.Count || formats[(int)s].NumberFormatId?.Value is not { } id)
            {
                return false;
            }

            return id is >= 14 and <= 22 || (custom.TryGetValue(id, out var code) && code.Contains("yy", StringComparison.Ordinal));
        }

        var rows = worksheet.Descendants<Row>().Select(r => (IReadOnlyList<WorkbookCell>)[.. r.Elements<Cell>().Select(c =>
        {
            var inline = c.DataType?.Value == CellValues.InlineString;
            var text = inline ? c.InlineString?.InnerText ?? "" : c.CellValue?.Text ?? "";
            var number = !inline && c.CellValue is not null && (c.DataType is null || c.DataType.Value == CellValues.Number);
            return new WorkbookCell(text, number && !IsDate(c.StyleIndex?.Value), number && IsDate(c.StyleIndex?.Value));
        })]).ToList();
        var frozen = worksheet.Descendants<Pane>().Any(p => p.State?.Value == PaneStateValues.Frozen && p.VerticalSplit?.Value == 1);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        return new ExportedWorkbook(sheet.Name!.Value!, rows, frozen, errors);
    }
}
