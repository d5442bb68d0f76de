using Rapport.Shared;

namespace Rapport.Staffing;

/// <summary>
/// Who sees and changes staffing. Recruiters and administrators: everything. A hiring manager: their vacancies and
/// those vacancies' candidates. Everyone else: their own re-targeting scores, never another person's.
/// </summary>
internal static class StaffingAccess
{
    /// <summary>Who edits profiles and the catalogue, opens vacancies and reads every candidate and every employee's scores.</summary>
    public const string Recruiters = $"{Roles.Administrator},{Roles.Recruiter}";

    public static bool IsRecruiter(Viewer viewer) => viewer.IsAny(Roles.Administrator, Roles.Recruiter);

    /// <summary>The vacancies the viewer works on: all for a recruiter, else the ones they are the hiring manager of.</summary>
    public static IQueryable<Vacancy> VisibleTo(this IQueryable<Vacancy> vacancies, Viewer viewer) =>
        IsRecruiter(viewer) ? vacancies : vacancies.Where(v => v.HiringManagerId == viewer.EmployeeId);

    /// <summary>Whose re-targeting scores the viewer may read: anyone's for a recruiter, else only their own.</summary>
    public static bool MayReadScoresOf(Viewer viewer, Guid employeeId) => IsRecruiter(viewer) || viewer.EmployeeId == employeeId;
}
