using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rapport.Data;

/// <summary>The rows of one table waiting to be inserted, whatever their type.</summary>
internal interface IBulkInsert : IAsyncDisposable
{
    Task FlushAsync(CancellationToken ct);

    void Clear();
}

/// <summary>
/// Inserts new entities of one type with prepared INSERT statements (a row each on SQLite, many rows each elsewhere)
/// inside the context's current transaction, bypassing the change tracker and its interceptors: for hot paths that
/// write thousands of rows, such as the import, which write what the interceptors would themselves. Tables, columns and
/// value conversions come from the EF model, so a row is stored exactly as SaveChanges would store it, on every provider.
/// On SQLite a row's values are bound to the engine's statement by position (<see cref="SqliteRow"/>); a table with a
/// column of a type it does not know goes through ADO.NET parameters like any other engine.
/// </summary>
internal sealed class BulkInsert<T> : IBulkInsert where T : class
{
    /// <summary>Rows per statement where a round trip is dear: enough to amortise it, few enough for any parameter limit.</summary>
    private const int MaxRows = 200;

    private const int MaxParameters = 30_000;

    private readonly RapportDb _db;
    private readonly IProperty[] _columns;
    private readonly IClrPropertyGetter[] _getters;
    private readonly RelationalTypeMapping[] _mappings;
    private readonly string _head;
    private readonly int _rowsPerStatement;
    private readonly List<T> _pending = [];
    private readonly SqliteRow? _direct;
    private DbCommand? _full;
    private bool _prepared;

    /// <param name="db">The context whose transaction the rows are written in.</param>
    /// <param name="direct">Whether SQLite's statements may be bound directly; false only to compare with ADO.NET's.</param>
    public BulkInsert(RapportDb db, bool direct = true)
    {
        _db = db;
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());

        // A key the database numbers (an identity column) is left to it; every other column takes the entity's value.
        _columns = [.. type.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && IsInteger(p.ClrType)))];
        if (_columns.Any(p => p.IsShadowProperty()))
        {
            throw new InvalidOperationException($"{typeof(T).Name} has shadow properties, whose values only the change tracker holds.");
        }

        _getters = [.. _columns.Select(p => p.GetGetter())];
        _mappings = [.. _columns.Select(p => p.GetRelationalTypeMapping())];
        var sql = db.GetService<ISqlGenerationHelper>();
        _head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"({string.Join(", ", _columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";

        // Microsoft.Data.Sqlite binds parameters by name, in time that grows with the square of their number, and a
        // call costs no round trip: one prepared single-row statement is its fastest shape. A server engine pays a
        // round trip per statement, so there many rows share one.
        _rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, Math.Min(MaxRows, MaxParameters / _columns.Length));
        if (direct && db.Database.IsSqlite() && SqliteRow.Binds(_mappings))
        {
            _direct = new SqliteRow(_head + "(" + string.Join(", ", _columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture))) + ")");
        }
    }

    public void Add(T entity) => _pending.Add(entity);

    /// <summary>Forgets the rows not yet written.</summary>
    public void Clear() => _pending.Clear();

    /// <summary>Writes the pending rows in the current transaction, which a bulk write never runs without.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var transaction = _db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside a transaction, so that it can be undone.");
        if (_pending.Count > 0)
        {
            _db.Wrote(typeof(T));
        }

        if (_direct is not null)
        {
            WriteDirect(_direct);
            _pending.Clear();
            return;
        }

        for (var start = 0; start < _pending.Count; start += _rowsPerStatement)
        {
            var count = Math.Min(_rowsPerStatement, _pending.Count - start);

            // Full statements share one command, prepared once by the engine, whose parameters only change value.
            var command = count == _rowsPerStatement ? _full ??= Create(transaction, count) : Create(transaction, count);
            try
            {
                if (command == _full && !_prepared)
                {
                    await command.PrepareAsync(ct);
                    _prepared = true;
                }

                command.Transaction = transaction;
                var n = 0;
                for (var row = start; row < start + count; row++)
                {
                    var entity = _pending[row];
                    for (var c = 0; c < _columns.Length; c++)
                    {
                        command.Parameters[n++].Value = ToProvider(_mappings[c], _getters[c].GetClrValue(entity));
                    }
                }

                await command.ExecuteNonQueryAsync(ct);
            }
            finally
            {
                if (command != _full)
                {
                    await command.DisposeAsync();
                }
            }
        }

        _pending.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        _direct?.Dispose();
        if (_full is not null)
        {
            await _full.DisposeAsync();
        }
    }

    /// <summary>The pending rows through the statement bound by position, on the connection the transaction holds.</summary>
    private void WriteDirect(SqliteRow row)
    {
        var connection = ((SqliteConnection)_db.Database.GetDbConnection()).Handle!;
        var values = new object?[_columns.Length];
        foreach (var entity in _pending)
        {
            for (var c = 0; c < _columns.Length; c++)
            {
                values[c] = ToProvider(_mappings[c], _getters[c].GetClrValue(entity));
            }

            row.Insert(connection, values);
        }
    }

    private DbCommand Create(DbTransaction transaction, int rows)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        var text = new StringBuilder(_head, _head.Length + (rows * _columns.Length * 8));
        var n = 0;
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                var name = ParameterName(n++);
                text.Append(c == 0 ? "" : ", ").Append(name);

                // Typed as SaveChanges types them (DbType, provider type); values are set row by row.
                command.Parameters.Add(_mappings[c].CreateParameter(command, name, null, _columns[c].IsNullable));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        command.Transaction = transaction;
        if (_db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        return command;
    }

    /// <summary>A value as the provider stores it, converted as <see cref="RelationalTypeMapping.CreateParameter"/> does.</summary>
    private static object ToProvider(RelationalTypeMapping mapping, object? value)
    {
        if (mapping.Converter is { } converter)
        {
            value = converter.ConvertToProvider(value);
        }
        else if (value is Enum)
        {
            value = Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), System.Globalization.CultureInfo.InvariantCulture);
        }

        return value ?? DBNull.Value;
    }

    private static string ParameterName(int n) => "@p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsInteger(Type type) => type == typeof(int) || type == typeof(long) || type == typeof(short);
}
