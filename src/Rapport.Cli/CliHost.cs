using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.Cli;

/// <summary>What the process returns: scripts tell a refused request from a mistyped command.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}

/// <summary>Changes made from the command line are audited as the operating-system user who ran it.</summary>
internal sealed class CliActor(string name) : ICurrentActor
{
    public Guid? UserId => null;

    public string Name { get; } = name;
}

/// <summary>Builds the services for one command: configuration, the business library, a migrated database.</summary>
internal static class CliHost
{
    public static readonly Option<string> ProviderOption = CreateProviderOption();

    public static readonly Option<string> ConnectionOption = new("--connection")
    {
        Description = "Connection string (overrides ConnectionStrings:Rapport).",
        Recursive = true,
    };

    /// <summary>Migrates the database (idempotent and quick), then runs <paramref name="work"/> in a service scope.</summary>
    public static async Task<int> RunAsync(ParseResult parsed, Func<IServiceProvider, Task<int>> work, CancellationToken ct)
    {
        // Not given the arguments: System.CommandLine owns them, and only the two overrides below reach configuration.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        var overrides = new Dictionary<string, string?>();
        if (parsed.GetValue(ProviderOption) is { } provider)
        {
            overrides["Database:Provider"] = provider;
        }

        if (parsed.GetValue(ConnectionOption) is { } connection)
        {
            overrides["ConnectionStrings:Rapport"] = connection;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        if (CheckDatabaseSettings(builder.Configuration) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return ExitCodes.Usage;
        }

        // Logs go to stderr so that stdout carries only results, such as a token's secret.
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton<ICurrentActor>(new CliActor($"cli:{Environment.UserName}"));
        builder.Services.AddRapport(builder.Configuration);

        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(ct);
            return await work(scope.ServiceProvider);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            // An unreachable or unwritable database is the operator's to fix, not a bug: one line, no stack trace.
            await Console.Error.WriteLineAsync($"Database error: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>Prints a command's business errors on stderr, each under the option it concerns.</summary>
    public static async Task<int> FailAsync(IEnumerable<Error> errors, IReadOnlyDictionary<string, string> optionOfField)
    {
        foreach (var error in errors)
        {
            var option = error.Field is { } field && optionOfField.TryGetValue(field, out var name) ? name : error.Field;
            await Console.Error.WriteLineAsync(option is null ? error.Message : $"{option}: {error.Message}");
        }

        return ExitCodes.Failed;
    }

    /// <summary>Checks an input's data annotations, as the web host's forms do at its edge.</summary>
    public static List<Error> Validate(object input)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        return [.. results.Select(r => new Error(ErrorKind.Validation, r.ErrorMessage ?? "Invalid value.", r.MemberNames.FirstOrDefault()))];
    }

    /// <summary>
    /// Catches settings that cannot work before anything connects, such as <c>--provider Postgres</c> left with the
    /// default SQLite connection string.
    /// </summary>
    private static string? CheckDatabaseSettings(ConfigurationManager configuration)
    {
        DatabaseProvider provider;
        string connectionString;
        try
        {
            (provider, connectionString) = DatabaseOptions.Read(configuration);
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }

        try
        {
            _ = provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionStringBuilder(connectionString)
                : (DbConnectionStringBuilder)new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"The connection string is not one for {provider} ({e.Message}); pass one with --connection.";
        }
    }

    private static Option<string> CreateProviderOption()
    {
        var option = new Option<string>("--provider")
        {
            Description = "Database provider, Sqlite or Postgres (overrides Database:Provider).",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.Postgres));
        return option;
    }
}
