using System.Security.Claims;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Web.Features.People;

/// <summary>The employee list as CSV, with the same filter and visibility as the page it is exported from.</summary>
internal static class PeopleExport
{
    public static void MapPeopleExport(this IEndpointRouteBuilder app) =>
        // Filters arrive as the list page's text ("All" is an empty value) and are parsed leniently, as on the page.
        app.MapGet("/people/employees/export.csv", (ClaimsPrincipal user, EmployeeHandlers handlers, string? q,
                string? status, string? team, string? sort, string? desc) =>
            {
                var viewer = user.ToViewer();
                var filter = new EmployeeFilter(q,
                    Enum.TryParse<EmployeeStatus>(status, ignoreCase: true, out var st) ? st : null,
                    Guid.TryParse(team, out var t) ? t : null,
                    Enum.TryParse<EmployeeSort>(sort, ignoreCase: true, out var so) ? so : EmployeeSort.Name,
                    bool.TryParse(desc, out var d) && d, Size: Cursor.MaxPageSize);
                return Csv.File("employees.csv", Csv.Lines(
                    Csv.Line(Texts.FieldFullName, Texts.FieldPosition, Texts.FieldDepartment, Texts.FieldTeam,
                        Texts.FieldManager, Texts.FieldEmploymentStart, Texts.FieldCapacity, Texts.FieldStatus),
                    (after, ct) => handlers.ListAsync(viewer, filter with { After = after }, ct),
                    e => Csv.Line(e.FullName, e.Position, e.Department, e.TeamName, e.ManagerName,
                        e.EmploymentStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        Csv.Invariant(e.Capacity), e.Status.ToString())));
            })
        .RequireAuthorization(p => p.RequireRole(Roles.PeopleReaders.Split(',')))
        .ExcludeFromDescription();
}
