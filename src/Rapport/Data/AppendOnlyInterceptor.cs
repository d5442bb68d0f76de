using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Shared;

namespace Rapport.Data;

/// <summary>
/// Refuses to save a change or deletion of an <see cref="IAppendOnly"/> record, as the audit interceptor does for
/// the audit log. The migrations add triggers that refuse the same in the database, for SQL that passes no context.
/// </summary>
internal sealed class AppendOnlyInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        if (context.ChangeTracker.Entries<IAppendOnly>().FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted) is { } entry)
        {
            throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} records are append-only.");
        }
    }
}
