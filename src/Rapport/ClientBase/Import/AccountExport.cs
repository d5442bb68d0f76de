using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.ClientBase.Import;

/// <summary>An account in the fields of an account import, so that an exported list imported again changes nothing.</summary>
public sealed record AccountExportRow(
    string Name, string? Eik, string? Domain, string Industry, SizeSegment Size, string Region, AccountStatus Status, string? OwnerEmail);

/// <summary>
/// The accounts of the account list, with its filters and its visibility, in the fields the account import reads.
/// The list's own query decides which accounts and in what order, a keyset page at a time; each page then reads the
/// two fields the list does not show (domain, owner's e-mail) by id.
/// </summary>
public sealed class AccountExport(RapportDb db, AccountHandlers accounts)
{
    public async IAsyncEnumerable<AccountExportRow> RowsAsync(
        Viewer viewer, AccountFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        string? after = null;
        do
        {
            var page = await accounts.ListAsync(viewer, filter with { After = after, PageSize = Cursor.MaxPageSize }, ct);
            var ids = page.Items.Select(a => a.Id).ToList();
            var more = ids.Count == 0
                ? []
                : await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id))
                    .Select(a => new { a.Id, a.Domain, OwnerEmail = a.Owner!.Email }).ToDictionaryAsync(a => a.Id, ct);
            foreach (var a in page.Items)
            {
                var extra = more.GetValueOrDefault(a.Id);
                yield return new AccountExportRow(a.Name, a.RegistrationNumber, extra?.Domain, a.Industry, a.Size, a.Region, a.Status,
                    extra?.OwnerEmail);
            }

            after = page.Next;
        }
        while (after is not null);
    }
}
