using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Deals;

namespace Rapport.Service;

/// <summary>
/// A won renewal deal renews its service: the next renewal moves a year on (the deal was for a year of it), and the
/// deal stays linked as the one that renewed it. Reopening that deal takes the renewal back. A lost one changes
/// nothing: the renewal stays due, and a new deal may be made for it.
/// </summary>
internal sealed class RenewalOnWin : IDealOutcomeParticipant
{
    public async Task DealWonAsync(RapportDb db, Deal deal, CancellationToken ct)
    {
        foreach (var service in await RenewedByAsync(db, deal, ct))
        {
            service.RenewsOn = service.RenewsOn!.Value.AddYears(1);
        }
    }

    public async Task DealReopenedAsync(RapportDb db, Deal deal, DealOutcome was, CancellationToken ct)
    {
        if (was != DealOutcome.Won)
        {
            return;
        }

        foreach (var service in await RenewedByAsync(db, deal, ct))
        {
            service.RenewsOn = service.RenewsOn!.Value.AddYears(-1);
        }
    }

    /// <summary>Running services whose renewal this deal is for; a service whose date was changed by hand since is no longer linked.</summary>
    private static Task<List<Subscription>> RenewedByAsync(RapportDb db, Deal deal, CancellationToken ct) =>
        deal.Renewal
            ? db.Subscriptions.Where(s => s.RenewalDealId == deal.Id && s.Status == SubscriptionStatus.Active && s.RenewsOn != null).ToListAsync(ct)
            : Task.FromResult(new List<Subscription>());
}
