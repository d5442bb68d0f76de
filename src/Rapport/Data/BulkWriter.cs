using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Audit;
using Rapport.Shared;

namespace Rapport.Data;

/// <summary>
/// Writes new entities of several types with <see cref="BulkInsert{T}"/>, a batch at a time, in the current
/// transaction, and for each <see cref="IAudited"/> one the audit entry the <see cref="AuditInterceptor"/> would
/// write for it. Tables are written in the order they were first added to, so parents go before their children.
/// </summary>
internal sealed class BulkWriter(RapportDb db, ICurrentActor actor, TimeProvider clock) : IAsyncDisposable
{
    private readonly List<(Type Type, IBulkInsert Table)> _tables = [];
    private readonly List<IAudited> _created = [];
    private BulkInsert<AuditEntry>? _audit;

    /// <summary>Adds a new entity, as it will be when the batch is written.</summary>
    public void Add<T>(T entity) where T : class
    {
        Table<T>().Add(entity);
        if (entity is IAudited audited)
        {
            _created.Add(audited);
        }
    }

    /// <summary>Writes what was added since the last write, then the audit entries of the new records.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_created.Count > 0)
        {
            _audit ??= new BulkInsert<AuditEntry>(db);
            var at = clock.GetUtcNow().UtcDateTime;
            foreach (var entity in _created)
            {
                var type = db.Model.FindEntityType(entity.GetType())!;
                _audit.Add(AuditInterceptor.Created(actor, at, type.ClrType, entity.Id,
                    type.GetProperties().Select(p => ((IReadOnlyProperty)p, p.GetGetter().GetClrValue(entity)))));
            }

            _created.Clear();
        }

        foreach (var (_, table) in _tables)
        {
            await table.FlushAsync(ct);
        }

        if (_audit is not null)
        {
            await _audit.FlushAsync(ct);
        }
    }

    /// <summary>Forgets what was added and not written.</summary>
    public void Clear()
    {
        _created.Clear();
        foreach (var (_, table) in _tables)
        {
            table.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, table) in _tables)
        {
            await table.DisposeAsync();
        }

        if (_audit is not null)
        {
            await _audit.DisposeAsync();
        }
    }

    private BulkInsert<T> Table<T>() where T : class
    {
        foreach (var (type, table) in _tables)
        {
            if (type == typeof(T))
            {
                return (BulkInsert<T>)table;
            }
        }

        var created = new BulkInsert<T>(db);
        _tables.Add((typeof(T), created));
        return created;
    }
}
