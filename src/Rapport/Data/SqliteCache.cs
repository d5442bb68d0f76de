using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rapport.Data;

/// <summary>
/// A larger page cache for one long write on SQLite, such as an import: every new row goes into several indexes
/// spread over the file, and SQLite's default cache (2 MB) sends most of their pages out and back again before the
/// transaction ends. The connection's own size is put back when disposed, before it returns to the pool.
/// Other engines are left as they are.
/// </summary>
internal sealed class SqliteCache : IAsyncDisposable
{
    /// <summary>Pages held in memory, in KiB (a negative size is KiB to SQLite).</summary>
    private const string Enlarged = "PRAGMA cache_size = -65536";

    private readonly RapportDb _db;
    private readonly long _before;

    private SqliteCache(RapportDb db, long before) => (_db, _before) = (db, before);

    /// <summary>Enlarges the cache of the context's open connection (the one its transaction holds), or returns null.</summary>
    public static async Task<SqliteCache?> EnlargeAsync(RapportDb db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        await db.Database.OpenConnectionAsync(ct);
        var before = Convert.ToInt64(await ScalarAsync(db, "PRAGMA cache_size", ct), System.Globalization.CultureInfo.InvariantCulture);
        await ScalarAsync(db, Enlarged, ct);
        return new SqliteCache(db, before);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ScalarAsync(_db, $"PRAGMA cache_size = {_before}", CancellationToken.None);
        }
        catch (DbException)
        {
            // A connection that cannot take a pragma is broken, and the pool does not keep a broken one.
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<object?> ScalarAsync(RapportDb db, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return await command.ExecuteScalarAsync(ct);
    }
}
