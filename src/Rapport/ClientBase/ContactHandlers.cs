using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>The fields a user may set on a contact.</summary>
public sealed class ContactInput : IValidatableObject
{
    [Display(Name = nameof(Texts.FieldFullName), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(200, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? FullName { get; set; }

    [Display(Name = nameof(Texts.FieldJobTitle), ResourceType = typeof(Texts))]
    [StringLength(100, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? JobTitle { get; set; }

    // A form posts an empty field as "", which [EmailAddress] refuses; a blank address means none.
    [Display(Name = nameof(Texts.FieldEmail), ResourceType = typeof(Texts))]
    [EmailAddress(ErrorMessageResourceName = nameof(Texts.ValidationEmail), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(256, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Email { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value; }

    [Display(Name = nameof(Texts.FieldPhone), ResourceType = typeof(Texts))]
    [StringLength(40, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Phone { get; set; }

    /// <summary>
    /// Every e-mail address, the primary first; blank entries are ignored. Left out (null), <see cref="Email"/> is
    /// taken instead as the primary address, and the contact's other addresses stay: clients that knew one keep working.
    /// </summary>
    public List<string?>? Emails { get; set; }

    /// <summary>Every phone number, the primary first; blank entries are ignored. Left out (null), <see cref="Phone"/> is taken as for <see cref="Emails"/>.</summary>
    public List<string?>? Phones { get; set; }

    /// <summary>
    /// The code of one of the buying roles (an archived one only when the contact has it already); none gives a new
    /// contact the default role and leaves an existing contact's role as it is.
    /// </summary>
    [Display(Name = nameof(Texts.FieldBuyingRole), ResourceType = typeof(Texts))]
    [StringLength(BuyingRoles.CodeLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Role { get; set; }

    public long Version { get; set; }

    /// <summary>Each address or number in error beside its entry (<c>Emails[1]</c>), a list in error as a whole beside the list.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ContactChannelInput.Check(Emails, Phones, nameof(Emails), nameof(Phones));
}

/// <summary>A contact with what the viewer's side knows of them: the strongest relationship and who holds it.</summary>
public sealed record ContactRow(
    Guid Id, Guid AccountId, string FullName, string JobTitle, string? Email, string? Phone, string Role,
    ContactStatus Status, int Strength, string? StrongestWith, DateTime? LastContactAt)
{
    /// <summary>Every e-mail address, the primary (<see cref="Email"/>) first.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>Every phone number, the primary (<see cref="Phone"/>) first.</summary>
    public IReadOnlyList<string> Phones { get; init; } = [];
}

public sealed record ContactDetails(
    Guid Id, Guid AccountId, string AccountName, string FullName, string JobTitle, string? Email, string? Phone,
    string Role, ContactStatus Status, DateOnly? LeftOn, Guid? PreviousId, Guid? NextId, long Version, bool CanEdit)
{
    /// <summary>Every e-mail address, the primary (<see cref="Email"/>) first.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>Every phone number, the primary (<see cref="Phone"/>) first.</summary>
    public IReadOnlyList<string> Phones { get; init; } = [];

    public ContactInput ToInput() => new()
    {
        FullName = FullName, JobTitle = JobTitle, Email = Email, Phone = Phone, Role = Role, Version = Version,
        Emails = [.. Emails], Phones = [.. Phones],
    };
}

/// <summary>Contacts of accounts, within the accounts the viewer may see and edit.</summary>
public sealed class ContactHandlers(
    RapportDb db, TimeProvider clock, IOptions<StrengthOptions> options, BuyingRoleCatalog roles, AccountSignals signals)
{
    public async Task<List<ContactRow>?> ListForAccountAsync(Viewer viewer, Guid accountId, CancellationToken ct = default)
    {
        if (!await ClientBaseAccess.CanSeeAsync(db, viewer, accountId, ct))
        {
            return null;
        }

        // Roles are put in the order the settings give them here: an account has tens of contacts, not thousands.
        var order = await roles.GetAsync(ct);
        var contacts = (await db.Contacts.AsNoTracking().Where(c => c.AccountId == accountId).ToListAsync(ct))
            .OrderBy(c => c.Status).ThenBy(c => order.OrderOf(c.Role)).ThenBy(c => c.SearchName, StringComparer.Ordinal).ToList();
        var ids = contacts.Select(c => c.Id).ToList();
        var relationships = await (from r in db.Relationships
                                   join e in db.Employees on r.EmployeeId equals e.Id
                                   where ids.Contains(r.ContactId)
                                   select new { r.ContactId, r.Score, r.ScoreAt, r.LastContactAt, e.FullName }).ToListAsync(ct);
        var (emails, phones) = await ChannelsAsync(ids, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. contacts.Select(c =>
        {
            var best = relationships.Where(r => r.ContactId == c.Id)
                .Select(r => (r.FullName, r.LastContactAt, Strength: RelationshipStrength.At(new StrengthState(r.Score, r.ScoreAt), now, options.Value)))
                .OrderByDescending(r => r.Strength).FirstOrDefault();
            return new ContactRow(c.Id, c.AccountId, c.FullName, c.JobTitle, c.Email, c.Phone, c.Role, c.Status,
                best.Strength, best.FullName, best.FullName is null ? null : best.LastContactAt)
            {
                Emails = [.. emails[c.Id]], Phones = [.. phones[c.Id]],
            };
        })];
    }

    public async Task<ContactDetails?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { Contact = c, AccountName = c.Account!.Name }).FirstOrDefaultAsync(ct);
        if (contact is null || !await ClientBaseAccess.CanSeeAsync(db, viewer, contact.Contact.AccountId, ct))
        {
            return null;
        }

        var c = contact.Contact;
        var next = await db.Contacts.Where(n => n.PreviousId == id).Select(n => (Guid?)n.Id).FirstOrDefaultAsync(ct);
        var (emails, phones) = await ChannelsAsync([id], ct);
        return new ContactDetails(c.Id, c.AccountId, contact.AccountName, c.FullName, c.JobTitle, c.Email, c.Phone, c.Role,
            c.Status, c.LeftOn, c.PreviousId, next, c.Version, await ClientBaseAccess.CanEditAsync(db, viewer, c.AccountId, ct))
        {
            Emails = [.. emails[id]], Phones = [.. phones[id]],
        };
    }

    public async Task<Result<Guid>> CreateAsync(Viewer viewer, Guid accountId, ContactInput input, CancellationToken ct = default)
    {
        if (await CheckEditAsync(viewer, accountId, ct) is { } denied)
        {
            return denied;
        }

        var contact = new Contact { AccountId = accountId, Status = ContactStatus.Active };
        if (await ApplyAsync(contact, input, ct) is [_, ..] invalid)
        {
            return Result<Guid>.Fail(invalid);
        }

        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        await signals.RefreshAsync([accountId], ct);
        return contact.Id;
    }

    public async Task<Result> UpdateAsync(Viewer viewer, Guid id, ContactInput input, CancellationToken ct = default)
    {
        var contact = await db.Contacts.Include(c => c.Emails).Include(c => c.Phones).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
        {
            return Error.NotFound(Texts.ErrorContactNotFound);
        }

        if (await CheckEditAsync(viewer, contact.AccountId, ct) is { } denied)
        {
            return denied;
        }

        if (contact.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        if (await ApplyAsync(contact, input, ct) is [_, ..] invalid)
        {
            return Result.Fail(invalid);
        }

        // A new role or status changes what the account's relationships cover.
        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.IsSuccess)
        {
            await signals.RefreshAsync([contact.AccountId], ct);
        }

        return saved;
    }

    private async Task<Error?> CheckEditAsync(Viewer viewer, Guid accountId, CancellationToken ct)
    {
        if (await ClientBaseAccess.CanEditAsync(db, viewer, accountId, ct))
        {
            return null;
        }

        return await ClientBaseAccess.CanSeeAsync(db, viewer, accountId, ct)
            ? new Error(ErrorKind.Forbidden, Texts.ErrorForbidden)
            : Error.NotFound(Texts.ErrorAccountNotFound);
    }

    private async Task<Error[]> ApplyAsync(Contact contact, ContactInput input, CancellationToken ct)
    {
        var channels = ContactChannelInput.Of(contact, input.Emails, input.Email, nameof(ContactInput.Emails), nameof(ContactInput.Email),
            input.Phones, input.Phone, nameof(ContactInput.Phones), nameof(ContactInput.Phone));
        if (await channels.CheckAsync(db, contact.Id, ct) is [_, ..] invalid)
        {
            return invalid;
        }

        // An archived role stays with the contacts that have it, but no contact is given it anew.
        var set = await roles.GetAsync(ct);
        var isNew = db.Entry(contact).State == EntityState.Detached;
        var role = set.Find(string.IsNullOrWhiteSpace(input.Role) ? isNew ? set.Default : contact.Role : input.Role.Trim());
        var keeps = !isNew && role?.Code == contact.Role;
        if (role is null || (role.Archived && !keeps))
        {
            return [Error.Invalid(nameof(ContactInput.Role), Texts.ValidationUnknownBuyingRole)];
        }

        contact.Rename(input.FullName!);
        contact.JobTitle = input.JobTitle?.Trim() ?? "";
        if (channels.ApplyTo(contact) && db.Entry(contact).State is EntityState.Unchanged or EntityState.Modified)
        {
            // Another address is a change of a stored contact: its version moves, so a concurrent edit is refused.
            db.Entry(contact).Property(c => c.Version).IsModified = true;
        }

        contact.Role = role.Code;
        return [];
    }

    /// <summary>The addresses and numbers of these contacts, in order, by contact.</summary>
    private async Task<(ILookup<Guid, string> Emails, ILookup<Guid, string> Phones)> ChannelsAsync(List<Guid> ids, CancellationToken ct)
    {
        var emails = await db.Set<ContactEmail>().AsNoTracking().Where(e => ids.Contains(e.ContactId))
            .OrderBy(e => e.ContactId).ThenBy(e => e.Position).Select(e => new { e.ContactId, e.Address }).ToListAsync(ct);
        var phones = await db.Set<ContactPhone>().AsNoTracking().Where(p => ids.Contains(p.ContactId))
            .OrderBy(p => p.ContactId).ThenBy(p => p.Position).Select(p => new { p.ContactId, p.Number }).ToListAsync(ct);
        return (emails.ToLookup(e => e.ContactId, e => e.Address), phones.ToLookup(p => p.ContactId, p => p.Number));
    }
}
