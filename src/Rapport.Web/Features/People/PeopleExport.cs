using System.Runtime.CompilerServices;
using System.Security.Claims;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Web.Features.People;

/// <summary>The employee list as CSV, with the same filter and visibility as the page it is exported from.</summary>
internal static class PeopleExport
{
    public static void MapPeopleExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/people/employees/export.csv", (ClaimsPrincipal user, EmployeeHandlers handlers, string? q,
                EmployeeStatus? status, Guid? team, EmployeeSort? sort, bool? desc) =>
            Csv.File("employees.csv", Lines(handlers, user.ToViewer(),
                new EmployeeFilter(q, status, team, sort ?? EmployeeSort.Name, desc ?? false, Size: Cursor.MaxPageSize))))
        .RequireAuthorization(p => p.RequireRole(Roles.PeopleReaders.Split(',')))
        .ExcludeFromDescription();

    private static async IAsyncEnumerable<string> Lines(
        EmployeeHandlers handlers, Viewer viewer, EmployeeFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        yield return Csv.Line(Texts.FieldFullName, Texts.FieldPosition, Texts.FieldDepartment, Texts.FieldTeam,
            Texts.FieldManager, Texts.FieldEmploymentStart, Texts.FieldCapacity, Texts.FieldStatus);
        string? after = null;
        do
        {
            var page = await handlers.ListAsync(viewer, filter with { After = after }, ct);
            foreach (var e in page.Items)
            {
                yield return Csv.Line(e.FullName, e.Position, e.Department, e.TeamName, e.ManagerName,
                    e.EmploymentStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    Csv.Invariant(e.Capacity), e.Status.ToString());
            }

            after = page.Next;
        }
        while (after is not null);
    }
}
