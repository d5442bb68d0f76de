using System.Globalization;
using System.Text;

namespace Rapport.Web;

/// <summary>
/// Writes CSV for spreadsheets: UTF-8 with a byte-order mark, RFC 4180 quoting, and every cell that a spreadsheet
/// would read as a formula (starting with = + - @, tab or carriage return) prefixed with an apostrophe.
/// </summary>
internal static class Csv
{
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny("\",\n\r;") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    public static string Line(params ReadOnlySpan<string?> cells)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(Cell(cells[i]));
        }

        return builder.Append("\r\n").ToString();
    }

    public static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    /// <summary>
    /// A header line, then one line per row of every keyset page of a list, fetched one page at a time so an export
    /// of any size holds one page in memory.
    /// </summary>
    public static async IAsyncEnumerable<string> Lines<T>(
        string header, Func<string?, CancellationToken, Task<Shared.Page<T>>> fetch, Func<T, string> line,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        yield return header;
        string? after = null;
        do
        {
            var page = await fetch(after, ct);
            foreach (var row in page.Items)
            {
                yield return line(row);
            }

            after = page.Next;
        }
        while (after is not null);
    }

    /// <summary>Streams lines as a CSV download; the rows are produced page by page, never all held at once.</summary>
    public static IResult File(string fileName, IAsyncEnumerable<string> lines) =>
        Results.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await foreach (var line in lines)
            {
                await writer.WriteAsync(line);
            }
        }, "text/csv; charset=utf-8", fileName);
}
