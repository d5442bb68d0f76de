using System.Security.Claims;
using Rapport.People;
using Rapport.Shared;
using Rapport.Web.Components.Shared;

namespace Rapport.Web.Features.People;

/// <summary>The employee and team lists as CSV or XLSX, with the same filter and visibility as the pages they are exported from.</summary>
internal static class PeopleExport
{
    public static void MapPeopleExport(this IEndpointRouteBuilder app)
    {
        // Filters arrive as the list page's text ("All" is an empty value) and are parsed leniently, as on the page.
        app.MapGet("/people/employees/export.{format}", (string format, ClaimsPrincipal user, EmployeeHandlers handlers, string? q,
                string? status, string? team, string? sort, string? desc) =>
            {
                var viewer = user.ToViewer();
                var filter = new EmployeeFilter(q,
                    Enum.TryParse<EmployeeStatus>(status, ignoreCase: true, out var st) ? st : null,
                    Guid.TryParse(team, out var t) ? t : null,
                    Enum.TryParse<EmployeeSort>(sort, ignoreCase: true, out var so) ? so : EmployeeSort.Name,
                    bool.TryParse(desc, out var d) && d, Size: Cursor.MaxPageSize);
                return Export.File(format, new ExportTable<EmployeeRow>("employees", Texts.EmployeesTitle,
                [
                    new(Texts.FieldFullName, e => e.FullName),
                    new(Texts.FieldPosition, e => e.Position),
                    new(Texts.FieldDepartment, e => e.Department),
                    new(Texts.FieldTeam, e => e.TeamName),
                    new(Texts.FieldManager, e => e.ManagerName),
                    new(Texts.FieldEmploymentStart, e => e.EmploymentStart),
                    new(Texts.CapacityShort, e => e.Capacity),
                    new(Texts.FieldStatus, e => Labels.Of(e.Status)),
                ], Export.Pages((after, ct) => handlers.ListAsync(viewer, filter with { After = after }, ct))));
            })
        .RequireAuthorization(p => p.RequireRole(Roles.PeopleReaders.Split(',')))
        .ExcludeFromDescription();

        app.MapGet("/people/teams/export.{format}", (string format, ClaimsPrincipal user, TeamHandlers handlers) =>
            {
                var viewer = user.ToViewer();
                return Export.File(format, new ExportTable<TeamRow>("teams", Texts.TeamsTitle,
                [
                    new(Texts.FieldTeamName, t => t.Name),
                    new(Texts.FieldTeamHead, t => t.HeadName),
                    new(Texts.TeamMembers, t => t.Members),
                ], Export.All(ct => handlers.ListAsync(viewer, ct))));
            })
        .RequireAuthorization(p => p.RequireRole(Roles.PeopleReaders.Split(',')))
        .ExcludeFromDescription();
    }
}
