using Microsoft.EntityFrameworkCore;
using Rapport.Audit;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>Which of the two merged records a field of the one that stays takes its value from.</summary>
public enum MergeSource
{
    /// <summary>The record that stays keeps its own value.</summary>
    Survivor,

    /// <summary>It takes the value of the record merged into it.</summary>
    Other,
}

/// <summary>
/// What a merge of accounts keeps. A field left out keeps the survivor's value, or the other's where the survivor has
/// none. The versions, when given, are those the user compared: a record changed since is a conflict, not a merge.
/// </summary>
public sealed class AccountMergeInput
{
    public MergeSource? Name { get; set; }

    /// <summary>The registration number; the country goes with it.</summary>
    public MergeSource? RegistrationNumber { get; set; }

    public MergeSource? Domain { get; set; }

    public MergeSource? Owner { get; set; }

    public MergeSource? Industry { get; set; }

    public MergeSource? Region { get; set; }

    public MergeSource? Status { get; set; }

    public long? Version { get; set; }

    public long? OtherVersion { get; set; }
}

/// <summary>What a merge of contacts keeps; e-mail addresses and phone numbers are always those of both.</summary>
public sealed class ContactMergeInput
{
    public MergeSource? FullName { get; set; }

    public MergeSource? JobTitle { get; set; }

    public MergeSource? Role { get; set; }

    public long? Version { get; set; }

    public long? OtherVersion { get; set; }
}

/// <summary>An account as the merge page compares it: every field, and what hangs on it and would move.</summary>
public sealed record AccountMergeSide(AccountDetails Account, int Contacts, int Interactions, int FollowUps, int Subsidiaries);

/// <summary>A contact as the merge page compares it, with what would move or be combined.</summary>
public sealed record ContactMergeSide(ContactDetails Contact, string OwnerName, int Interactions, int Relationships, int FollowUps);

/// <summary>What a merge did: the record that stays and the one merged into it, by their names before, and how much moved.</summary>
public sealed record MergeOutcome(Guid SurvivorId, string SurvivorName, string MergedName, int Contacts, int Interactions, int FollowUps);

public sealed partial class Duplicates
{
    /// <summary>
    /// Both accounts, for the merge page: "not found" unless the viewer may see both, "forbidden" unless they may edit
    /// both, since only then may they merge them.
    /// </summary>
    public async Task<Result<(AccountMergeSide First, AccountMergeSide Second)>> CompareAccountsAsync(
        Viewer viewer, Guid firstId, Guid secondId, CancellationToken ct = default)
    {
        if (firstId == secondId)
        {
            return Error.Invalid("other", Texts.ValidationMergeSame);
        }

        var first = await accounts.GetAsync(viewer, firstId, ct);
        var second = await accounts.GetAsync(viewer, secondId, ct);
        if (first is null || second is null)
        {
            return Error.NotFound(Texts.ErrorAccountNotFound);
        }

        if (!first.CanEdit || !second.CanEdit)
        {
            return new Error(ErrorKind.Forbidden, Texts.MergeNotEditable);
        }

        return (await SideAsync(first, ct), await SideAsync(second, ct));
    }

    private async Task<AccountMergeSide> SideAsync(AccountDetails account, CancellationToken ct) => new(
        account,
        await db.Contacts.CountAsync(c => c.AccountId == account.Id, ct),
        await db.Interactions.CountAsync(i => i.AccountId == account.Id, ct),
        await db.FollowUps.CountAsync(f => f.AccountId == account.Id, ct),
        await db.Accounts.CountAsync(a => a.ParentId == account.Id, ct));

    /// <summary>Both contacts, for the merge page, on the same terms as <see cref="CompareAccountsAsync"/>.</summary>
    public async Task<Result<(ContactMergeSide First, ContactMergeSide Second)>> CompareContactsAsync(
        Viewer viewer, Guid firstId, Guid secondId, CancellationToken ct = default)
    {
        if (firstId == secondId)
        {
            return Error.Invalid("other", Texts.ValidationMergeSame);
        }

        var first = await contacts.GetAsync(viewer, firstId, ct);
        var second = await contacts.GetAsync(viewer, secondId, ct);
        if (first is null || second is null)
        {
            return Error.NotFound(Texts.ErrorContactNotFound);
        }

        if (!first.CanEdit || !second.CanEdit)
        {
            return new Error(ErrorKind.Forbidden, Texts.MergeNotEditable);
        }

        return (await SideAsync(first, ct), await SideAsync(second, ct));
    }

    private async Task<ContactMergeSide> SideAsync(ContactDetails contact, CancellationToken ct) => new(
        contact,
        await db.Accounts.Where(a => a.Id == contact.AccountId).Select(a => a.Owner!.FullName).FirstAsync(ct),
        await db.Set<InteractionContact>().CountAsync(p => p.ContactId == contact.Id, ct),
        await db.Relationships.CountAsync(r => r.ContactId == contact.Id, ct),
        await db.FollowUps.CountAsync(f => f.ContactId == contact.Id, ct));

    /// <summary>
    /// Merges account <paramref name="otherId"/> into <paramref name="keepId"/>: the fields as <paramref name="input"/>
    /// chooses, every contact, interaction, follow-up and subsidiary moved, the other deleted, and the merge written to
    /// the audit log of both. Only someone who may edit both may merge them.
    /// </summary>
    public async Task<Result<MergeOutcome>> MergeAccountsAsync(
        Viewer viewer, Guid keepId, Guid otherId, AccountMergeInput? input = null, CancellationToken ct = default)
    {
        input ??= new();
        if (keepId == otherId)
        {
            return Error.Invalid("other", Texts.ValidationMergeSame);
        }

        var both = await db.Accounts.EditableBy(db, viewer).Where(a => a.Id == keepId || a.Id == otherId).ToListAsync(ct);
        var keep = both.FirstOrDefault(a => a.Id == keepId);
        var other = both.FirstOrDefault(a => a.Id == otherId);
        if (keep is null || other is null)
        {
            var seen = await db.Accounts.VisibleTo(db, viewer).CountAsync(a => a.Id == keepId || a.Id == otherId, ct);
            return seen == 2 ? new Error(ErrorKind.Forbidden, Texts.MergeNotEditable) : Error.NotFound(Texts.ErrorAccountNotFound);
        }

        if ((input.Version is { } version && version != keep.Version) || (input.OtherVersion is { } otherVersion && otherVersion != other.Version))
        {
            return Error.StaleVersion();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (number, country) = Take(input.RegistrationNumber, keep.RegistrationNumber, other.RegistrationNumber) == MergeSource.Other
            ? (other.RegistrationNumber, other.CountryCode)
            : (keep.RegistrationNumber, keep.CountryCode);
        var (keptName, mergedName) = (keep.Name, other.Name);

        // The registration number is unique: the other lets go of it before the survivor may take it.
        if (other.RegistrationNumber is not null)
        {
            other.RegistrationNumber = null;
            await db.SaveChangesAsync(ct);
        }

        if (input.Name == MergeSource.Other)
        {
            keep.Rename(other.Name);
        }

        keep.RegistrationNumber = number;
        keep.CountryCode = country;
        keep.Domain = Pick(input.Domain, keep.Domain, other.Domain);
        keep.OwnerId = input.Owner == MergeSource.Other ? other.OwnerId : keep.OwnerId;
        keep.Industry = Pick(input.Industry, keep.Industry, other.Industry) ?? "";
        keep.Region = Pick(input.Region, keep.Region, other.Region) ?? "";
        keep.Status = input.Status == MergeSource.Other ? other.Status : keep.Status;
        keep.CoordinatorId ??= other.CoordinatorId;
        if (keep.ParentId == other.Id)
        {
            keep.ParentId = other.ParentId;
        }

        var moved = await db.Contacts.Where(c => c.AccountId == otherId).ToListAsync(ct);
        moved.ForEach(c => c.AccountId = keepId);
        foreach (var child in await db.Accounts.Where(a => a.ParentId == otherId && a.Id != keepId).ToListAsync(ct))
        {
            child.ParentId = keepId;
        }

        var interactions = await db.Interactions.Where(i => i.AccountId == otherId).ToListAsync(ct);
        interactions.ForEach(i => i.AccountId = keepId);
        var followUps = await db.FollowUps.Where(f => f.AccountId == otherId || f.TargetAccountId == otherId).ToListAsync(ct);
        foreach (var followUp in followUps)
        {
            followUp.AccountId = followUp.AccountId == otherId ? keepId : followUp.AccountId;
            followUp.TargetAccountId = followUp.TargetAccountId == otherId ? keepId : followUp.TargetAccountId;
        }

        // Records of other modules on the account (deals) move with it.
        foreach (var participant in participants)
        {
            await participant.AccountsMergingAsync(db, keepId, otherId, ct);
        }

        Record(nameof(Account), keep.Id, "MergedFrom", $"{mergedName} ({other.Id})");
        Record(nameof(Account), other.Id, "MergedInto", $"{keep.Name} ({keep.Id})");
        db.Accounts.Remove(other);
        var saved = await db.SaveOrConflictAsync(ct);
        if (!saved.IsSuccess)
        {
            return Result<MergeOutcome>.Fail([.. saved.Errors]);
        }

        await transaction.CommitAsync(ct);
        // The survivor's last contact, strongest relationship and coverage now include the other's.
        await signals.RefreshAsync([keep.Id], ct);
        return new MergeOutcome(keep.Id, keptName, mergedName, moved.Count, interactions.Count, followUps.Count);
    }

    /// <summary>
    /// Merges contact <paramref name="otherId"/> into <paramref name="keepId"/>: name, title and role as chosen, every
    /// address and number of both, interactions and follow-ups moved, relationships combined, the merge in the audit log.
    /// </summary>
    public async Task<Result<MergeOutcome>> MergeContactsAsync(
        Viewer viewer, Guid keepId, Guid otherId, ContactMergeInput? input = null, CancellationToken ct = default)
    {
        input ??= new();
        if (keepId == otherId)
        {
            return Error.Invalid("other", Texts.ValidationMergeSame);
        }

        var editable = db.Accounts.EditableBy(db, viewer).Select(a => a.Id);
        var both = await db.Contacts.Include(c => c.Emails).Include(c => c.Phones).AsSplitQuery()
            .Where(c => (c.Id == keepId || c.Id == otherId) && editable.Contains(c.AccountId)).ToListAsync(ct);
        var keep = both.FirstOrDefault(c => c.Id == keepId);
        var other = both.FirstOrDefault(c => c.Id == otherId);
        if (keep is null || other is null)
        {
            var visible = db.Accounts.VisibleTo(db, viewer).Select(a => a.Id);
            var seen = await db.Contacts.CountAsync(c => (c.Id == keepId || c.Id == otherId) && visible.Contains(c.AccountId), ct);
            return seen == 2 ? new Error(ErrorKind.Forbidden, Texts.MergeNotEditable) : Error.NotFound(Texts.ErrorContactNotFound);
        }

        if ((input.Version is { } version && version != keep.Version) || (input.OtherVersion is { } otherVersion && otherVersion != other.Version))
        {
            return Error.StaleVersion();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (keptName, mergedName) = (keep.FullName, other.FullName);

        // Every address and number of both, the kept one's first; more than a form would take, if need be, rather than lose one.
        if (keep.AddEmails(other.EmailAddresses()) | keep.AddPhones(other.PhoneNumbers()))
        {
            db.Entry(keep).Property(c => c.Version).IsModified = true;
        }

        if (input.FullName == MergeSource.Other)
        {
            keep.Rename(other.FullName);
        }

        keep.JobTitle = Pick(input.JobTitle, keep.JobTitle, other.JobTitle) ?? "";
        keep.Role = input.Role == MergeSource.Other ? other.Role : keep.Role;
        keep.PreviousId ??= other.PreviousId;
        if (keep.PreviousId == otherId)
        {
            keep.PreviousId = other.PreviousId;
        }

        var keptIn = await db.Set<InteractionContact>().Where(p => p.ContactId == keepId).Select(p => p.InteractionId).ToListAsync(ct);
        var moving = await db.Set<InteractionContact>().Where(p => p.ContactId == otherId).ToListAsync(ct);
        db.Set<InteractionContact>().RemoveRange(moving);
        db.Set<InteractionContact>().AddRange(moving.Where(p => !keptIn.Contains(p.InteractionId))
            .Select(p => new InteractionContact { InteractionId = p.InteractionId, ContactId = keepId }));

        var relationships = await db.Relationships.Where(r => r.ContactId == keepId || r.ContactId == otherId).ToListAsync(ct);
        foreach (var theirs in relationships.Where(r => r.ContactId == otherId))
        {
            var ours = relationships.FirstOrDefault(r => r.ContactId == keepId && r.EmployeeId == theirs.EmployeeId);
            if (ours is null)
            {
                db.Relationships.Add(new Relationship
                {
                    EmployeeId = theirs.EmployeeId, ContactId = keepId, Score = theirs.Score, ScoreAt = theirs.ScoreAt, WarmUntil = theirs.WarmUntil,
                    LastContactAt = theirs.LastContactAt, Interactions = theirs.Interactions, ClientInitiated = theirs.ClientInitiated,
                });
            }
            else
            {
                ours.SetStrength(RelationshipStrength.Combine(ours.State, theirs.State, options.Value), options.Value);
                ours.Interactions += theirs.Interactions;
                ours.ClientInitiated += theirs.ClientInitiated;
                ours.LastContactAt = ours.LastContactAt > theirs.LastContactAt ? ours.LastContactAt : theirs.LastContactAt;
            }

            db.Relationships.Remove(theirs);
        }

        foreach (var later in await db.Contacts.Where(c => c.PreviousId == otherId).ToListAsync(ct))
        {
            later.PreviousId = keepId;
        }

        var followUps = await db.FollowUps.Where(f => f.ContactId == otherId).ToListAsync(ct);
        followUps.ForEach(f => f.ContactId = keepId);
        foreach (var participant in participants)
        {
            await participant.ContactsMergingAsync(db, keepId, otherId, ct);
        }

        await db.SaveChangesAsync(ct);
        Record(nameof(Contact), keep.Id, "MergedFrom", $"{mergedName} ({other.Id})");
        Record(nameof(Contact), other.Id, "MergedInto", $"{keep.FullName} ({keep.Id})");
        db.Contacts.Remove(other);
        var saved = await db.SaveOrConflictAsync(ct);
        if (!saved.IsSuccess)
        {
            return Result<MergeOutcome>.Fail([.. saved.Errors]);
        }

        await transaction.CommitAsync(ct);
        // Relationships were combined (and may have left the other's account): both accounts' sort keys follow.
        await signals.RefreshAsync([keep.AccountId, other.AccountId], ct);
        return new MergeOutcome(keep.Id, keptName, mergedName, 0, moving.Count, followUps.Count);
    }

    /// <summary>Where a field comes from: as chosen, else the survivor's unless it has none.</summary>
    private static MergeSource Take(MergeSource? chosen, string? mine, string? theirs) =>
        chosen ?? (string.IsNullOrEmpty(mine) && !string.IsNullOrEmpty(theirs) ? MergeSource.Other : MergeSource.Survivor);

    private static string? Pick(MergeSource? chosen, string? mine, string? theirs) =>
        Take(chosen, mine, theirs) == MergeSource.Other ? theirs : mine;

    /// <summary>
    /// The merge itself in the audit log, beside the field changes the interceptor writes: the survivor names the record
    /// merged into it, whose own entries stay under its id, and that record names where it went.
    /// </summary>
    private void Record(string entityType, Guid id, string field, string value) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = db.Actor.UserId,
            Actor = db.Actor.Name,
            EntityType = entityType,
            EntityId = id,
            Action = AuditAction.Modified,
            Field = field,
            NewValue = value,
        });
}
