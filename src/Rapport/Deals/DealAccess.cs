using Microsoft.EntityFrameworkCore;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>
/// Who sees and changes which deals. Administrators: all. Finance: reads every won deal and its payments, and records
/// payments. A head of sales: the deals owned by the people of their team, or where one of them holds a split. An
/// account manager or coordinator: the deals they own or hold a split in. Only the owner, their head of sales or an
/// administrator changes a deal; holding a split gives reading, not editing.
/// </summary>
internal static class DealAccess
{
    /// <summary>The roles that work with deals at all.</summary>
    public const string DealUsers = $"{Roles.Administrator},{Roles.HeadOfSales},{Roles.AccountManager},{Roles.Coordinator},{Roles.Finance}";

    /// <summary>The roles that sell: they see the deals area and its list of their own deals.</summary>
    public const string Sellers = $"{Roles.Administrator},{Roles.HeadOfSales},{Roles.AccountManager},{Roles.Coordinator}";

    /// <summary>Who edits the catalogue of products.</summary>
    public const string CatalogueEditors = $"{Roles.Administrator},{Roles.Finance}";

    public static IQueryable<Deal> VisibleTo(this IQueryable<Deal> deals, RapportDb db, Viewer viewer)
    {
        if (viewer.IsAdministrator)
        {
            return deals;
        }

        var finance = viewer.Is(Roles.Finance);
        if (viewer.EmployeeId is not { } me || !viewer.IsAny(Roles.HeadOfSales, Roles.AccountManager, Roles.Coordinator))
        {
            return finance ? deals.Where(d => d.Outcome == DealOutcome.Won) : deals.Where(_ => false);
        }

        // The deals held through a split as a list of ids (IN, not EXISTS): both sides of the OR are then index lookups
        // (the owner's index, the splits by employee), which SQLite joins as a MULTI-INDEX OR; with EXISTS it walked
        // every deal the rest of the query allowed (every open deal, for the board) and tested each one's splits.
        var splits = db.Set<DealSplit>();
        if (db.Database.IsNpgsql())
        {
            // PostgreSQL cannot turn an OR with IN (subquery) into index lookups: it scanned all 500,000 deals and tested
            // each (300 ms for a manager's board). The ids as a union of two index reads, and the deals among them, are
            // a join it runs from the small side (16 ms), as the accounts do (ClientBaseAccess).
            var held = viewer.Is(Roles.HeadOfSales)
                ? HeldBy(db, ClientBaseAccess.TeamOf(db, me))
                : db.Deals.Where(d => d.OwnerId == me).Select(d => d.Id).Concat(splits.Where(s => s.EmployeeId == me).Select(s => s.DealId));
            return finance ? deals.Where(d => held.Contains(d.Id) || d.Outcome == DealOutcome.Won) : deals.Where(d => held.Contains(d.Id));
        }

        if (viewer.Is(Roles.HeadOfSales))
        {
            var team = ClientBaseAccess.TeamOf(db, me);
            var teamShares = splits.Where(s => team.Contains(s.EmployeeId)).Select(s => s.DealId);
            return finance
                ? deals.Where(d => team.Contains(d.OwnerId) || teamShares.Contains(d.Id) || d.Outcome == DealOutcome.Won)
                : deals.Where(d => team.Contains(d.OwnerId) || teamShares.Contains(d.Id));
        }

        var shares = splits.Where(s => s.EmployeeId == me).Select(s => s.DealId);
        return finance
            ? deals.Where(d => d.OwnerId == me || shares.Contains(d.Id) || d.Outcome == DealOutcome.Won)
            : deals.Where(d => d.OwnerId == me || shares.Contains(d.Id));
    }

    /// <summary>The ids of the deals a team's people own or hold a split in (with repeats, for an IN).</summary>
    private static IQueryable<Guid> HeldBy(RapportDb db, IQueryable<Guid> team) =>
        db.Deals.Where(d => team.Contains(d.OwnerId)).Select(d => d.Id)
            .Concat(db.Set<DealSplit>().Where(s => team.Contains(s.EmployeeId)).Select(s => s.DealId));

    public static IQueryable<Deal> EditableBy(this IQueryable<Deal> deals, RapportDb db, Viewer viewer)
    {
        if (viewer.IsAdministrator)
        {
            return deals;
        }

        if (viewer.EmployeeId is not { } me)
        {
            return deals.Where(_ => false);
        }

        if (viewer.Is(Roles.HeadOfSales))
        {
            var team = ClientBaseAccess.TeamOf(db, me);
            return deals.Where(d => team.Contains(d.OwnerId));
        }

        return viewer.IsAny(Roles.AccountManager, Roles.Coordinator) ? deals.Where(d => d.OwnerId == me) : deals.Where(_ => false);
    }

    /// <summary>Whether the viewer records payments and credit notes on the deals they see (won ones only).</summary>
    public static bool MayRecordPayments(Viewer viewer) => viewer.IsAny(Roles.Administrator, Roles.Finance);

    public static bool MaySell(Viewer viewer) => viewer.IsAny(Roles.Administrator, Roles.HeadOfSales, Roles.AccountManager, Roles.Coordinator);

    public static bool MayEditCatalogue(Viewer viewer) => viewer.IsAny(Roles.Administrator, Roles.Finance);

    public static Task<bool> MayAssignAsync(RapportDb db, Viewer viewer, Guid employeeId, CancellationToken ct) =>
        ClientBaseAccess.MayAssignAsync(db, viewer, employeeId, ct);
}
