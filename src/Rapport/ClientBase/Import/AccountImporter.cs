using Microsoft.EntityFrameworkCore;
using Rapport.Shared;

namespace Rapport.ClientBase.Import;

/// <summary>
/// Accounts, matched by EIK, else by domain (an account without an EIK, when the row has one). A file may name an EIK
/// once and a domain once, except that accounts with different EIKs (a company and its branches) may share a domain,
/// so no row can match an account that an earlier row of the same file creates: a preview counts what a commit does.
/// </summary>
internal sealed class AccountImporter(ImportContext context) : RowImporter(context)
{
    private readonly Dictionary<string, int> _eiks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Row, bool AllHadEik)> _domains = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _given = [];

    public override async Task ProcessAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        // Every row is looked up, a row with a bad cell too, so that it shows all its errors at once; only a row
        // without any is applied.
        var lines = new List<Line>(rows.Count);
        foreach (var row in rows)
        {
            var errors = Run.ErrorCount;
            var line = new Line(row, Text(row, ImportField.AccountName, 200), Eik(row, ImportField.AccountEik),
                Domain(row, ImportField.AccountDomain), Text(row, ImportField.Industry, 100), Choice<SizeSegment>(row, ImportField.Size),
                Text(row, ImportField.Region, 100), Choice<AccountStatus>(row, ImportField.AccountStatus), Email(row, ImportField.OwnerEmail));
            var keyed = IsKeyed(line, badKey: row[ImportField.AccountEik] is not null && line.Eik is null);
            lines.Add(line with { Failed = Run.ErrorCount > errors, Keyed = keyed });
        }

        var keyedLines = lines.Where(l => l.Keyed).ToList();
        var eiks = keyedLines.Where(l => l.Eik is not null).Select(l => l.Eik!).ToList();
        var byEik = eiks.Count == 0
            ? []
            : (await Db.Accounts.Where(a => a.RegistrationNumber != null && eiks.Contains(a.RegistrationNumber)).ToListAsync(ct))
                .GroupBy(a => a.RegistrationNumber!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var domains = keyedLines.Where(l => l.Domain is not null && (l.Eik is null || !byEik.ContainsKey(l.Eik))).Select(l => l.Domain!).ToList();
        var byDomain = domains.Count == 0
            ? []
            : (await Db.Accounts.Where(a => a.Domain != null && domains.Contains(a.Domain)).ToListAsync(ct))
                .GroupBy(a => a.Domain!).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Id).ToList(), StringComparer.Ordinal);
        var owners = await EmployeesAsync(lines.Select(l => l.Owner), ct);
        var matches = lines.Select(l => l.Keyed ? Match(l, byEik, byDomain) : null).ToList();
        var editable = await EditableAsync(matches.OfType<Account>().Select(a => a.Id), ct);

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var account = matches[i];
            var errors = Run.ErrorCount;
            var owner = line.Owner is { } email ? owners[email] : null;
            if (line.Owner is not null && (owner is null || (!owner.Active && owner.Id != account?.OwnerId)))
            {
                // One who has left may stay the owner of an account they own, so that an export imported again passes.
                Error(line.Row, ImportField.OwnerEmail, Format(Texts.ImportUnknownEmployee, line.Owner));
                owner = null;
            }

            if (account is not null)
            {
                if (!editable.Contains(account.Id))
                {
                    Error(line.Row, line.Eik is not null ? ImportField.AccountEik : ImportField.AccountDomain, Texts.ImportNotEditable);
                }
                else if (owner is not null && owner.Id != account.OwnerId && !await MayAssignAsync(owner.Id, ct))
                {
                    Error(line.Row, ImportField.OwnerEmail, ClientBaseAccess.AssignRefused(Viewer));
                }

                if (!line.Failed && Run.ErrorCount == errors)
                {
                    if (Apply(account, line, owner?.Id))
                    {
                        Run.Updated++;
                    }
                    else
                    {
                        Run.Unchanged++;
                    }
                }

                continue;
            }

            // A row whose key is in error might have matched an account, so what a new account needs is not asked of it.
            if (!line.Keyed)
            {
                continue;
            }

            var ownerId = owner?.Id ?? (line.Owner is null ? Viewer.EmployeeId : null);
            if (line.Name is null && line.Row[ImportField.AccountName] is null)
            {
                Error(line.Row, ImportField.AccountName, Format(Texts.ValidationRequired, ImportFields.Label(Run.Kind, ImportField.AccountName)));
            }

            if (line.Owner is null && ownerId is null)
            {
                Error(line.Row, ImportField.OwnerEmail, Texts.ImportOwnerRequired);
            }
            else if (ownerId is { } assigned && !await MayAssignAsync(assigned, ct))
            {
                Error(line.Row, ImportField.OwnerEmail, ClientBaseAccess.AssignRefused(Viewer));
            }

            if (!line.Failed && Run.ErrorCount == errors)
            {
                var created = new Account { CountryCode = "BG", Size = SizeSegment.Small, Status = AccountStatus.Prospect };
                Apply(created, line, ownerId);
                Writer.Add(created);
                Run.Created++;
            }
        }
    }

    /// <summary>
    /// Whether the row has a key, and one that no earlier row of the file has taken. A row whose EIK is in error has
    /// none, and has already been told why.
    /// </summary>
    private bool IsKeyed(Line line, bool badKey)
    {
        if (badKey || (line.Eik is null && line.Domain is null))
        {
            if (!badKey && line.Row[ImportField.AccountDomain] is null)
            {
                Error(line.Row, ImportField.AccountEik, Texts.ImportAccountKeyMissing);
            }

            return false;
        }

        if (line.Eik is { } eik && _eiks.TryGetValue(eik, out var eikRow))
        {
            Error(line.Row, ImportField.AccountEik, Format(Texts.ImportDuplicateRow, eikRow));
            return false;
        }

        if (line.Domain is { } domain && _domains.TryGetValue(domain, out var seen) && (line.Eik is null || !seen.AllHadEik))
        {
            Error(line.Row, ImportField.AccountDomain, Format(Texts.ImportDuplicateRow, seen.Row));
            return false;
        }

        if (line.Eik is not null)
        {
            _eiks[line.Eik] = line.Row.Row;
        }

        if (line.Domain is not null)
        {
            var had = _domains.TryGetValue(line.Domain, out var before);
            _domains[line.Domain] = (had ? before.Row : line.Row.Row, line.Eik is not null && (!had || before.AllHadEik));
        }

        return true;
    }

    private Account? Match(Line line, Dictionary<string, Account> byEik, Dictionary<string, List<Account>> byDomain)
    {
        if (line.Eik is { } eik && byEik.TryGetValue(eik, out var account))
        {
            return account;
        }

        // Without an EIK in the row, the domain decides; with one, only an account that has no EIK yet may match, and
        // only once per file: the row gives it its EIK, so a later row with another EIK is another company.
        account = line.Domain is { } domain && byDomain.TryGetValue(domain, out var candidates)
            ? candidates.FirstOrDefault(a => line.Eik is null || (a.RegistrationNumber is null && !_given.Contains(a.Id)))
            : null;
        if (account is not null && line.Eik is not null)
        {
            _given.Add(account.Id);
        }

        return account;
    }

    /// <summary>Sets the fields the row has values for; true if any changed. Empty cells leave a field as it is.</summary>
    private static bool Apply(Account account, Line line, Guid? ownerId)
    {
        var changed = Change(account.Name, line.Name, account.Rename);
        changed |= Change(account.RegistrationNumber, line.Eik, v => account.RegistrationNumber = v);
        changed |= Change(account.Domain, line.Domain, v => account.Domain = v);
        changed |= Change(account.Industry, line.Industry, v => account.Industry = v);
        changed |= Change(account.Size, line.Size, v => account.Size = v);
        changed |= Change(account.Region, line.Region, v => account.Region = v);
        changed |= Change(account.Status, line.Status, v => account.Status = v);
        changed |= Change(account.OwnerId, ownerId, v => account.OwnerId = v);
        return changed;
    }

    /// <summary>A row as read; <see cref="Failed"/> if a cell was in error, <see cref="Keyed"/> if it has a usable key.</summary>
    private sealed record Line(
        ImportRow Row, string? Name, string? Eik, string? Domain, string? Industry, SizeSegment? Size, string? Region,
        AccountStatus? Status, string? Owner, bool Failed = false, bool Keyed = false);
}
