using System.Security.Claims;
using Rapport.ClientBase;
using Rapport.ClientBase.Import;
using Rapport.Shared;

namespace Rapport.Web.Features.ClientBase;

/// <summary>
/// The account list as CSV or XLSX, with the same filter and visibility as the page it is exported from. Its columns
/// are the fields of an account import, headed as the import names them: the file, changed or not, imports again
/// into the same accounts.
/// </summary>
internal static class AccountsExport
{
    /// <summary>Each field of an account import as an exported account fills it.</summary>
    private static readonly Dictionary<ImportField, Func<AccountExportRow, object?>> Values = new()
    {
        [ImportField.AccountName] = a => a.Name,
        [ImportField.AccountEik] = a => a.Eik,
        [ImportField.AccountDomain] = a => a.Domain,
        [ImportField.Industry] = a => a.Industry,
        [ImportField.Size] = a => ImportValues.Name(a.Size),
        [ImportField.Region] = a => a.Region,
        [ImportField.AccountStatus] = a => ImportValues.Name(a.Status),
        [ImportField.OwnerEmail] = a => a.OwnerEmail,
    };

    public static void MapAccountsExport(this IEndpointRouteBuilder app) =>
        // The query string is the list page's own, and its filter form sends "All" as an empty value, which typed
        // parameters (Guid?, enums) would refuse; so everything arrives as text and is parsed leniently, as on the page.
        app.MapGet("/accounts/export.{format}", (string format, ClaimsPrincipal user, AccountExport accounts, string? q, string? status,
                string? segment, string? owner, string? team, string? desc, string? coverage, string? industry, string? region) =>
            {
                var filter = new AccountFilter(q,
                    OwnerId: Guid.TryParse(owner, out var o) ? o : null,
                    TeamId: Guid.TryParse(team, out var t) ? t : null,
                    Segment: Enum.TryParse<SizeSegment>(segment, ignoreCase: true, out var s) ? s : null,
                    Industry: industry, Region: region,
                    Status: Enum.TryParse<AccountStatus>(status, ignoreCase: true, out var st) ? st : null,
                    Descending: bool.TryParse(desc, out var d) && d,
                    Coverage: Enum.TryParse<CoverageFilter>(coverage, ignoreCase: true, out var c) ? c : null);
                var columns = ImportFields.Of(ImportKind.Accounts)
                    .Select(f => new ExportColumn<AccountExportRow>(ImportFields.Label(ImportKind.Accounts, f), Values[f])).ToList();
                return Export.File(format, new ExportTable<AccountExportRow>("accounts", Texts.AccountsTitle, columns,
                    accounts.RowsAsync(user.ToViewer(), filter)));
            })
        .RequireAuthorization(p => p.RequireRole(Roles.ClientBaseUsers.Split(',')))
        .ExcludeFromDescription();
}
