using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rapport.Data;

/// <summary>
/// How many committed transactions of this application have written each entity type: a generation per type, which
/// a cache of figures derived from a table keeps beside what it cached, to know when the table changed. Saves through
/// the change tracker and <see cref="BulkInsert{T}"/> both count, once their transaction commits (a save outside a
/// transaction at once); a rollback counts nothing. Other instances' writes are not seen here.
/// </summary>
public sealed class CommittedWrites
{
    private readonly ConcurrentDictionary<Type, long> _generations = new();

    /// <summary>The number of commits that have written <paramref name="type"/> so far.</summary>
    public long Of(Type type) => _generations.GetValueOrDefault(type);

    internal void Committed(IEnumerable<Type> types)
    {
        foreach (var type in types)
        {
            _generations.AddOrUpdate(type, 1, (_, generation) => generation + 1);
        }
    }

    /// <summary>Counts what a context has written once it is committed; until then keeps it with the context.</summary>
    internal void Wrote(RapportDb db, IEnumerable<Type> types)
    {
        if (db.Database.CurrentTransaction is null)
        {
            Committed(types);
        }
        else
        {
            db.PendingWrites.UnionWith(types);
        }
    }

    internal void Publish(RapportDb db)
    {
        Committed(db.PendingWrites);
        db.PendingWrites.Clear();
    }
}

/// <summary>Notes the entity types a SaveChanges writes, for <see cref="CommittedWrites"/>; registered after the interceptors that add rows.</summary>
internal sealed class WriteTrackingSaveInterceptor(CommittedWrites writes) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Note(DbContext? context)
    {
        if (context is RapportDb db)
        {
            db.PendingWrites.UnionWith(db.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).Select(e => e.Metadata.ClrType));
        }
    }

    // Outside a transaction of the caller's the save has committed by now (in one of its own, or as one statement).
    private void Saved(DbContext? context)
    {
        if (context is RapportDb db && db.Database.CurrentTransaction is null)
        {
            writes.Publish(db);
        }
    }

    private static void Failed(DbContext? context)
    {
        if (context is RapportDb db && db.Database.CurrentTransaction is null)
        {
            db.PendingWrites.Clear();
        }
    }
}

/// <summary>Counts a transaction's writes for <see cref="CommittedWrites"/> when it commits, and forgets them when it rolls back.</summary>
internal sealed class WriteTrackingTransactionInterceptor(CommittedWrites writes) : DbTransactionInterceptor
{
    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is RapportDb db)
        {
            writes.Publish(db);
        }
    }

    public override Task TransactionCommittedAsync(
        System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is RapportDb db)
        {
            db.PendingWrites.Clear();
        }
    }

    public override Task TransactionRolledBackAsync(
        System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }
}
