using System.Globalization;
using System.Security.Claims;
using Rapport.Audit;
using Rapport.Identity;
using Rapport.Shared;
using Rapport.Web.Components.Shared;

namespace Rapport.Web.Features.Settings;

/// <summary>The user list and the audit log as CSV or XLSX, with the filters of their pages; administrators only.</summary>
internal static class SettingsExport
{
    public static void MapSettingsExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/settings/users/export.{format}", (string format, UserHandlers users, string? q) =>
                Export.File(format, new ExportTable<UserRow>("users", Texts.UsersTitle,
                [
                    new(Texts.FieldDisplayName, u => u.DisplayName),
                    new(Texts.FieldEmail, u => u.Email),
                    new(Texts.FieldRoles, u => string.Join(", ", u.Roles.Select(Roles.DisplayName))),
                    new(Texts.FieldEmployee, u => u.EmployeeName),
                    new(Texts.FieldStatus, u => !u.Enabled ? Texts.UserDisabled : u.LockedOut ? Texts.UserLockedOut : Texts.StatusActive),
                ], Export.All(ct => users.ListAsync(q, ct)))))
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator))
            .ExcludeFromDescription();

        // The audit log's own filters, as its page reads them; a date that is not one is no filter, as there.
        app.MapGet("/settings/audit/export.{format}", (string format, ClaimsPrincipal user, AuditQueries audit, string? entityType,
                string? entityId, string? userId, string? from, string? to) =>
            {
                var viewer = user.ToViewer();
                var filter = new AuditFilter(string.IsNullOrWhiteSpace(entityType) ? null : entityType,
                    Guid.TryParse(entityId, out var e) ? e : null, Guid.TryParse(userId, out var u) ? u : null,
                    Date(from), Date(to), Size: Cursor.MaxPageSize);
                return Export.File(format, new ExportTable<AuditRow>("audit-log", Texts.AuditTitle,
                [
                    new(Texts.AuditWhen, a => a.At),
                    new(Texts.AuditWho, a => a.Actor),
                    new(Texts.AuditEntity, a => a.EntityType),
                    new(Texts.AuditEntityId, a => a.EntityId.ToString()),
                    new(Texts.AuditAction, a => Labels.Of(a.Action)),
                    new(Texts.AuditField, a => a.Field == AuditInterceptor.CreatedField ? Texts.AuditAllFields : a.Field),
                    new(Texts.AuditOld, a => a.OldValue),
                    new(Texts.AuditNew, a => a.NewValue),
                ], Entries(audit, viewer, filter)));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator))
            .ExcludeFromDescription();
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Every entry the filter keeps, newest first, a page at a time below the last one read.</summary>
    private static async IAsyncEnumerable<AuditRow> Entries(AuditQueries audit, Viewer viewer, AuditFilter filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        long? before = null;
        do
        {
            if (await audit.ListAsync(viewer, filter with { Before = before }, ct) is not { } page)
            {
                yield break;
            }

            foreach (var row in page.Items)
            {
                yield return row;
            }

            before = page.Before;
        }
        while (before is not null);
    }
}
