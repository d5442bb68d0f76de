using Microsoft.EntityFrameworkCore;
using Rapport.Shared;

namespace Rapport.ClientBase.Import;

/// <summary>
/// Interactions, matched by account, time and subject, so importing the same history twice adds nothing. A new
/// interaction strengthens the relationships of its participants exactly as one logged by hand; an existing one only
/// takes a changed outcome, because its kind and participants have already counted towards relationship strength.
/// </summary>
internal sealed class InteractionImporter(ImportContext context) : RowImporter(context)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly Dictionary<(Guid, DateTime, string), int> _keys = [];
    private readonly List<Interaction> _created = [];

    public override async Task ProcessAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        _created.Clear();

        // A row with a bad cell is looked up too, so that it shows all its errors at once; only a row without any is applied.
        var lines = new List<Line>(rows.Count);
        foreach (var row in rows)
        {
            var errors = Run.ErrorCount;
            var line = new Line(row, new AccountReference(Eik(row, ImportField.AccountEik), Domain(row, ImportField.AccountDomain), null),
                Choice<InteractionKind>(row, ImportField.InteractionKind), When(row), Text(row, ImportField.Subject, 200),
                Text(row, ImportField.Outcome, 2000), Email(row, ImportField.ContactEmail), Email(row, ImportField.EmployeeEmail));
            var badReference = (row[ImportField.AccountEik] is not null && line.Account.Eik is null)
                || (row[ImportField.AccountDomain] is not null && line.Account.Domain is null);
            if (line.Account.IsEmpty && !badReference)
            {
                Error(row, Run.FirstMapped(ImportField.AccountEik, ImportField.AccountDomain), Texts.ImportAccountRequired);
            }

            if (line.Subject is null && row[ImportField.Subject] is null)
            {
                Error(row, ImportField.Subject, Format(Texts.ValidationRequired, ImportFields.Label(Run.Kind, ImportField.Subject)));
            }

            lines.Add(line with { Failed = Run.ErrorCount > errors, BadReference = badReference });
        }

        var named = lines.Where(l => !l.BadReference && !l.Account.IsEmpty).ToList();
        var accounts = await AccountReferences.LoadAsync(Db, [.. named.Select(l => l.Account)], ct);
        var found = lines.Select(l => l.BadReference || l.Account.IsEmpty ? (Id: null, Error: null) : accounts.Find(l.Account)).ToList();
        var accountIds = found.Select(f => f.Id).OfType<Guid>().Distinct().ToList();
        var editable = await EditableAsync(accountIds, ct);
        var employees = await EmployeesAsync(lines.Select(l => l.EmployeeEmail), ct);
        var contactEmails = lines.Where(l => l.ContactEmail is not null).Select(l => l.ContactEmail!).Distinct().ToList();
        var contacts = contactEmails.Count == 0 || accountIds.Count == 0
            ? []
            : await (from e in Db.Set<ContactEmail>()
                     join c in Db.Contacts on e.ContactId equals c.Id
                     where contactEmails.Contains(e.Address) && accountIds.Contains(c.AccountId)
                     orderby c.Status
                     select new { c.Id, c.AccountId, Email = e.Address }).ToListAsync(ct);
        var existing = await ExistingAsync(accountIds, [.. lines.Where(l => !l.Failed)], ct);

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var errors = Run.ErrorCount;
            var (accountFound, notFound) = found[i];
            if (notFound is not null)
            {
                Error(line.Row, line.Account.Field, notFound);
            }
            else if (accountFound is { } toCheck && !editable.Contains(toCheck))
            {
                Error(line.Row, line.Account.Field, Texts.ImportNotEditable);
            }

            var employee = line.EmployeeEmail is { } email ? employees[email] : null;
            Guid? employeeId = line.EmployeeEmail is null ? Viewer.EmployeeId : employee is { Active: true } ? employee.Id : null;
            if (line.EmployeeEmail is not null && employeeId is null)
            {
                Error(line.Row, ImportField.EmployeeEmail, Format(Texts.ImportUnknownEmployee, line.EmployeeEmail));
            }
            else if (employeeId is null)
            {
                Error(line.Row, ImportField.EmployeeEmail, Texts.ValidationOurPeopleRequired);
            }
            else if (employeeId != Viewer.EmployeeId && !await MayAssignAsync(employeeId.Value, ct))
            {
                Error(line.Row, ImportField.EmployeeEmail,
                    Viewer.Is(Roles.HeadOfSales) ? Texts.ValidationAssignOutsideTeam : Texts.ValidationCreditOthers);
            }

            if (accountFound is not { } accountId)
            {
                continue;
            }

            var contactId = line.ContactEmail is { } address
                ? contacts.FirstOrDefault(c => c.AccountId == accountId && c.Email == address)?.Id
                : null;
            if (line.ContactEmail is not null && contactId is null)
            {
                Error(line.Row, ImportField.ContactEmail, Texts.ValidationContactsOfAccount);
            }

            if (line.At is null || line.Subject is null)
            {
                continue;
            }

            var key = (accountId, line.At.Value, line.Subject);
            if (_keys.TryGetValue(key, out var first))
            {
                Error(line.Row, ImportField.Subject, Format(Texts.ImportDuplicateRow, first));
                continue;
            }

            _keys[key] = line.Row.Row;
            if (line.Failed || Run.ErrorCount > errors)
            {
                continue;
            }

            if (existing.TryGetValue(key, out var interaction))
            {
                if (Change(interaction.Outcome, line.Outcome, v => interaction.Outcome = v))
                {
                    Run.Updated++;
                }
                else
                {
                    Run.Unchanged++;
                }

                continue;
            }

            var created = new Interaction
            {
                AccountId = accountId,
                Kind = line.Kind ?? InteractionKind.Note,
                OccurredAt = line.At.Value,
                Subject = line.Subject,
                Outcome = line.Outcome,
                LoggedById = Viewer.EmployeeId,
            };
            created.Employees.Add(new InteractionEmployee { InteractionId = created.Id, EmployeeId = employeeId!.Value });
            if (contactId is { } contact)
            {
                created.Contacts.Add(new InteractionContact { InteractionId = created.Id, ContactId = contact });
            }

            Writer.Add(created);
            _created.Add(created);
            Run.Created++;
        }
    }

    /// <summary>The new interactions count towards relationship strength, by the same rule as one logged by hand.</summary>
    public override Task BeforeSaveAsync(CancellationToken ct) =>
        InteractionHandlers.StrengthenAsync(Db, _created, Context.Strength, Writer.Add, ct);

    private DateTime? When(ImportRow row)
    {
        if (row[ImportField.OccurredAt] is not { } text)
        {
            Error(row, ImportField.OccurredAt, Format(Texts.ValidationRequired, ImportFields.Label(Run.Kind, ImportField.OccurredAt)));
            return null;
        }

        if (ImportValues.ParseInstant(text) is not { } at)
        {
            Error(row, ImportField.OccurredAt, Format(Texts.ImportBadDate, text));
            return null;
        }

        if (at > Context.Now + ClockSkew)
        {
            Error(row, ImportField.OccurredAt, Texts.ValidationNotInFuture);
            return null;
        }

        return at;
    }

    /// <summary>The interactions already on these accounts within the batch's time span, by their natural key.</summary>
    private async Task<Dictionary<(Guid, DateTime, string), Interaction>> ExistingAsync(
        List<Guid> accountIds, List<Line> lines, CancellationToken ct)
    {
        if (accountIds.Count == 0 || lines.Count == 0)
        {
            return [];
        }

        // A time span rather than a list of instants: every provider compares instants, not all of them list them.
        var from = lines.Min(l => l.At!.Value);
        var to = lines.Max(l => l.At!.Value);
        var found = await Db.Interactions.Where(i => accountIds.Contains(i.AccountId) && i.OccurredAt >= from && i.OccurredAt <= to)
            .ToListAsync(ct);
        var byKey = new Dictionary<(Guid, DateTime, string), Interaction>();
        foreach (var interaction in found)
        {
            byKey.TryAdd((interaction.AccountId, interaction.OccurredAt, interaction.Subject), interaction);
        }

        return byKey;
    }

    /// <summary>A row as read; <see cref="Failed"/> if a cell was in error, <see cref="BadReference"/> if its account cell was.</summary>
    private sealed record Line(
        ImportRow Row, AccountReference Account, InteractionKind? Kind, DateTime? At, string? Subject, string? Outcome,
        string? ContactEmail, string? EmployeeEmail, bool Failed = false, bool BadReference = false);
}
