using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> per changed field of every <see cref="IAudited"/> entity, inside the same
/// SaveChanges, so the log and the change commit or fail together. Refuses any edit of the log itself.
/// </summary>
internal sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private const int MaxValueLength = 2000;

    /// <summary>Whether a property is marked <see cref="NotAuditedAttribute"/>: asked for every value saved, read once.</summary>
    private static readonly ConcurrentDictionary<PropertyInfo, bool> NotAudited = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // One interceptor serves every context; the actor is the context's, that is the request's or the command's.
        var actor = (context as RapportDb)?.Actor ?? SystemActor.Instance;

        context.ChangeTracker.DetectChanges();
        if (context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var entries = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries<IAudited>())
        {
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Added,
                EntityState.Modified => AuditAction.Modified,
                EntityState.Deleted => AuditAction.Deleted,
                _ => (AuditAction?)null,
            };
            if (action is null)
            {
                continue;
            }

            if (action == AuditAction.Added)
            {
                // A new record is one entry holding its first values: an import of thousands of rows writes one
                // audit row per record instead of one per field.
                entries.Add(Created(actor, now, entry.Metadata.ClrType, entry.Entity.Id,
                    entry.Properties.Select(p => ((IReadOnlyProperty)p.Metadata, p.CurrentValue))));
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (!IsLogged(property.Metadata))
                {
                    continue;
                }

                var (oldValue, newValue) = action switch
                {
                    AuditAction.Deleted => (Format(property.OriginalValue), null),
                    _ => (Format(property.OriginalValue), Format(property.CurrentValue)),
                };
                if (action == AuditAction.Modified && (!property.IsModified || oldValue == newValue))
                {
                    continue;
                }

                entries.Add(Entry(actor, entry, now, action.Value, property.Metadata.Name, oldValue, newValue));
            }
        }

        entries.AddRange(RoleChanges(context, actor, now));
        context.Set<AuditEntry>().AddRange(entries);
    }

    /// <summary>Role grants and withdrawals are rows of a join table; they are logged as a change of the user.</summary>
    private static IEnumerable<AuditEntry> RoleChanges(DbContext context, ICurrentActor actor, DateTime now)
    {
        foreach (var entry in context.ChangeTracker.Entries<IdentityUserRole<Guid>>().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Deleted))
            {
                continue;
            }

            var role = context.Set<IdentityRole<Guid>>().Find(entry.Entity.RoleId)?.Name ?? entry.Entity.RoleId.ToString();
            var added = entry.State == EntityState.Added;
            yield return new AuditEntry
            {
                At = now,
                UserId = actor.UserId,
                Actor = actor.Name,
                EntityType = nameof(Identity.User),
                EntityId = entry.Entity.UserId,
                Action = AuditAction.Modified,
                Field = "Role",
                OldValue = added ? null : role,
                NewValue = added ? role : null,
            };
        }
    }

    /// <summary>Whether changes of a property are logged: not keys, shadow values or derived and secret noise.</summary>
    internal static bool IsLogged(IReadOnlyProperty property) =>
        !property.IsPrimaryKey() && !property.IsShadowProperty()
        && !(property.PropertyInfo is { } info && NotAudited.GetOrAdd(info, p => p.IsDefined(typeof(NotAuditedAttribute), inherit: false)))
        && property.Name is not (nameof(IVersioned.Version) or "SearchName" or "SearchTitle" or "MatchKey" or "PhoneDigits" or "ConcurrencyStamp"
            or "SecurityStamp" or "PasswordHash" or "NormalizedEmail" or "NormalizedUserName"
            or "AccessFailedCount" or "LastUsedAt");

    /// <summary>The field name of the one entry that records a new record with all its first values.</summary>
    public const string CreatedField = "*";

    /// <summary>
    /// The one entry that records a new record: its logged, non-empty first values as "Name=value", in model order.
    /// Shared with writers that insert without the change tracker, so their entries are the same.
    /// </summary>
    internal static AuditEntry Created(
        ICurrentActor actor, DateTime at, Type entityType, Guid id, IEnumerable<(IReadOnlyProperty Property, object? Value)> values) =>
        NewEntry(actor, at, entityType, id, AuditAction.Added, CreatedField, null, Trim(string.Join("; ", values
            .Where(v => IsLogged(v.Property))
            .Select(v => (v.Property.Name, Value: Format(v.Value)))
            .Where(v => !string.IsNullOrEmpty(v.Value))
            .Select(v => $"{v.Name}={v.Value}"))));

    private static AuditEntry Entry(ICurrentActor actor, EntityEntry<IAudited> entry, DateTime at, AuditAction action, string field, string? oldValue, string? newValue) =>
        NewEntry(actor, at, entry.Metadata.ClrType, entry.Entity.Id, action, field, oldValue, newValue);

    private static AuditEntry NewEntry(
        ICurrentActor actor, DateTime at, Type entityType, Guid id, AuditAction action, string field, string? oldValue, string? newValue) => new()
    {
        At = at,
        UserId = actor.UserId,
        Actor = actor.Name,
        EntityType = entityType.Name,
        EntityId = id,
        Action = action,
        Field = field,
        OldValue = oldValue,
        NewValue = newValue,
    };

    private static string? Trim(string? text) => text is { Length: > MaxValueLength } ? text[..MaxValueLength] : text;

    private static string? Format(object? value)
    {
        var text = value switch
        {
            null => null,
            DateTime d => d.ToString("u", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return Trim(text);
    }
}
