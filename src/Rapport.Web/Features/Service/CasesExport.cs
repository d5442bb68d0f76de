using System.Security.Claims;
using Rapport.People;
using Rapport.Service;
using Rapport.Shared;

namespace Rapport.Web.Features.Service;

/// <summary>The case list as CSV or XLSX, with the same filters and visibility as the page, most urgent first.</summary>
internal static class CasesExport
{
    public static void MapCasesExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/cases/export.{format}", async (string format, ClaimsPrincipal user, CaseHandlers cases, EmployeeHandlers employees,
                string? status, string? priority, string? sla, string? assignee, string? account) =>
            {
                var filter = CasesFilter.From(status, priority, sla, await CasesFilter.AssigneeAsync(employees, assignee), account);
                ExportColumn<CaseRow>[] columns =
                [
                    new(Texts.FieldSubject, c => c.Subject),
                    new(Texts.FieldAccount, c => c.AccountName),
                    new(ServiceTexts.FieldRaisedBy, c => c.ContactName),
                    new(ServiceTexts.FieldCategory, c => ServiceLabels.Of(c.Category)),
                    new(ServiceTexts.FieldPriority, c => ServiceLabels.Of(c.Priority)),
                    new(Texts.FieldStatus, c => ServiceLabels.Of(c.Status)),
                    new(Texts.FieldAssignee, c => c.AssigneeName),
                    new(ServiceTexts.OpenedAt, c => c.CreatedAt),
                    new(ServiceTexts.SlaTitle, c => ServiceLabels.Of(c.Sla)),
                    new(ServiceTexts.DueAt, c => c.DueAt),
                ];
                return Export.File(format, new ExportTable<CaseRow>("cases", ServiceTexts.CasesTitle, columns,
                    cases.RowsAsync(user.ToViewer(), filter)));
            })
        .RequireAuthorization(p => p.RequireRole(Roles.ClientBaseUsers.Split(',')))
        .ExcludeFromDescription();
}
