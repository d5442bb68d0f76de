using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;

namespace Rapport.IntegrationTests.Data;

/// <summary>
/// A bulk insert on SQLite binds its values straight to the engine; what it stores must be what ADO.NET's parameters,
/// as EF makes them for SaveChanges, store. Every table the demo fills is copied both ways into two empty databases and
/// compared value by value (SQLite's own quoting of each stored value: its type and its bytes).
/// </summary>
public sealed class SqliteRowTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const int RowsPerTable = 300;

    [Fact]
    public async Task Every_table_the_demo_fills_is_stored_the_same_bound_directly_as_through_ado_net_parameters()
    {
        await app.WithServicesAsync(sp => sp.GetRequiredService<DemoData>().SeedAsync());
        await using var viaParameters = await app.FreshDatabaseAsync();
        await using var direct = await app.FreshDatabaseAsync();
        await viaParameters.Migrator.MigrateAsync();
        await direct.Migrator.MigrateAsync();
        await Task.WhenAll(NoForeignKeysAsync(viaParameters.Db), NoForeignKeysAsync(direct.Db));

        var compared = new List<string>();
        var compare = typeof(SqliteRowTests).GetMethod(nameof(CompareAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        await app.WithServicesAsync(async sp =>
        {
            var source = sp.GetRequiredService<RapportDb>();
            foreach (var type in source.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()
                && t.ClrType != typeof(Dictionary<string, object>) && !t.GetProperties().Any(p => p.IsShadowProperty())))
            {
                if (await (Task<bool>)compare.MakeGenericMethod(type.ClrType).Invoke(null, [source, viaParameters.Db, direct.Db])!)
                {
                    compared.Add(type.GetTableName()!);
                }
            }

            return true;
        });

        // The tables the imports, the demo and the refreshes write in bulk, with their dates, amounts, texts and ids.
        string[] bulk = ["Accounts", "Contacts", "Interactions", "Deals", "DealLines", "DealSplits", "DealCredits", "DealEvents", "DealEventPeople",
            "DealPayments", "AuditEntries", "SearchEntries", "Products"];
        Assert.Empty(bulk.Except(compared));
    }

    /// <summary>Copies up to <see cref="RowsPerTable"/> rows of one table both ways; false when the demo left it empty.</summary>
    private static async Task<bool> CompareAsync<T>(RapportDb source, RapportDb viaParameters, RapportDb direct) where T : class
    {
        // A table whose triggers check new rows (the pay tables refuse rows of a locked period) is not written in bulk.
        var table = source.Model.FindEntityType(typeof(T))!.GetTableName()!;
        var rows = await source.Set<T>().AsNoTracking().Take(RowsPerTable).ToListAsync();
        if (rows.Count == 0 || await source.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM sqlite_master WHERE type = 'trigger' AND tbl_name = {table} AND sql LIKE '%BEFORE INSERT%'").SingleAsync() > 0)
        {
            return false;
        }

        var stored = new List<List<string>>();
        foreach (var (target, bound) in new[] { (viaParameters, false), (direct, true) })
        {
            await using var transaction = await target.Database.BeginTransactionAsync();

            // The rows a migration writes (default stages, buying roles) make way for the demo's.
            await using (var clear = target.Database.GetDbConnection().CreateCommand())
            {
                clear.Transaction = transaction.GetDbTransaction();
                clear.CommandText = $"DELETE FROM \"{table}\"";
                await clear.ExecuteNonQueryAsync();
            }
            await using (var insert = new BulkInsert<T>(target, bound))
            {
                rows.ForEach(insert.Add);
                await insert.FlushAsync(CancellationToken.None);
            }

            stored.Add(await QuotedAsync(target, target.Model.FindEntityType(typeof(T))!));
            await transaction.CommitAsync();
        }

        Assert.True(stored[0].Count == rows.Count, typeof(T).Name);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.True(stored[0][i] == stored[1][i], $"{typeof(T).Name}, row {i + 1}:\n  parameters: {stored[0][i]}\n  direct:     {stored[1][i]}");
        }

        return true;
    }

    /// <summary>Each row's stored values as SQLite quotes them (text in quotes, numbers bare, blobs in hex, NULL).</summary>
    private static async Task<List<string>> QuotedAsync(RapportDb db, IEntityType type)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().Select(p => $"typeof(\"{p.GetColumnName(table)}\") || ':' || quote(\"{p.GetColumnName(table)}\")");
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = $"SELECT {string.Join(" || ' | ' || ", columns)} FROM \"{table.Name}\" ORDER BY rowid";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>Rows copied without their parents: the copy checks how values are stored, not what they refer to.</summary>
    private static async Task NoForeignKeysAsync(RapportDb db)
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF");
    }
}
