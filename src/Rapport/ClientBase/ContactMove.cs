using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>Where a contact went: an existing account, or the name of a new one to open as a lead.</summary>
public sealed class ContactMoveInput : IValidatableObject
{
    [Display(Name = nameof(Texts.FieldNewEmployer), ResourceType = typeof(Texts))]
    public Guid? TargetAccountId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(Texts.FieldNewAccountName), ResourceType = typeof(Texts))]
    [StringLength(200, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? NewAccountName { get; set; }

    [Display(Name = nameof(Texts.FieldJobTitle), ResourceType = typeof(Texts))]
    [StringLength(100, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? JobTitle { get; set; }

    [Display(Name = nameof(Texts.FieldBuyingRole), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(BuyingRoles.CodeLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Role { get; set; } = BuyingRoles.Influencer;

    [Display(Name = nameof(Texts.FieldEmail), ResourceType = typeof(Texts))]
    [EmailAddress(ErrorMessageResourceName = nameof(Texts.ValidationEmail), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(256, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Email { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value; }

    /// <summary>
    /// The e-mail addresses at the new employer, the primary first: the old ones mostly stay with the old employer, so
    /// none is carried over unless given here. Left out (null), <see cref="Email"/> is the one address.
    /// </summary>
    public List<string?>? Emails { get; set; }

    /// <summary>The phone numbers at the new employer; left out (null), the person keeps the numbers they had.</summary>
    public List<string?>? Phones { get; set; }

    [Display(Name = nameof(Texts.FieldMovedOn), ResourceType = typeof(Texts))]
    public DateOnly? MovedOn { get; set; }

    public long Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ContactChannelInput.Check(Emails, Phones, nameof(Emails), nameof(Phones));
}

/// <summary>
/// Moves a person to another company. The old record closes with its history; a new record at the new employer
/// points back to it and carries the relationships over (they are with the person, not the company); a new
/// employer unknown to us opens as a prospect; the owner of the old account gets a task to re-cover the role.
/// </summary>
public sealed class ContactMove(RapportDb db, TimeProvider clock, BuyingRoleCatalog roles, AccountSignals signals)
{
    private const int FollowUpDays = 7;

    public async Task<Result<Guid>> MoveAsync(Viewer viewer, Guid contactId, ContactMoveInput input, CancellationToken ct = default)
    {
        var contact = await db.Contacts.Include(c => c.Phones).FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null || !await ClientBaseAccess.CanSeeAsync(db, viewer, contact.AccountId, ct))
        {
            return Error.NotFound(Texts.ErrorContactNotFound);
        }

        // Moving closes the record at its account: an edit, for those who may edit the account, not for its readers.
        if (!await ClientBaseAccess.CanEditAsync(db, viewer, contact.AccountId, ct))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (contact.Status == ContactStatus.MovedOn)
        {
            return Error.Conflict(Texts.ErrorContactAlreadyMoved);
        }

        if (contact.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var movedOn = input.MovedOn ?? today;
        if (movedOn > today)
        {
            return Error.Invalid(nameof(ContactMoveInput.MovedOn), Texts.ValidationNotInFuture);
        }

        var oldAccount = await db.Accounts.FirstAsync(a => a.Id == contact.AccountId, ct);
        Account target;
        if (input.TargetAccountId is { } targetId)
        {
            if (targetId == contact.AccountId)
            {
                return Error.Invalid(nameof(ContactMoveInput.TargetAccountId), Texts.ValidationSameEmployer);
            }

            // Any account of the company, not only the mover's: the person joined a client someone else may hold, and a
            // copy of that client under the mover would be a duplicate. The record links to the existing account.
            var found = await db.Accounts.FirstOrDefaultAsync(a => a.Id == targetId, ct);
            if (found is null)
            {
                return Error.Invalid(nameof(ContactMoveInput.TargetAccountId), Texts.ErrorAccountNotFound);
            }

            target = found;
        }
        else if (!string.IsNullOrWhiteSpace(input.NewAccountName))
        {
            // A new employer is a lead: it opens as a prospect with whoever recorded the move, else the old owner.
            var owner = viewer.EmployeeId is { } me && await db.Employees.AnyAsync(e => e.Id == me && e.Status == EmployeeStatus.Active, ct)
                ? me
                : oldAccount.OwnerId;
            target = new Account { OwnerId = owner, Status = AccountStatus.Prospect, CountryCode = oldAccount.CountryCode };
            target.Rename(input.NewAccountName);
            db.Accounts.Add(target);
        }
        else
        {
            return Error.Invalid(nameof(ContactMoveInput.TargetAccountId), Texts.ValidationMoveTarget);
        }

        if ((await roles.GetAsync(ct)).Find(input.Role ?? "") is not { Archived: false } role)
        {
            return Error.Invalid(nameof(ContactMoveInput.Role), Texts.ValidationUnknownBuyingRole);
        }

        var channels = ContactChannelInput.New(
            input.Emails, input.Email, [], nameof(ContactMoveInput.Emails), nameof(ContactMoveInput.Email),
            input.Phones, null, contact.PhoneNumbers(), nameof(ContactMoveInput.Phones), nameof(ContactMoveInput.Phones));
        if (await channels.CheckAsync(db, contact.Id, ct) is [_, ..] invalid)
        {
            return Result<Guid>.Fail(invalid);
        }

        contact.Status = ContactStatus.MovedOn;
        contact.LeftOn = movedOn;
        var moved = new Contact
        {
            AccountId = target.Id,
            JobTitle = input.JobTitle?.Trim() ?? "",
            Role = role.Code,
            Status = ContactStatus.Active,
            PreviousId = contact.Id,
        };
        moved.Rename(contact.FullName);
        channels.ApplyTo(moved);
        db.Contacts.Add(moved);

        var relationships = await db.Relationships.Where(r => r.ContactId == contact.Id).ToListAsync(ct);
        db.Relationships.AddRange(relationships.Select(r => new Relationship
        {
            EmployeeId = r.EmployeeId, ContactId = moved.Id, Score = r.Score, ScoreAt = r.ScoreAt, WarmUntil = r.WarmUntil,
            LastContactAt = r.LastContactAt, Interactions = r.Interactions, ClientInitiated = r.ClientInitiated,
        }));

        // What happened, not a sentence: the owner may read Bulgarian while the mover wrote in English.
        db.FollowUps.Add(new FollowUp
        {
            Kind = FollowUpKind.RecoverRole,
            AssigneeId = oldAccount.OwnerId,
            AccountId = oldAccount.Id,
            ContactId = contact.Id,
            RoleCode = contact.Role,
            TargetAccountId = target.Id,
            DueOn = today.AddDays(FollowUpDays),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });

        if (await db.SaveOrConflictAsync(ct) is { IsSuccess: false } failed)
        {
            return Result<Guid>.Fail([.. failed.Errors]);
        }

        await signals.RefreshAsync([oldAccount.Id, target.Id], ct);
        return moved.Id;
    }
}
