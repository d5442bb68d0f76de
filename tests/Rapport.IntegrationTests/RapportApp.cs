using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Rapport.Data;
using Rapport.Identity;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>
/// The whole web host on a database of its own. SQLite needs nothing; PostgreSQL takes a server connection string
/// from RAPPORT_TEST_POSTGRES and creates a throwaway database on it. Without one the PostgreSQL tests skip,
/// unless RAPPORT_REQUIRE_POSTGRES=1 (as in CI), where they fail.
/// </summary>
public abstract partial class RapportApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private int _sequence;

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>The connection string of this app's database, or null when its engine is not available here.</summary>
    protected string? ConnectionString { get; set; }

    /// <summary>Why this app cannot run here, if it cannot.</summary>
    protected string? Unavailable { get; set; }

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Skips (or, where the engine is required, fails) a test whose database is not available.</summary>
    public void EnsureAvailable()
    {
        if (Unavailable is null)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("RAPPORT_REQUIRE_POSTGRES") == "1")
        {
            Assert.Fail(Unavailable);
        }

        Assert.Skip(Unavailable);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Rapport", ConnectionString);

        // Tests take the forecast's weekly snapshot when they mean to, not when the host happens to start.
        builder.UseSetting("Forecast:WeeklySnapshot", "false");

        // Warnings and errors only, so that the end of a test run's log shows what failed, not who signed in.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _sequence)}x{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Runs code against the app's services, as the business library sees them.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        EnsureAvailable();
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<Guid> CreateEmployeeAsync(string name, Guid? teamId = null, Guid? managerId = null, string? email = null) =>
        WithServicesAsync(async sp =>
        {
            var result = await sp.GetRequiredService<EmployeeHandlers>().CreateAsync(Admin, new EmployeeInput
            {
                FullName = name, Email = email, Position = "Account Manager", Department = "Sales", TeamId = teamId,
                ManagerId = managerId, EmploymentStart = new DateOnly(2024, 3, 1), Capacity = 1m,
            });
            return result.Value;
        });

    public Task<Guid> CreateTeamAsync(string name, Guid? headId = null) =>
        WithServicesAsync(async sp =>
            (await sp.GetRequiredService<TeamHandlers>().CreateAsync(Admin, new TeamInput { Name = name, HeadId = headId })).Value);

    /// <summary>Creates a user with these roles (and employee link) and returns their id and e-mail.</summary>
    public Task<(Guid Id, string Email)> CreateUserAsync(Guid? employeeId, params string[] roles) =>
        WithServicesAsync(async sp =>
        {
            var email = Unique("user") + "@test.example";
            var result = await sp.GetRequiredService<UserHandlers>().CreateAsync(new NewUserInput
            {
                Email = email, DisplayName = email, Password = Password, Roles = [.. roles], EmployeeId = employeeId,
            });
            Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message)));
            return (result.Value, email);
        });

    /// <summary>An API client authenticated by a fresh personal token of a new user with these roles.</summary>
    public async Task<HttpClient> ApiClientAsync(Guid? employeeId, params string[] roles)
    {
        var (userId, _) = await CreateUserAsync(employeeId, roles);
        return await ApiClientForAsync(userId);
    }

    public async Task<HttpClient> ApiClientForAsync(Guid userId)
    {
        var secret = await WithServicesAsync(async sp =>
            (await sp.GetRequiredService<ApiTokenHandlers>().CreateAsync(userId, new NewTokenInput { Name = "tests" })).Value);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A browser-like client signed in through the login form, cookies and antiforgery included.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = Password)
    {
        EnsureAvailable();
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/account/login", "login",
            new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Loads a page, then posts one of its forms with the page's antiforgery token.</summary>
    /// <remarks>A null form name posts to <paramref name="action"/>, an endpoint that is not the page itself.</remarks>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string url, string? formName, Dictionary<string, string> fields, string? action = null)
    {
        var page = await client.GetStringAsync(url);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        if (formName is not null)
        {
            form["_handler"] = formName;
        }

        return await client.PostAsync(action ?? url, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>
    /// A context on an empty database of the app's engine, beside the app's own, without the app's interceptors: for
    /// migration tests, which migrate part of the way, write rows as an older version did, and migrate the rest.
    /// Disposing it drops the database.
    /// </summary>
    public async Task<FreshDatabase> FreshDatabaseAsync()
    {
        var (provider, connectionString, drop) = await EmptyDatabaseAsync();
        var options = new DbContextOptionsBuilder<RapportDb>();
        DatabaseOptions.Configure(options, provider, connectionString);
        return new FreshDatabase(new RapportDb(options.Options), drop);
    }

    private async Task<(DatabaseProvider Provider, string ConnectionString, Func<Task> Drop)> EmptyDatabaseAsync()
    {
        var appConnection = await WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<RapportDb>().Database.GetConnectionString()!));
        var isSqlite = await WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<RapportDb>().Database.IsSqlite()));
        if (isSqlite)
        {
            var folder = Directory.CreateTempSubdirectory("rapport-migration-").FullName;
            var file = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "old.db") }.ToString();
            return (DatabaseProvider.Sqlite, file, () =>
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            });
        }

        var name = "rapport_migration_" + Guid.NewGuid().ToString("N")[..12];
        var server = new NpgsqlConnectionStringBuilder(appConnection) { Database = "postgres" }.ConnectionString;
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return (DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(appConnection) { Database = name }.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        });
    }

    public const string Password = "Test-password-1";

    /// <summary>A fresh nine-digit EIK with a correct check digit.</summary>
    public static string NewEik()
    {
        while (true)
        {
            var digits = Random.Shared.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (ClientBase.Eik.IsValid(digits))
            {
                return digits;
            }
        }
    }

    public static readonly Viewer Admin = new(Guid.Empty, null, new HashSet<string> { Roles.Administrator });
}

/// <summary>The app on a SQLite file of its own.</summary>
public class SqliteApp : RapportApp
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-it-").FullName;

    public SqliteApp() => ConnectionString = $"Data Source={Path.Combine(_folder, "rapport.db")}";

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is the temp folder's to clean up.
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The app on a throwaway PostgreSQL database.</summary>
public sealed class PostgresApp : RapportApp
{
    private static readonly string? ServerConnection = Environment.GetEnvironmentVariable("RAPPORT_TEST_POSTGRES");
    private readonly string _database = "rapport_it_" + Guid.NewGuid().ToString("N")[..12];

    public PostgresApp()
    {
        if (string.IsNullOrWhiteSpace(ServerConnection))
        {
            Unavailable = "PostgreSQL tests need RAPPORT_TEST_POSTGRES (a server connection string).";
            return;
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnection) { Database = _database }.ConnectionString;
    }

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override async ValueTask InitializeAsync()
    {
        if (Unavailable is not null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnection) { Database = "postgres" }.ConnectionString);
        try
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            Unavailable = $"PostgreSQL at RAPPORT_TEST_POSTGRES is not reachable: {e.Message}";
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Unavailable is null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnection) { Database = "postgres" }.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>A context on an empty database and its migrator; disposing it drops the database.</summary>
public sealed class FreshDatabase(RapportDb db, Func<Task> drop) : IAsyncDisposable
{
    public RapportDb Db => db;

    public IMigrator Migrator { get; } = db.GetService<IMigrator>();

    public async ValueTask DisposeAsync()
    {
        await db.DisposeAsync();
        await drop();
    }
}
