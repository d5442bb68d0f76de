using System.Globalization;
using System.Text;

namespace Rapport.Web;

/// <summary>
/// Writes CSV for spreadsheets: UTF-8 with a byte-order mark (without one Excel reads Cyrillic as Windows-1252),
/// RFC 4180 quoting, the reader's separator, and every text cell that a spreadsheet would read as a formula (starting
/// with = + - @, tab or carriage return) prefixed with an apostrophe, which the import takes off again.
/// </summary>
internal static class Csv
{
    /// <summary>A number with the decimals it has and no more, whatever scale the database gave it (PostgreSQL: 0.20).</summary>
    public const string NumberFormat = "0.##########";

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Text as a spreadsheet must not run it: an apostrophe before a leading = + - @, tab or carriage return.</summary>
    public static string Neutralised(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>A text cell, neutralised, and quoted when it holds a separator, a quote or a line break.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        value = Neutralised(value);
        return value.AsSpan().IndexOfAny("\",\n\r;") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    /// <summary>One line of text cells with this separator, ending in CR LF.</summary>
    public static string Line(char separator, IEnumerable<string?> cells)
    {
        var builder = new StringBuilder();
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                builder.Append(separator);
            }

            builder.Append(Cell(cell));
            first = false;
        }

        return builder.Append("\r\n").ToString();
    }

    /// <summary>A typed value as the reader's spreadsheet reads it and the import reads it back.</summary>
    public static string Value(object? value, ExportConventions conventions) => value switch
    {
        null => "",
        string text => Cell(text),

        // Numbers and dates are written by us, never typed by a user: no formula can hide in them.
        int or long => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        decimal or double => ((IFormattable)value).ToString(NumberFormat, conventions.Culture),
        DateOnly date => date.ToString(conventions.DateFormat, CultureInfo.InvariantCulture),
        DateTime instant => instant.ToLocalTime().ToString(conventions.InstantFormat, CultureInfo.InvariantCulture),
        _ => Cell(Convert.ToString(value, conventions.Culture)),
    };

    /// <summary>Writes a table: the header line, then a line per row as the rows arrive.</summary>
    public static async Task WriteAsync<T>(Stream body, ExportTable<T> table, ExportConventions conventions, CancellationToken ct)
    {
        await using var writer = Writer(body);
        await writer.WriteAsync(Line(conventions.Separator, table.Columns.Select(c => c.Header)));
        var line = new StringBuilder();
        await foreach (var row in table.Rows.WithCancellation(ct))
        {
            line.Clear();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                if (i > 0)
                {
                    line.Append(conventions.Separator);
                }

                line.Append(Value(table.Columns[i].Value(row), conventions));
            }

            await writer.WriteAsync(line.Append("\r\n"), ct);
        }
    }

    /// <summary>A writer of UTF-8 with a byte-order mark into the response, left open for the server to finish.</summary>
    public static StreamWriter Writer(Stream body) => new(body, Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true);
}
