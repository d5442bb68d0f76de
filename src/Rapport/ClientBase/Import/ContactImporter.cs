using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Shared;

namespace Rapport.ClientBase.Import;

/// <summary>
/// Contacts, matched by e-mail among the active contacts. A contact is added to, or changed in, an account the viewer
/// may edit; one that works at another account is not moved by an import, since a move keeps history on both sides.
/// </summary>
internal sealed class ContactImporter(ImportContext context) : RowImporter(context)
{
    private readonly Dictionary<string, int> _emails = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BuyingRole> _roles = ImportValues.RoleIndex(context.Roles);

    public override async Task ProcessAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var lines = new List<Line>(rows.Count);
        foreach (var row in rows)
        {
            var errors = Run.ErrorCount;
            var line = new Line(row, Text(row, ImportField.ContactName, 200), Email(row, ImportField.ContactEmail),
                Text(row, ImportField.Phone, 40), Text(row, ImportField.JobTitle, 100), Role(row),
                new AccountReference(Eik(row, ImportField.AccountEik), Domain(row, ImportField.AccountDomain), Text(row, ImportField.AccountName, 200)));
            if (Run.ErrorCount > errors)
            {
                continue;
            }

            if (line.Email is null)
            {
                Error(row, ImportField.ContactEmail, Format(Texts.ValidationRequired, ImportFields.Label(Run.Kind, ImportField.ContactEmail)));
            }
            else if (_emails.TryGetValue(line.Email, out var first))
            {
                Error(row, ImportField.ContactEmail, Format(Texts.ImportDuplicateRow, first));
            }
            else
            {
                _emails[line.Email] = row.Row;
                lines.Add(line);
            }
        }

        var emails = lines.Select(l => l.Email!).ToList();
        var existing = (await Db.Contacts.Where(c => c.Email != null && emails.Contains(c.Email) && c.Status == ContactStatus.Active).ToListAsync(ct))
            .GroupBy(c => c.Email!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var accounts = await AccountReferences.LoadAsync(Db, [.. lines.Where(l => !l.Account.IsEmpty).Select(l => l.Account)], ct);
        var found = lines.Select(l => l.Account.IsEmpty ? (Id: null, Error: null) : accounts.Find(l.Account)).ToList();
        var editable = await EditableAsync(existing.Values.Select(c => c.AccountId).Concat(found.Select(f => f.Id).OfType<Guid>()), ct);

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var (accountId, notFound) = found[i];
            if (notFound is not null)
            {
                Error(line.Row, line.Account.Field, notFound);
            }
            else if (existing.TryGetValue(line.Email!, out var contact))
            {
                if (line.Role is { Archived: true } archived && archived.Code != contact.Role)
                {
                    Error(line.Row, ImportField.BuyingRole, Texts.ValidationUnknownBuyingRole);
                }
                else if (accountId is { } named && named != contact.AccountId)
                {
                    Error(line.Row, line.Account.Field, Texts.ImportContactAtOtherAccount);
                }
                else if (!editable.Contains(contact.AccountId))
                {
                    Error(line.Row, ImportField.ContactEmail, Texts.ImportNotEditable);
                }
                else if (Apply(contact, line))
                {
                    Run.Updated++;
                }
                else
                {
                    Run.Unchanged++;
                }
            }
            else if (accountId is not { } id)
            {
                Error(line.Row, Run.FirstMapped(ImportField.AccountEik, ImportField.AccountDomain, ImportField.AccountName), Texts.ImportAccountRequired);
            }
            else if (!editable.Contains(id))
            {
                Error(line.Row, line.Account.Field, Texts.ImportNotEditable);
            }
            else if (line.Name is null)
            {
                Error(line.Row, ImportField.ContactName, Format(Texts.ValidationRequired, ImportFields.Label(Run.Kind, ImportField.ContactName)));
            }
            else if (line.Role is { Archived: true })
            {
                Error(line.Row, ImportField.BuyingRole, Texts.ValidationUnknownBuyingRole);
            }
            else
            {
                var created = new Contact { AccountId = id, Status = ContactStatus.Active, Email = line.Email, Role = Context.Roles.Default };
                Apply(created, line);
                Writer.Add(created);
                Run.Created++;
            }
        }
    }

    /// <summary>Sets the fields the row has values for; true if any changed. Empty cells leave a field as it is.</summary>
    private static bool Apply(Contact contact, Line line)
    {
        var changed = Change(contact.FullName, line.Name, contact.Rename);
        changed |= Change(contact.JobTitle, line.JobTitle, v => contact.JobTitle = v);
        changed |= Change(contact.Phone, line.Phone, contact.SetPhone);
        changed |= Change(contact.Role, line.Role?.Code, v => contact.Role = v);
        return changed;
    }

    private sealed record Line(
        ImportRow Row, string? Name, string? Email, string? Phone, string? JobTitle, BuyingRole? Role, AccountReference Account);

    /// <summary>The buying role a cell names; an error, listing the active roles, when it names none.</summary>
    private BuyingRole? Role(ImportRow row)
    {
        if (row[ImportField.BuyingRole] is not { } text)
        {
            return null;
        }

        if (_roles.TryGetValue(ImportFields.HeaderKey(text), out var role))
        {
            return role;
        }

        var accepted = string.Join(", ", Context.Roles.Choices().Select(r => r.Name(CultureInfo.CurrentCulture)));
        Error(row, ImportField.BuyingRole, Format(Texts.ImportUnknownValue, text, accepted));
        return null;
    }
}
