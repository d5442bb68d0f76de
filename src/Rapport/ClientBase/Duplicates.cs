using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>Two records that look like the same company or person, and why.</summary>
public sealed record DuplicatePair(SearchKind Kind, Guid FirstId, string FirstName, Guid SecondId, string SecondName, string Reason);

/// <summary>
/// Finds likely duplicates (same folded name, e-mail, phone, EIK or domain) and merges them so that every
/// interaction, relationship, role and audit entry survives on the record that is kept.
/// </summary>
public sealed class Duplicates(RapportDb db, IOptions<StrengthOptions> options, IEnumerable<IMergeParticipant> participants)
{
    private const int MaxPairs = 200;

    public async Task<List<DuplicatePair>> AccountsAsync(Viewer viewer, CancellationToken ct = default)
    {
        var editable = db.Accounts.AsNoTracking().EditableBy(db, viewer);
        var byName = await editable.GroupBy(a => a.SearchName).Where(g => g.Count() > 1).Select(g => g.Key).Take(MaxPairs).ToListAsync(ct);
        var byDomain = await editable.Where(a => a.Domain != null).GroupBy(a => a.Domain!).Where(g => g.Count() > 1).Select(g => g.Key).Take(MaxPairs).ToListAsync(ct);
        var rows = await editable.Where(a => byName.Contains(a.SearchName) || (a.Domain != null && byDomain.Contains(a.Domain)))
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Name, a.SearchName, a.Domain }).ToListAsync(ct);

        var pairs = new List<DuplicatePair>();
        foreach (var group in rows.GroupBy(r => r.SearchName).Where(g => g.Count() > 1))
        {
            var first = group.First();
            pairs.AddRange(group.Skip(1).Select(o => new DuplicatePair(SearchKind.Account, first.Id, first.Name, o.Id, o.Name, Texts.DuplicateSameName)));
        }

        foreach (var group in rows.Where(r => r.Domain != null).GroupBy(r => r.Domain).Where(g => g.Count() > 1))
        {
            var first = group.First();
            pairs.AddRange(group.Skip(1)
                .Where(o => !pairs.Any(p => p.FirstId == first.Id && p.SecondId == o.Id))
                .Select(o => new DuplicatePair(SearchKind.Account, first.Id, first.Name, o.Id, o.Name, Texts.DuplicateSameDomain)));
        }

        return [.. pairs.Take(MaxPairs)];
    }

    public async Task<List<DuplicatePair>> ContactsAsync(Viewer viewer, CancellationToken ct = default)
    {
        var accounts = db.Accounts.EditableBy(db, viewer).Select(a => a.Id);
        var contacts = db.Contacts.AsNoTracking().Where(c => accounts.Contains(c.AccountId) && c.Status == ContactStatus.Active);

        // Every address and number counts, not only the primary ones; a key row is a contact's once, so a key in two rows is shared.
        var emails = from e in db.Set<ContactEmail>() join c in contacts on e.ContactId equals c.Id select new { Key = e.Address, c.Id, c.FullName };
        var phones = from p in db.Set<ContactPhone>() join c in contacts on p.ContactId equals c.Id where p.Digits != "" select new { Key = p.Digits, c.Id, c.FullName };
        var byEmail = await emails.GroupBy(e => e.Key).Where(g => g.Count() > 1).Select(g => g.Key).Take(MaxPairs).ToListAsync(ct);
        var byName = await contacts.GroupBy(c => new { c.AccountId, c.SearchName }).Where(g => g.Count() > 1).Select(g => g.Key.SearchName).Take(MaxPairs).ToListAsync(ct);
        var byPhone = await phones.GroupBy(p => p.Key).Where(g => g.Count() > 1).Select(g => g.Key).Take(MaxPairs).ToListAsync(ct);
        var rows = await contacts.Where(c => byName.Contains(c.SearchName))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.FullName, c.SearchName, c.AccountId }).ToListAsync(ct);
        var emailRows = await emails.Where(e => byEmail.Contains(e.Key)).OrderBy(e => e.Id).ToListAsync(ct);
        var phoneRows = await phones.Where(p => byPhone.Contains(p.Key)).OrderBy(p => p.Id).ToListAsync(ct);

        var pairs = new List<DuplicatePair>();
        void Pair<TKey>(IEnumerable<IGrouping<TKey, (Guid Id, string Name)>> groups, string reason)
        {
            foreach (var group in groups.Where(g => g.Count() > 1))
            {
                var first = group.First();
                pairs.AddRange(group.Skip(1)
                    .Where(o => !pairs.Any(p => p.FirstId == first.Id && p.SecondId == o.Id))
                    .Select(o => new DuplicatePair(SearchKind.Contact, first.Id, first.Name, o.Id, o.Name, reason)));
            }
        }

        Pair(emailRows.GroupBy(r => r.Key, r => (r.Id, Name: r.FullName)), Texts.DuplicateSameEmail);
        Pair(rows.Select(r => (Key: (r.AccountId, r.SearchName), Item: (r.Id, r.FullName))).GroupBy(x => x.Key, x => x.Item), Texts.DuplicateSameName);
        Pair(phoneRows.GroupBy(r => r.Key, r => (r.Id, Name: r.FullName)), Texts.DuplicateSamePhone);
        return [.. pairs.Take(MaxPairs)];
    }

    /// <summary>Merges account <paramref name="otherId"/> into <paramref name="keepId"/>: everything moves, gaps are filled, the other is deleted.</summary>
    public async Task<Result> MergeAccountsAsync(Viewer viewer, Guid keepId, Guid otherId, CancellationToken ct = default)
    {
        if (keepId == otherId)
        {
            return Error.Invalid("otherId", Texts.ValidationMergeSame);
        }

        var accounts = await db.Accounts.EditableBy(db, viewer).Where(a => a.Id == keepId || a.Id == otherId).ToListAsync(ct);
        var keep = accounts.FirstOrDefault(a => a.Id == keepId);
        var other = accounts.FirstOrDefault(a => a.Id == otherId);
        if (keep is null || other is null)
        {
            return Error.NotFound(Texts.ErrorAccountNotFound);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        keep.RegistrationNumber ??= other.RegistrationNumber;
        other.RegistrationNumber = null;
        keep.Domain ??= other.Domain;
        keep.CoordinatorId ??= other.CoordinatorId;
        keep.Industry = keep.Industry.Length > 0 ? keep.Industry : other.Industry;
        keep.Region = keep.Region.Length > 0 ? keep.Region : other.Region;
        if (keep.ParentId == other.Id)
        {
            keep.ParentId = other.ParentId;
        }

        // Free the unique registration number before the kept account takes it.
        await db.SaveChangesAsync(ct);

        foreach (var contact in await db.Contacts.Where(c => c.AccountId == otherId).ToListAsync(ct))
        {
            contact.AccountId = keepId;
        }

        foreach (var child in await db.Accounts.Where(a => a.ParentId == otherId && a.Id != keepId).ToListAsync(ct))
        {
            child.ParentId = keepId;
        }

        foreach (var interaction in await db.Interactions.Where(i => i.AccountId == otherId).ToListAsync(ct))
        {
            interaction.AccountId = keepId;
        }

        foreach (var followUp in await db.FollowUps.Where(f => f.AccountId == otherId || f.TargetAccountId == otherId).ToListAsync(ct))
        {
            followUp.AccountId = followUp.AccountId == otherId ? keepId : followUp.AccountId;
            followUp.TargetAccountId = followUp.TargetAccountId == otherId ? keepId : followUp.TargetAccountId;
        }

        foreach (var participant in participants)
        {
            await participant.AccountsMergingAsync(db, keepId, otherId, ct);
        }

        db.Accounts.Remove(other);
        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.IsSuccess)
        {
            await transaction.CommitAsync(ct);
        }

        return saved;
    }

    /// <summary>Merges contact <paramref name="otherId"/> into <paramref name="keepId"/>, relationships and interactions included.</summary>
    public async Task<Result> MergeContactsAsync(Viewer viewer, Guid keepId, Guid otherId, CancellationToken ct = default)
    {
        if (keepId == otherId)
        {
            return Error.Invalid("otherId", Texts.ValidationMergeSame);
        }

        var editable = db.Accounts.EditableBy(db, viewer).Select(a => a.Id);
        var contacts = await db.Contacts.Include(c => c.Emails).Include(c => c.Phones).AsSplitQuery()
            .Where(c => (c.Id == keepId || c.Id == otherId) && editable.Contains(c.AccountId)).ToListAsync(ct);
        var keep = contacts.FirstOrDefault(c => c.Id == keepId);
        var other = contacts.FirstOrDefault(c => c.Id == otherId);
        if (keep is null || other is null)
        {
            return Error.NotFound(Texts.ErrorContactNotFound);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Every address and number of both, the kept one's first; more than a form would take, if need be, rather than lose one.
        if (keep.AddEmails(other.EmailAddresses()) | keep.AddPhones(other.PhoneNumbers()))
        {
            db.Entry(keep).Property(c => c.Version).IsModified = true;
        }

        keep.JobTitle = keep.JobTitle.Length > 0 ? keep.JobTitle : other.JobTitle;
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

        foreach (var followUp in await db.FollowUps.Where(f => f.ContactId == otherId).ToListAsync(ct))
        {
            followUp.ContactId = keepId;
        }

        foreach (var participant in participants)
        {
            await participant.ContactsMergingAsync(db, keepId, otherId, ct);
        }

        await db.SaveChangesAsync(ct);
        db.Contacts.Remove(other);
        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.IsSuccess)
        {
            await transaction.CommitAsync(ct);
        }

        return saved;
    }
}
