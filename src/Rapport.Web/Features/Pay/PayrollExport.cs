using System.Security.Claims;
using Rapport.Pay;
using Rapport.Shared;

namespace Rapport.Web.Features.Pay;

/// <summary>The payroll file of a locked period, as CSV or XLSX: commission apart from the base. The first download marks the period exported.</summary>
internal static class PayrollExport
{
    public static void MapPayrollExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/pay/periods/{id:guid}/payroll.{format}", async (Guid id, string format, ClaimsPrincipal user, PeriodHandlers periods, CancellationToken ct) =>
            {
                if (format is not ("csv" or "xlsx"))
                {
                    return Results.NotFound();
                }

                var result = await periods.ExportAsync(user.ToViewer(), id, ct);
                if (!result.IsSuccess)
                {
                    return result.Errors[0].Kind == ErrorKind.NotFound ? Results.NotFound() : Results.Conflict(result.Errors[0].Message);
                }

                var (period, rows) = result.Value;
                return Export.File(format, new ExportTable<PayrollRow>($"payroll-{period.Code}", PayTexts.PayrollTitle,
                [
                    new(Texts.FieldEmployee, r => r.Employee),
                    new(Texts.FieldEmail, r => r.Email),
                    new(PayTexts.ColumnBase, r => r.Base),
                    new(PayTexts.ColumnCommission, r => r.Commission),
                    new(PayTexts.ColumnBonuses, r => r.Bonuses),
                    new(PayTexts.ColumnAdjustments, r => r.Adjustments),
                    new(PayTexts.ColumnClawbacks, r => r.Clawbacks),
                    new(PayTexts.ColumnTotalGross, r => r.TotalGross),
                    new(Texts.FieldCurrency, r => r.Currency),
                ], Export.All(_ => Task.FromResult(rows), ct)));
            })
        .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Finance))
        .ExcludeFromDescription();
}
