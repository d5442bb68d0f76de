using Microsoft.EntityFrameworkCore;
using Rapport.ClientBase;
using Rapport.Data;

namespace Rapport.Deals;

/// <summary>
/// Deals follow a merge of duplicates: an account's deals move to the account kept, a contact's places on buying
/// committees to the contact kept (keeping the role of the one already there). Flags of new business already decided
/// stay as they were decided (docs/deals.md).
/// </summary>
internal sealed class DealMerge : IMergeParticipant
{
    public async Task AccountsMergingAsync(RapportDb db, Guid keepId, Guid otherId, CancellationToken ct)
    {
        foreach (var deal in await db.Deals.Where(d => d.AccountId == otherId).ToListAsync(ct))
        {
            deal.AccountId = keepId;
        }
    }

    public async Task ContactsMergingAsync(RapportDb db, Guid keepId, Guid otherId, CancellationToken ct)
    {
        var seats = await db.DealContacts.Where(c => c.ContactId == otherId || c.ContactId == keepId).ToListAsync(ct);
        var kept = seats.Where(s => s.ContactId == keepId).Select(s => s.DealId).ToHashSet();
        foreach (var seat in seats.Where(s => s.ContactId == otherId))
        {
            db.DealContacts.Remove(seat);
            if (!kept.Contains(seat.DealId))
            {
                db.DealContacts.Add(new DealContact { DealId = seat.DealId, ContactId = keepId, Role = seat.Role });
            }
        }
    }
}
