using Rapport.People;
using Rapport.Shared;

namespace Rapport.Pay;

/// <summary>
/// Who sees and changes pay. Finance and administrators: everything, and only they edit plans, assignments and
/// periods. A head of sales: the totals of their team's statements, never the lines. Everyone else paid by a plan:
/// their own statements, ledger and inquiries.
/// </summary>
internal static class PayAccess
{
    /// <summary>Everyone who may open the pay area at all.</summary>
    public const string PayUsers = $"{Roles.Administrator},{Roles.Finance},{Roles.HeadOfSales},{Roles.AccountManager},{Roles.Coordinator}";

    /// <summary>Who edits plans, runs periods and answers inquiries.</summary>
    public const string PayAdministrators = $"{Roles.Administrator},{Roles.Finance}";

    public static bool MayAdminister(Viewer viewer) => viewer.IsAny(Roles.Administrator, Roles.Finance);

    /// <summary>Whether the viewer may read this employee's statement lines: their own, or Finance.</summary>
    public static bool MayReadLines(Viewer viewer, Guid employeeId) => MayAdminister(viewer) || viewer.EmployeeId == employeeId;

    /// <summary>The employees whose statement totals the viewer reads: all for Finance, the team for a head of sales, else themselves.</summary>
    public static IQueryable<Employee> TotalsVisibleTo(this IQueryable<Employee> employees, Viewer viewer) =>
        MayAdminister(viewer) ? employees : employees.VisibleTo(viewer);
}
