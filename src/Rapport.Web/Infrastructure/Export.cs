using System.Globalization;
using Microsoft.Net.Http.Headers;
using Rapport.Identity;

namespace Rapport.Web;

/// <summary>
/// A column of an exported list: its header in the reader's language and each row's value, typed: text, a whole
/// or decimal number, a <see cref="DateOnly"/>, or an instant as a UTC <see cref="DateTime"/> (shown in local time).
/// </summary>
internal sealed record ExportColumn<T>(string Header, Func<T, object?> Value);

/// <summary>A list as it is exported: the file's name (without extension), the sheet's title, the columns and the rows.</summary>
/// <remarks>The rows are read as they are written, a keyset page at a time, so an export of any size holds one page.</remarks>
internal sealed record ExportTable<T>(string Name, string Title, IReadOnlyList<ExportColumn<T>> Columns, IAsyncEnumerable<T> Rows);

/// <summary>
/// How a file for this reader writes what the page shows: in Bulgarian the separator is a semicolon (a comma is the
/// decimal separator) and dates are day.month.year; in English the separator is a comma and dates are ISO, since the
/// British day/month with slashes is what the import refuses as ambiguous. Spreadsheet formats follow the reader.
/// </summary>
internal sealed record ExportConventions(
    char Separator, CultureInfo Culture, string DateFormat, string InstantFormat, string SheetDateFormat, string SheetInstantFormat)
{
    public static ExportConventions Current => Localization.CurrentLanguage == Languages.Bulgarian
        ? new(';', CultureInfo.CurrentCulture, "dd.MM.yyyy", "dd.MM.yyyy HH:mm", "dd.mm.yyyy", "dd.mm.yyyy hh:mm")
        : new(',', CultureInfo.CurrentCulture, "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "dd/mm/yyyy", "dd/mm/yyyy hh:mm");
}

/// <summary>Exports of the lists: the same table as CSV or as an XLSX workbook, chosen by the address's extension.</summary>
internal static class Export
{
    /// <summary>
    /// The table in the format of the address (<c>export.csv</c> or <c>export.xlsx</c>), or 404 for any other. The
    /// culture of the request is taken now, so the rows are written in it however the writing is scheduled.
    /// </summary>
    public static IResult File<T>(string format, ExportTable<T> table)
    {
        var conventions = ExportConventions.Current;
        return format switch
        {
            "csv" => new ExportResult(table.Name + ".csv", "text/csv; charset=utf-8",
                (body, ct) => Csv.WriteAsync(body, table, conventions, ct)),
            "xlsx" => new ExportResult(table.Name + ".xlsx", Xlsx.ContentType,
                (body, ct) => Xlsx.WriteAsync(body, table, conventions, ct)),
            _ => Results.NotFound(),
        };
    }

    /// <summary>Every row of a keyset-paged list, fetching the next page only when the previous one has been written.</summary>
    public static async IAsyncEnumerable<T> Pages<T>(
        Func<string?, CancellationToken, Task<Shared.Page<T>>> fetch,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        string? after = null;
        do
        {
            var page = await fetch(after, ct);
            foreach (var row in page.Items)
            {
                yield return row;
            }

            after = page.Next;
        }
        while (after is not null);
    }

    /// <summary>A list already read whole (teams, users: tens or hundreds of rows), as rows of an export.</summary>
    public static async IAsyncEnumerable<T> All<T>(Func<CancellationToken, Task<List<T>>> read,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var row in await read(ct))
        {
            yield return row;
        }
    }

    /// <summary>A download written straight into the response, cancelled when the client goes away.</summary>
    private sealed class ExportResult(string fileName, string contentType, Func<Stream, CancellationToken, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = contentType;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fileName);
            response.Headers.ContentDisposition = disposition.ToString();

            // A list the viewer may see now, not a copy a proxy kept.
            response.Headers.CacheControl = "no-store";
            await write(response.Body, httpContext.RequestAborted);
        }
    }
}
