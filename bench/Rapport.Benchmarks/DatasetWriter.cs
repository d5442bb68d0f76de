using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Rapport.Data;

namespace Rapport.Benchmarks;

/// <summary>
/// Writes generated entities straight into their tables, much faster than the change tracker can: on SQLite with
/// prepared multi-row INSERTs, on PostgreSQL with binary COPY. Columns, their names and the conversions of their
/// values (enums as text, instants as UTC) come from the EF Core model, so the rows read back exactly as if EF Core
/// had written them.
/// </summary>
internal abstract class DatasetWriter : IAsyncDisposable
{
    private readonly IModel _model;
    private readonly Dictionary<Type, TableMap> _tables = [];
    private List<string> _droppedIndexes = [];

    protected DatasetWriter(IModel model) => _model = model;

    public static async Task<DatasetWriter> OpenAsync(BenchDatabase database)
    {
        IModel model;
        await using (var db = new RapportDb(database.Options()))
        {
            model = db.Model;
        }

        // Pooled connections left by the contexts that migrated would stop SQLite from changing its journal mode.
        SqliteConnection.ClearAllPools();
        DatasetWriter writer = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteDatasetWriter(model, database.ConnectionString)
            : new PostgresDatasetWriter(model, database.ConnectionString);
        await writer.OpenAsync();
        return writer;
    }

    /// <summary>Rows written so far, over all tables.</summary>
    public long Rows { get; private set; }

    /// <summary>Writes the rows in one transaction (SQLite) or one COPY (PostgreSQL).</summary>
    public async Task WriteAsync<T>(IReadOnlyCollection<T> rows)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        await WriteAsync(Table(typeof(T)), rows);
        Rows += rows.Count;
    }

    /// <summary>
    /// Drops the secondary indexes of the entities' tables; building an index once over loaded rows is far
    /// cheaper than keeping it sorted through millions of inserts. <see cref="RestoreIndexesAsync"/> puts them back.
    /// </summary>
    public async Task DropIndexesAsync(params Type[] entities)
    {
        var indexes = await SecondaryIndexesAsync([.. entities.Select(e => Table(e).Name)]);
        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync($"DROP INDEX {Quote(name)};");
        }

        _droppedIndexes = [.. indexes.Select(i => i.Sql)];
    }

    public async Task RestoreIndexesAsync()
    {
        foreach (var definition in _droppedIndexes)
        {
            await ExecuteAsync(definition);
        }

        _droppedIndexes = [];
    }

    public abstract Task ExecuteAsync(string sql);

    public abstract ValueTask DisposeAsync();

    protected abstract Task OpenAsync();

    protected abstract Task WriteAsync(TableMap table, System.Collections.IEnumerable rows);

    /// <summary>The tables' secondary indexes: their names and the statements that create them.</summary>
    protected abstract Task<List<(string Name, string Sql)>> SecondaryIndexesAsync(IReadOnlyList<string> tables);

    protected static string Quote(string identifier) => $"\"{identifier}\"";

    private TableMap Table(Type type)
    {
        if (!_tables.TryGetValue(type, out var table))
        {
            var entity = _model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());

            // A long key would be the database's own counter; every other column is written.
            var columns = entity.GetProperties()
                .Where(p => !(p.IsPrimaryKey() && p.ClrType == typeof(long)))
                .Select(p => new ColumnMap(p.GetColumnName(store)!, p.GetGetter(), p.GetTypeMapping().Converter))
                .ToList();
            table = _tables[type] = new TableMap(store.Name, columns);
        }

        return table;
    }

    protected sealed record TableMap(string Name, IReadOnlyList<ColumnMap> Columns)
    {
        public string ColumnList => string.Join(", ", Columns.Select(c => Quote(c.Name)));
    }

    protected sealed record ColumnMap(string Name, IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter)
    {
        public object? ValueOf(object entity)
        {
            var value = Getter.GetClrValueUsingContainingEntity(entity);
            return value is null || Converter is null ? value : Converter.ConvertToProvider(value);
        }
    }

    /// <summary>
    /// SQLite in one connection with journalling and syncing off: a crash mid-load leaves a broken file, which a
    /// generator simply builds again. The journal mode goes back to WAL, as <see cref="Migrator"/> sets it, at the end.
    /// </summary>
    private sealed class SqliteDatasetWriter(IModel model, string connectionString) : DatasetWriter(model)
    {
        /// <summary>
        /// Parameters are bound by name, and SQLite finds a name by walking the statement's list of them, so binding
        /// costs the square of their number: a few rows per statement are fastest (64 to 256 measured alike; 4,000
        /// took more than three times as long as 100).
        /// </summary>
        private const int ParametersPerStatement = 100;

        private readonly SqliteConnection _connection = new(connectionString);
        private readonly Dictionary<(string Table, int Rows), SqliteCommand> _commands = [];

        public override async Task ExecuteAsync(string sql)
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            foreach (var command in _commands.Values)
            {
                await command.DisposeAsync();
            }

            await ExecuteAsync("PRAGMA journal_mode=WAL;");
            await _connection.DisposeAsync();
        }

        protected override async Task OpenAsync()
        {
            await _connection.OpenAsync();
            await ExecuteAsync("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
        }

        protected override Task WriteAsync(TableMap table, System.Collections.IEnumerable rows)
        {
            using var transaction = _connection.BeginTransaction();
            var rowsPerStatement = RowsPerStatement(table);
            var buffer = new List<object>(rowsPerStatement);
            foreach (var row in rows)
            {
                buffer.Add(row);
                if (buffer.Count == rowsPerStatement)
                {
                    Insert(table, buffer, transaction);
                    buffer.Clear();
                }
            }

            if (buffer.Count > 0)
            {
                Insert(table, buffer, transaction);
            }

            transaction.Commit();
            return Task.CompletedTask;
        }

        protected override async Task<List<(string Name, string Sql)>> SecondaryIndexesAsync(IReadOnlyList<string> tables)
        {
            var indexes = new List<(string Name, string Sql)>();
            await using (var command = _connection.CreateCommand())
            {
                // Indexes SQLite makes for keys and unique constraints have no SQL and stay.
                command.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", tables.Select((_, i) => $"$t{i}"))})";
                for (var i = 0; i < tables.Count; i++)
                {
                    command.Parameters.AddWithValue($"$t{i}", tables[i]);
                }

                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    indexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            return indexes;
        }

        private static int RowsPerStatement(TableMap table) => Math.Max(1, ParametersPerStatement / table.Columns.Count);

        private void Insert(TableMap table, List<object> rows, SqliteTransaction transaction)
        {
            var command = Command(table, rows.Count);
            command.Transaction = transaction;
            var parameters = command.Parameters;
            var p = 0;
            foreach (var row in rows)
            {
                foreach (var column in table.Columns)
                {
                    parameters[p++].Value = column.ValueOf(row) ?? DBNull.Value;
                }
            }

            command.ExecuteNonQuery();
        }

        private SqliteCommand Command(TableMap table, int rows)
        {
            if (_commands.TryGetValue((table.Name, rows), out var command))
            {
                return command;
            }

            var sql = new StringBuilder($"INSERT INTO {Quote(table.Name)} ({table.ColumnList}) VALUES ");
            command = _connection.CreateCommand();
            for (var r = 0; r < rows; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"$p{(r * table.Columns.Count) + c}");
                    sql.Append(c == 0 ? name : ", " + name);
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            command.Prepare();

            // Only full statements are worth keeping; the last, shorter one of each table is used once.
            if (rows == RowsPerStatement(table))
            {
                _commands[(table.Name, rows)] = command;
            }

            return command;
        }
    }

    /// <summary>PostgreSQL through binary COPY, one per call, on one connection.</summary>
    private sealed class PostgresDatasetWriter(IModel model, string connectionString) : DatasetWriter(model)
    {
        private readonly NpgsqlConnection _connection = new(connectionString);

        public override async Task ExecuteAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }

        public override ValueTask DisposeAsync() => _connection.DisposeAsync();

        protected override async Task OpenAsync()
        {
            await _connection.OpenAsync();
            await ExecuteAsync("SET maintenance_work_mem = '256MB';");
            try
            {
                // The generator's rows reference each other correctly by construction; checking millions of foreign
                // keys one row at a time would take longer than the load. Only a superuser may switch the checks off.
                await ExecuteAsync("SET session_replication_role = replica;");
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                Console.Error.WriteLine("// Not a superuser: foreign keys are checked row by row, which is slower.");
            }
        }

        protected override async Task WriteAsync(TableMap table, System.Collections.IEnumerable rows)
        {
            await using var importer = await _connection.BeginBinaryImportAsync(
                $"COPY {Quote(table.Name)} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                foreach (var column in table.Columns)
                {
                    if (column.ValueOf(row) is { } value)
                    {
                        await importer.WriteAsync(value);
                    }
                    else
                    {
                        await importer.WriteNullAsync();
                    }
                }
            }

            await importer.CompleteAsync();
        }

        protected override async Task<List<(string Name, string Sql)>> SecondaryIndexesAsync(IReadOnlyList<string> tables)
        {
            var indexes = new List<(string Name, string Sql)>();
            await using (var command = new NpgsqlCommand(
                """
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
                """, _connection))
            {
                // Primary keys are constraints and stay.
                command.Parameters.AddWithValue("tables", tables.ToArray());
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    indexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            return indexes;
        }
    }
}
