using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.Audit;

/// <summary>Filter of the audit log browser; every field comes from the query string.</summary>
public sealed record AuditFilter(
    string? EntityType = null, Guid? EntityId = null, Guid? UserId = null, DateOnly? From = null, DateOnly? To = null,
    long? Before = null, int? Size = null);

public sealed record AuditRow(
    long Id, DateTime At, string Actor, string EntityType, Guid EntityId, AuditAction Action, string Field,
    string? OldValue, string? NewValue);

/// <summary>A page of the audit log, newest first; <see cref="Before"/> continues below the last entry shown.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Items, long? Before);

/// <summary>Reads the audit log. Administrators only.</summary>
public sealed class AuditQueries(RapportDb db)
{
    public static readonly IReadOnlyList<string> EntityTypes =
        ["Employee", "Team", "Organisation", "CountryParameter", "User"];

    public async Task<AuditPage?> ListAsync(Viewer viewer, AuditFilter filter, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return null;
        }

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (filter.EntityId is { } entityId)
        {
            query = query.Where(a => a.EntityId == entityId);
        }

        if (filter.UserId is { } userId)
        {
            query = query.Where(a => a.UserId == userId);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At < end);
        }

        if (filter.Before is { } before)
        {
            query = query.Where(a => a.Id < before);
        }

        var size = Cursor.ClampSize(filter.Size);
        var rows = await query.OrderByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.At, a.Actor, a.EntityType, a.EntityId, a.Action, a.Field, a.OldValue, a.NewValue))
            .Take(size + 1)
            .ToListAsync(ct);
        long? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            next = rows[^1].Id;
        }

        return new AuditPage(rows, next);
    }
}
