using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Shared;

namespace Rapport.ClientBase.Import;

/// <summary>
/// Contacts, matched among the active contacts by any of their e-mail addresses. A contact is added to, or changed in,
/// an account the viewer may edit; one that works at another account is not moved by an import, since a move keeps
/// history on both sides. The e-mail and phone cells may hold several values; an import adds the addresses and numbers
/// a contact does not have yet after those it has, and removes none.
/// </summary>
internal sealed class ContactImporter(ImportContext context) : RowImporter(context)
{
    private readonly Dictionary<string, int> _emails = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BuyingRole> _roles = ImportValues.RoleIndex(context.Roles);

    public override async Task ProcessAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        // A row with a bad cell is looked up too, so that it shows all its errors at once; only a row without any is applied.
        var lines = new List<Line>(rows.Count);
        foreach (var row in rows)
        {
            var errors = Run.ErrorCount;
            var line = new Line(row, Text(row, ImportField.ContactName, 200), Emails(row),
                Phones(row), Text(row, ImportField.JobTitle, 100), Role(row),
                new AccountReference(Eik(row, ImportField.AccountEik), Domain(row, ImportField.AccountDomain), Text(row, ImportField.AccountName, 200)));
            if (line.Emails is null)
            {
                if (row[ImportField.ContactEmail] is null)
                {
                    Error(row, ImportField.ContactEmail, Format(Texts.ValidationRequired, ImportFields.Label(Run.Kind, ImportField.ContactEmail)));
                }
            }
            else if (line.Emails.Select(e => _emails.GetValueOrDefault(e)).FirstOrDefault(r => r > 0) is var first and > 0)
            {
                Error(row, ImportField.ContactEmail, Format(Texts.ImportDuplicateRow, first));
                line = line with { Emails = null };
            }
            else
            {
                line.Emails.ForEach(e => _emails[e] = row.Row);
            }

            // A reference cell in error names no account; it is not looked up as if the row had named none.
            var badReference = (row[ImportField.AccountEik] is not null && line.Account.Eik is null)
                || (row[ImportField.AccountDomain] is not null && line.Account.Domain is null)
                || (row[ImportField.AccountName] is not null && line.Account.Name is null);
            lines.Add(line with { Failed = Run.ErrorCount > errors, BadReference = badReference });
        }

        var known = await ContactsAsync([.. lines.Where(l => l.Emails is not null).SelectMany(l => l.Emails!)], ct);
        var existing = known.ByAddress;
        var named = lines.Where(l => !l.BadReference && !l.Account.IsEmpty).Select(l => l.Account).ToList();
        var accounts = await AccountReferences.LoadAsync(Db, named, ct);
        var found = lines.Select(l => l.BadReference || l.Account.IsEmpty ? (Id: null, Error: null) : accounts.Find(l.Account)).ToList();
        var editable = await EditableAsync(existing.Values.Select(c => c.AccountId).Concat(found.Select(f => f.Id).OfType<Guid>()), ct);
        var matches = lines.Select(l => (l.Emails ?? []).Select(e => existing.GetValueOrDefault(e)).OfType<Contact>().Distinct().ToList()).ToList();

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var errors = Run.ErrorCount;
            var (accountId, notFound) = found[i];
            if (notFound is not null)
            {
                Error(line.Row, line.Account.Field, notFound);
            }

            if (matches[i].Count > 1)
            {
                Error(line.Row, ImportField.ContactEmail, Texts.ImportEmailsOfSeveralContacts);
            }
            else if (matches[i] is [var contact])
            {
                if (line.Role is { Archived: true } archived && archived.Code != contact.Role)
                {
                    Error(line.Row, ImportField.BuyingRole, Texts.ValidationUnknownBuyingRole);
                }

                if (accountId is { } other && other != contact.AccountId)
                {
                    Error(line.Row, line.Account.Field, Texts.ImportContactAtOtherAccount);
                }
                else if (!editable.Contains(contact.AccountId))
                {
                    Error(line.Row, ImportField.ContactEmail, Texts.ImportNotEditable);
                }

                if (!line.Failed && Run.ErrorCount == errors)
                {
                    Update(contact, line, BringsNew(contact, line, known));
                }
            }
            else if (line.Emails is not null)
            {
                // No contact has these addresses: the row adds one, which needs an account and a name.
                if (accountId is not { } id)
                {
                    if (notFound is null && !line.BadReference)
                    {
                        Error(line.Row, Run.FirstMapped(ImportField.AccountEik, ImportField.AccountDomain, ImportField.AccountName), Texts.ImportAccountRequired);
                    }
                }
                else if (!editable.Contains(id))
                {
                    Error(line.Row, line.Account.Field, Texts.ImportNotEditable);
                }

                if (line.Name is null && line.Row[ImportField.ContactName] is null)
                {
                    Error(line.Row, ImportField.ContactName, Format(Texts.ValidationRequired, ImportFields.Label(Run.Kind, ImportField.ContactName)));
                }

                if (line.Role is { Archived: true })
                {
                    Error(line.Row, ImportField.BuyingRole, Texts.ValidationUnknownBuyingRole);
                }

                if (!line.Failed && Run.ErrorCount == errors && accountId is { } accountOfNew)
                {
                    var created = new Contact { AccountId = accountOfNew, Status = ContactStatus.Active, Role = Context.Roles.Default };
                    Apply(created, line, channels: true);
                    Writer.Add(created);
                    Run.Created++;
                }
            }
        }
    }

    /// <summary>Changes a contact as the row says, or counts it unchanged, or reports why it cannot.</summary>
    private void Update(Contact contact, Line line, bool bringsNew)
    {
        if (bringsNew && TooMany(contact, line) is { } tooMany)
        {
            Error(line.Row, tooMany.Field, tooMany.Message);
        }
        else if (Apply(contact, line, bringsNew))
        {
            // A new address alone changes no column of the contact, yet it is a change: its version moves.
            Db.Entry(contact).Property(c => c.Version).IsModified = true;
            Run.Updated++;
        }
        else
        {
            Run.Unchanged++;
        }
    }

    /// <summary>
    /// Sets the fields the row has values for, and adds its addresses and numbers if <paramref name="channels"/>; true if
    /// anything changed. Empty cells leave a field as it is.
    /// </summary>
    private static bool Apply(Contact contact, Line line, bool channels)
    {
        var changed = Change(contact.FullName, line.Name, contact.Rename);
        changed |= Change(contact.JobTitle, line.JobTitle, v => contact.JobTitle = v);
        changed |= channels && line.Emails is { } emails && contact.AddEmails(emails);
        changed |= channels && line.Phones is { } phones && contact.AddPhones(phones);
        changed |= Change(contact.Role, line.Role?.Code, v => contact.Role = v);
        return changed;
    }

    /// <summary>
    /// The active contacts that have any of these addresses, by address, tracked; and all their addresses and numbers,
    /// untracked: a contact takes them only when a row brings it something new (<see cref="BringsNew"/>), so a file
    /// imported again tracks no more than its contacts.
    /// </summary>
    private async Task<Known> ContactsAsync(List<string> emails, CancellationToken ct)
    {
        var owners = emails.Count == 0
            ? []
            : await (from e in Db.Set<ContactEmail>()
                     join c in Db.Contacts on e.ContactId equals c.Id
                     where emails.Contains(e.Address) && c.Status == ContactStatus.Active
                     select new { e.Address, Contact = c }).ToListAsync(ct);

        // A plain query per table: Include took several times as long for a batch of a thousand contacts.
        var active = owners.Select(o => o.Contact.Id).Distinct().ToList();
        var addresses = active.Count == 0 ? [] : await Db.Set<ContactEmail>().AsNoTracking().Where(e => active.Contains(e.ContactId)).ToListAsync(ct);
        var numbers = active.Count == 0 ? [] : await Db.Set<ContactPhone>().AsNoTracking().Where(p => active.Contains(p.ContactId)).ToListAsync(ct);
        return new Known(
            owners.DistinctBy(o => o.Address, StringComparer.Ordinal).ToDictionary(o => o.Address, o => o.Contact, StringComparer.Ordinal),
            addresses.ToLookup(e => e.ContactId), numbers.ToLookup(p => p.ContactId));
    }

    /// <summary>Whether the row brings the contact an address or number it lacks; if so, the contact takes its own first.</summary>
    private bool BringsNew(Contact contact, Line line, Known known)
    {
        var emails = known.Emails[contact.Id].OrderBy(e => e.Position).ToList();
        var phones = known.Phones[contact.Id].OrderBy(p => p.Position).ToList();
        var brings = (line.Emails is { } newEmails && ContactChannels.DistinctEmails([.. emails.Select(e => e.Address), .. newEmails]).Count > emails.Count)
            || (line.Phones is { } newPhones && ContactChannels.DistinctPhones([.. phones.Select(p => p.Number), .. newPhones]).Count > phones.Count);
        if (brings)
        {
            Db.AttachRange(emails);
            Db.AttachRange(phones);
            var entry = Db.Entry(contact);
            entry.Collection(c => c.Emails).IsLoaded = true;
            entry.Collection(c => c.Phones).IsLoaded = true;
        }

        return brings;
    }

    /// <summary>The addresses of an e-mail cell, in lower case; an error for each that is not one.</summary>
    private List<string>? Emails(ImportRow row)
    {
        var values = ContactChannels.SplitEmails(row[ImportField.ContactEmail]);
        var problems = ContactChannels.CheckEmails(values);
        problems.ForEach(p => Error(row, ImportField.ContactEmail, p.Message));
        return values.Count == 0 || problems.Count > 0 ? null : [.. values.Select(ContactChannels.NormalizeEmail)];
    }

    /// <summary>The numbers of a phone cell; an error for each that is not one.</summary>
    private List<string>? Phones(ImportRow row)
    {
        var values = ContactChannels.SplitPhones(row[ImportField.Phone]);
        var problems = ContactChannels.CheckPhones(values);
        problems.ForEach(p => Error(row, ImportField.Phone, p.Message));
        return values.Count == 0 || problems.Count > 0 ? null : values;
    }

    /// <summary>Why the row would give the contact more addresses or numbers than a contact may have, if it would.</summary>
    private static (ImportField Field, string Message)? TooMany(Contact contact, Line line)
    {
        static bool Over(int had, int after, int max) => after > max && after > had;
        if (line.Emails is { } emails
            && Over(contact.Emails.Count, ContactChannels.DistinctEmails([.. contact.EmailAddresses(), .. emails]).Count, ContactChannels.MaxEmails))
        {
            return (ImportField.ContactEmail, Format(Texts.ValidationTooManyEmails, ContactChannels.MaxEmails));
        }

        if (line.Phones is { } phones
            && Over(contact.Phones.Count, ContactChannels.DistinctPhones([.. contact.PhoneNumbers(), .. phones]).Count, ContactChannels.MaxPhones))
        {
            return (ImportField.Phone, Format(Texts.ValidationTooManyPhones, ContactChannels.MaxPhones));
        }

        return null;
    }

    private sealed record Known(Dictionary<string, Contact> ByAddress, ILookup<Guid, ContactEmail> Emails, ILookup<Guid, ContactPhone> Phones);

    /// <summary>A row as read; <see cref="Failed"/> if a cell was in error, <see cref="BadReference"/> if its account cell was.</summary>
    private sealed record Line(
        ImportRow Row, string? Name, List<string>? Emails, List<string>? Phones, string? JobTitle, BuyingRole? Role, AccountReference Account,
        bool Failed = false, bool BadReference = false);

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

        var accepted = string.Join(", ", Context.Roles.Choices().Select(r => r.Name(CultureInfo.CurrentUICulture)));
        Error(row, ImportField.BuyingRole, Format(Texts.ImportUnknownBuyingRole, text, accepted));
        return null;
    }
}
