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
    private readonly Dictionary<Type, (IProperty Property, IClrPropertyGetter Getter)[]> _properties = [];
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
                var properties = Properties(entity.GetType());
                _audit.Add(AuditInterceptor.Created(actor, at, entity.GetType(), entity.Id,
                    properties.Select(p => ((IReadOnlyProperty)p.Property, p.Getter.GetClrValue(entity)))));
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

    /// <summary>An audited type's properties with their getters, looked up in the model once per type and batch writer.</summary>
    private (IProperty Property, IClrPropertyGetter Getter)[] Properties(Type type)
    {
        if (!_properties.TryGetValue(type, out var properties))
        {
            _properties[type] = properties = [.. db.Model.FindEntityType(type)!.GetProperties().Select(p => (p, p.GetGetter()))];
        }

        return properties;
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
