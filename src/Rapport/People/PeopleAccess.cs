using Rapport.Shared;

namespace Rapport.People;

/// <summary>Who may see which employees and teams.</summary>
internal static class PeopleAccess
{
    /// <summary>
    /// Administrators, finance and HR see everyone; a head of sales sees the teams they head and the people they
    /// manage; everybody else sees only their own record.
    /// </summary>
    public static IQueryable<Employee> VisibleTo(this IQueryable<Employee> employees, Viewer viewer)
    {
        if (viewer.IsAny(Roles.Administrator, Roles.Finance, Roles.Recruiter))
        {
            return employees;
        }

        var me = viewer.EmployeeId;
        if (me is null)
        {
            return employees.Where(_ => false);
        }

        return viewer.Is(Roles.HeadOfSales)
            ? employees.Where(e => e.Id == me || e.ManagerId == me || (e.Team != null && e.Team.HeadId == me))
            : employees.Where(e => e.Id == me);
    }

    public static IQueryable<Team> VisibleTo(this IQueryable<Team> teams, Viewer viewer)
    {
        if (viewer.IsAny(Roles.Administrator, Roles.Finance, Roles.Recruiter))
        {
            return teams;
        }

        var me = viewer.EmployeeId;
        return me is null ? teams.Where(_ => false) : teams.Where(t => t.HeadId == me);
    }

    public static bool CanManage(Viewer viewer) => viewer.IsAdministrator;
}
