using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Rapport.Data;

/// <summary>The database engines Rapport runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses and configures the provider from configuration: <c>Database:Provider</c> and <c>ConnectionStrings:Rapport</c>.</summary>
public static class DatabaseOptions
{
    public const string DefaultSqlite = "Data Source=data/rapport.db";

    public static (DatabaseProvider Provider, string ConnectionString) Read(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(name)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{name}'.");
        var connectionString = configuration.GetConnectionString("Rapport");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DefaultSqlite
                : throw new InvalidOperationException("ConnectionStrings:Rapport is required for PostgreSQL.");
        }

        return (provider, connectionString);
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(PrepareSqlite(connectionString), o => o.MigrationsAssembly("Rapport.Migrations.Sqlite"));

                // A migration that rebuilds a table (SQLite's only way to add a foreign key) turns foreign keys off and
                // on around its transaction; that pragma holds for the one connection, so a migration cut short leaves
                // nothing half-applied and the warning that says it might would only alarm whoever starts the app.
                options.ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly("Rapport.Migrations.Postgres"));
                break;
        }
    }

    /// <summary>
    /// Creates the folder of a SQLite file. Microsoft.Data.Sqlite retries a busy database until the command
    /// timeout (<c>Default Timeout</c>, 30 s unless set), which is the busy timeout; WAL is set by <see cref="Migrator"/>.
    /// </summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return builder.ToString();
    }
}
