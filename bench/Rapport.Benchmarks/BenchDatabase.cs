using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;

namespace Rapport.Benchmarks;

/// <summary>A database the generators fill: SQLite or PostgreSQL, reached as the hosts reach it.</summary>
internal sealed record BenchDatabase(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>
    /// The services of the business library, with the host's interceptors, for work done as a user would do it
    /// (creating users and tokens); bulk loads use <see cref="Options"/> instead. A <paramref name="clock"/> replaces the
    /// system's, for work that must happen at the generated history's "now".
    /// </summary>
    public ServiceProvider Services(TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = Provider.ToString(),
                ["ConnectionStrings:Rapport"] = ConnectionString,
            })
            .Build();
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddLogging();
        services.AddRapport(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Options for contexts without the host's interceptors: a bulk load writes no audit trail.</summary>
    public DbContextOptions<RapportDb> Options()
    {
        var builder = new DbContextOptionsBuilder<RapportDb>();
        DatabaseOptions.Configure(builder, Provider, ConnectionString);
        return builder.Options;
    }

    /// <summary>Creates the schema and reference data as an installation does (on SQLite, with WAL on).</summary>
    public async Task MigrateAsync()
    {
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
    }

    /// <summary>Deletes the database: the file and its journals, or the PostgreSQL database.</summary>
    public async Task DropAsync()
    {
        await using var db = new RapportDb(Options());
        await db.Database.EnsureDeletedAsync();
        if (Provider == DatabaseProvider.Sqlite)
        {
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
