using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Rapport.Data;

/// <summary>
/// One prepared INSERT on SQLite whose values are bound by position, straight to the engine, for
/// <see cref="BulkInsert{T}"/>. ADO.NET's parameters find each value's place by its name on every execution (a
/// conversion of the name and a search among the statement's names per value) and make a reader per row: half the
/// time of a bulk insert. Values are stored as Microsoft.Data.Sqlite stores them (the same text for dates, decimals
/// and identifiers), which a test compares column by column for every table written in bulk.
/// </summary>
internal sealed class SqliteRow(string sql) : IDisposable
{
    private sqlite3_stmt? _statement;
    private sqlite3? _preparedOn;
    private byte[] _text = new byte[256];

    /// <summary>Whether every column's stored type is one this statement binds as Microsoft.Data.Sqlite would.</summary>
    public static bool Binds(IEnumerable<RelationalTypeMapping> mappings) => mappings.All(m => IsBound(m.Converter?.ProviderClrType ?? m.ClrType));

    /// <summary>Inserts one row of values, in column order and as the provider stores them, in the connection's current transaction.</summary>
    public void Insert(sqlite3 connection, ReadOnlySpan<object?> values)
    {
        var statement = Prepare(connection);
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                Check(Bind(statement, i + 1, values[i]), connection);
            }

            var step = raw.sqlite3_step(statement);
            if (step != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(step, connection);
            }
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    public void Dispose()
    {
        _statement?.Dispose();
        _statement = null;
    }

    private static bool IsBound(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        type = type.IsEnum ? Enum.GetUnderlyingType(type) : type;
        return type == typeof(string) || type == typeof(bool) || type == typeof(byte) || type == typeof(short) || type == typeof(int)
            || type == typeof(long) || type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(byte[]);
    }

    private sqlite3_stmt Prepare(sqlite3 connection)
    {
        if (_statement is not null && _preparedOn == connection)
        {
            return _statement;
        }

        Dispose();
        Check(raw.sqlite3_prepare_v2(connection, sql, out var statement), connection);
        (_statement, _preparedOn) = (statement, connection);
        return statement;
    }

    /// <summary>A value bound as Microsoft.Data.Sqlite's value binder binds it to a column of its default type.</summary>
    private int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, index),
        string text => BindText(statement, index, text),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        byte n => raw.sqlite3_bind_int64(statement, index, n),
        short n => raw.sqlite3_bind_int64(statement, index, n),
        int n => raw.sqlite3_bind_int64(statement, index, n),
        long n => raw.sqlite3_bind_int64(statement, index, n),
        double d => raw.sqlite3_bind_double(statement, index, d),
        float f => raw.sqlite3_bind_double(statement, index, f),
        decimal d => BindText(statement, index, d.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        Guid id => BindText(statement, index, id.ToString().ToUpperInvariant()),
        DateTime at => BindText(statement, index, at.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        DateOnly day => BindText(statement, index, day.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
        byte[] { Length: 0 } => raw.sqlite3_bind_zeroblob(statement, index, 0),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        _ => throw new InvalidOperationException($"A {value.GetType().Name} is not bound directly; its table goes through ADO.NET."),
    };

    /// <summary>Text as UTF-8 from a buffer kept between rows (the engine copies it when bound).</summary>
    private int BindText(sqlite3_stmt statement, int index, string text)
    {
        if (text.Length == 0)
        {
            // An empty span has no address, which the engine would take for NULL.
            return raw.sqlite3_bind_text(statement, index, string.Empty);
        }

        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_text.Length < length)
        {
            _text = new byte[Math.Max(length, _text.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(text, _text);
        return raw.sqlite3_bind_text(statement, index, _text.AsSpan(0, written));
    }

    private static void Check(int rc, sqlite3 connection)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, connection);
        }
    }
}
