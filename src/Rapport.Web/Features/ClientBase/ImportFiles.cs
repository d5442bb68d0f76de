using System.Buffers.Text;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Rapport.ClientBase;
using Rapport.ClientBase.Import;
using Rapport.Shared;

namespace Rapport.Web.Features.ClientBase;

/// <summary>
/// The files of the import page: a template per kind (the header line an import maps by itself and an example row),
/// and the rows in error of an upload (each original row with its errors in a last column), which a user corrects and
/// imports again. Both are CSV in the reader's conventions, as the exports are.
/// </summary>
internal static class ImportFiles
{
    /// <summary>A valid EIK that is plainly an example.</summary>
    private const string ExampleEik = "123456786";

    private const string ExampleDomain = "trakia-trade.example";

    public static void MapImportFiles(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/accounts/import")
            .RequireAuthorization(p => p.RequireRole(Roles.ClientBaseUsers.Split(',')))
            .ExcludeFromDescription();

        files.MapGet("/templates/{kind}.csv", async (string kind, BuyingRoleCatalog catalog, CancellationToken ct) =>
        {
            if (!Enum.TryParse<ImportKind>(kind, ignoreCase: true, out var k) || !Enum.IsDefined(k) || int.TryParse(kind, out _))
            {
                return Results.NotFound();
            }

            var roles = await catalog.GetAsync(ct);
            var conventions = ExportConventions.Current;
            var example = Example(roles, conventions);
            var text = Csv.Line(conventions.Separator, ImportFields.DefaultHeaders(k))
                + Csv.Line(conventions.Separator, ImportFields.Of(k).Select(f => example[f]));
            return Download($"{k.ToString().ToLowerInvariant()}-template.csv", text);
        });

        files.MapGet("/{upload}/errors.csv", async (string upload, string? kind, string? map, ClaimsPrincipal user,
            ImportUploads uploads, ImportHandlers imports, CancellationToken ct) =>
        {
            var viewer = user.ToViewer();
            var k = Enum.TryParse<ImportKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : ImportKind.Accounts;
            await using var stream = uploads.Open(viewer.UserId, upload);
            if (stream is null)
            {
                return Results.NotFound();
            }

            var columns = Mapping(map) ?? ImportFields.Suggest(k, CsvFile.Open(stream).Headers);
            var byRow = new SortedDictionary<int, List<ImportRowError>>();
            await imports.CheckAsync(viewer, k, stream, columns, e =>
            {
                if (!byRow.TryGetValue(e.Row, out var errors))
                {
                    byRow[e.Row] = errors = [];
                }

                errors.Add(e);
            }, ct);
            return Download("rows-in-error.csv", RowsInError(CsvFile.Open(stream), byRow, ExportConventions.Current.Separator));
        });
    }

    /// <summary>The address of the file of an upload's rows in error, checked with this mapping.</summary>
    public static string ErrorsUrl(string upload, ImportKind kind, ColumnMap map) =>
        $"/accounts/import/{upload}/errors.csv?kind={kind}&map={Base64Url.EncodeToString(Encoding.UTF8.GetBytes(map.ToJson()))}";

    private static ColumnMap? Mapping(string? map)
    {
        if (string.IsNullOrEmpty(map))
        {
            return null;
        }

        try
        {
            return ColumnMap.FromJson(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(map)));
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The header line and every data row with an error, as read, with the errors in a last column; a column of
    /// errors the file already has (it is such a file, corrected in part) takes the new ones instead. Errors of the
    /// header line are the mapping's, shown on the page, and not repeated here.
    /// </summary>
    private static string RowsInError(CsvFile file, SortedDictionary<int, List<ImportRowError>> byRow, char separator)
    {
        var headers = file.Headers.ToList();
        var errorColumn = headers.FindIndex(h => Identity.Languages.All.Any(l =>
            ImportFields.InLanguage(l, () => Texts.ImportErrors) == h));
        if (errorColumn < 0)
        {
            headers.Add(Texts.ImportErrors);
        }

        var text = new StringBuilder(Csv.Line(separator, headers));
        foreach (var record in file.Records())
        {
            if (!byRow.TryGetValue(record.Row, out var errors))
            {
                continue;
            }

            // A row with too few cells is filled up to the header; one with too many keeps them all, the errors after.
            var cells = record.Cells.Concat(Enumerable.Repeat("", Math.Max(0, file.Headers.Count - record.Cells.Length))).ToList();
            var message = string.Join(" | ", errors.Select(e => e.Column is null ? e.Message : $"{e.Column}: {e.Message}"));
            if (errorColumn >= 0)
            {
                cells[errorColumn] = message;
            }
            else
            {
                cells.Add(message);
            }

            text.Append(Csv.Line(separator, cells));
        }

        return text.ToString();
    }

    /// <summary>The example row of the templates, in the reader's language and conventions.</summary>
    private static Dictionary<ImportField, string> Example(RoleSet roles, ExportConventions conventions) => new()
    {
        [ImportField.AccountName] = Texts.ImportExampleAccountName,
        [ImportField.AccountEik] = ExampleEik,
        [ImportField.AccountDomain] = ExampleDomain,
        [ImportField.Industry] = Texts.ImportExampleIndustry,
        [ImportField.Size] = ImportValues.Name(SizeSegment.Medium),
        [ImportField.Region] = Texts.ImportExampleRegion,
        [ImportField.AccountStatus] = ImportValues.Name(AccountStatus.Prospect),
        [ImportField.OwnerEmail] = "elena.georgieva@example.com",
        [ImportField.ContactName] = Texts.ImportExampleContactName,
        [ImportField.ContactEmail] = "maria.ivanova@" + ExampleDomain,
        [ImportField.Phone] = "032 123 456",
        [ImportField.JobTitle] = Texts.ImportExampleJobTitle,
        [ImportField.BuyingRole] = roles.NameOf(roles.Find(BuyingRoles.DecisionMaker) is null ? roles.Default : BuyingRoles.DecisionMaker),
        [ImportField.InteractionKind] = ImportValues.Name(InteractionKind.Meeting),
        [ImportField.OccurredAt] = new DateTime(2025, 3, 31, 14, 30, 0).ToString(conventions.InstantFormat, CultureInfo.InvariantCulture),
        [ImportField.Subject] = Texts.ImportExampleSubject,
        [ImportField.Outcome] = Texts.ImportExampleOutcome,
        [ImportField.EmployeeEmail] = "elena.georgieva@example.com",
    };

    private static IResult Download(string fileName, string text) =>
        Results.File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(),
            "text/csv; charset=utf-8", fileName);
}
