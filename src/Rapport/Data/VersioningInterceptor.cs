using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Shared;

namespace Rapport.Data;

/// <summary>
/// Bumps the version of every modified <see cref="IVersioned"/> entity. The version is a concurrency token,
/// so the UPDATE matches only the version the editor saw; a stale edit updates no row and EF raises a conflict.
/// </summary>
internal sealed class VersioningInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Bump(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Bump(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                var original = (long)entry.Property(nameof(IVersioned.Version)).OriginalValue!;
                entry.Entity.Version = original + 1;
            }
        }
    }
}
