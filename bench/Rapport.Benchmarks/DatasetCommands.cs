using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Rapport.ClientBase;
using Rapport.Data;

namespace Rapport.Benchmarks;

/// <summary>
/// <c>generate</c> builds dataset M (or a fraction of it) in a new database for a load test; <c>staffing</c> adds a
/// vacancy with its candidates, deals and appraisal input to it; <c>service</c> adds cases, their replies and services,
/// and times account health; <c>deals</c> adds deals with their lines, event log, payments and quotas; <c>drop</c> deletes it. Any other command line goes to BenchmarkDotNet.
/// </summary>
internal static class DatasetCommands
{
    public static readonly string[] Names = ["generate", "staffing", "service", "deals", "pay", "drop"];

    /// <summary>The instant the generated history ends: fixed, so that the same seed gives the same database.</summary>
    internal static readonly DateTime DefaultNow = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Option<string> Provider = CreateProviderOption();

    private static readonly Option<string> Connection = new("--connection")
    {
        Description = "Connection string; for SQLite, defaults to a file rapport-m.db in the output folder. "
            + "A PostgreSQL database is created (and first dropped if it exists).",
    };

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Dataset M for load tests of the client base.") { Generate(), Staffing(), Service(), Deals(), Pay(), Drop() };
        return root.Parse(args).InvokeAsync();
    }

    private static Command Generate()
    {
        var scale = new Option<double>("--scale") { Description = "Fraction of dataset M; 0.1 is the smoke set.", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => Dataset.Seed };
        var now = new Option<DateTime>("--now")
        {
            Description = "When the generated history ends (UTC).",
            DefaultValueFactory = _ => DefaultNow,
        };
        var output = new Option<string>("--out") { Description = "Folder for tokens.env and urls/ (a new temporary folder by default)." };
        var employees = new Option<int?>("--employees") { Description = "People in the staff instead of the scale's (1,000 at scale 1)." };
        var command = new Command("generate", "Generate dataset M into a new database, with users, API tokens and request paths.")
        {
            Provider, Connection, scale, seed, now, output, employees,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(scale) is <= 0 or > 10)
            {
                result.AddError("--scale must be above 0 and at most 10.");
            }

            if (result.GetValue(employees) < Dataset.MinimumEmployees)
            {
                result.AddError($"--employees must be at least {Dataset.MinimumEmployees}.");
            }
        });
        command.SetAction(async parsed =>
        {
            var folder = parsed.GetValue(output) is { } given ? Directory.CreateDirectory(given).FullName
                : Directory.CreateTempSubdirectory("rapport-load-").FullName;
            var database = Database(parsed, folder);
            var size = DatasetSize.M(parsed.GetValue(scale));
            size = parsed.GetValue(employees) is { } people ? size with { Employees = people } : size;
            var at = DateTime.SpecifyKind(parsed.GetValue(now), DateTimeKind.Utc);
            await GenerateAsync(database, size, parsed.GetValue(seed), at, folder);
            return 0;
        });
        return command;
    }

    private static Command Staffing()
    {
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => Dataset.Seed };
        var deals = new Option<double>("--deals-per-account")
        {
            Description = "Deals to add per account on average (dataset M has none).", DefaultValueFactory = _ => 1,
        };
        var output = new Option<string>("--out") { Description = "Folder whose urls/ gets the staffing request paths.", Required = true };
        var command = new Command("staffing", "Add deals, appraisal input and a vacancy with 10,000 scored candidates to a generated database.")
        {
            Provider, Connection, seed, deals, output,
        };
        command.SetAction(async parsed =>
        {
            var folder = Directory.CreateDirectory(parsed.GetValue(output)!).FullName;
            var targets = await StaffingData.AddAsync(Database(parsed, folder), parsed.GetValue(seed), parsed.GetValue(deals), Console.Out);
            await StaffingDataset.WriteAsync(folder, targets);
            return 0;
        });
        return command;
    }

    private static Command Service()
    {
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => Dataset.Seed };

        // The server judges SLA states and renewals against its own clock, so the cases' history ends when it runs.
        var now = new Option<DateTime>("--now")
        {
            Description = "When the cases' history ends (UTC); the current hour by default, so that a server started now sees the SLA states as made.",
            DefaultValueFactory = _ => CurrentHour(),
        };
        var cases = new Option<double>("--cases-per-account") { Description = "Cases per account on average.", DefaultValueFactory = _ => 2 };
        var replies = new Option<double>("--replies-per-case") { Description = "Replies per case on average.", DefaultValueFactory = _ => 5 };
        var output = new Option<string>("--out") { Description = "Folder whose urls/ gets the service request paths.", Required = true };
        var command = new Command("service", "Add cases with their replies and services to a generated database, and time computing every account's health.")
        {
            Provider, Connection, seed, now, cases, replies, output,
        };
        command.SetAction(async parsed =>
        {
            var folder = Directory.CreateDirectory(parsed.GetValue(output)!).FullName;
            var at = DateTime.SpecifyKind(parsed.GetValue(now), DateTimeKind.Utc);
            var targets = await ServiceData.AddAsync(Database(parsed, folder), parsed.GetValue(seed), at, parsed.GetValue(cases),
                parsed.GetValue(replies), Console.Out);
            await ServiceData.WriteUrlsAsync(folder, targets);
            return 0;
        });
        return command;
    }

    private static Command Deals()
    {
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => Dataset.Seed };

        // The board shows this month's closed deals and the forecast the current quarter, both by the server's clock.
        var now = new Option<DateTime>("--now")
        {
            Description = "When the deals' history ends (UTC); the current hour by default, so that a server started now sees this month and quarter as made.",
            DefaultValueFactory = _ => CurrentHour(),
        };
        var deals = new Option<int>("--deals") { Description = "Deals to add, shared evenly by the account owners.", DefaultValueFactory = _ => 500_000 };
        var lines = new Option<double>("--lines-per-deal") { Description = "Product lines per deal on average (1 to 4).", DefaultValueFactory = _ => 2.4 };
        var payments = new Option<int>("--payments") { Description = "Payments against won deals, about.", DefaultValueFactory = _ => 300_000 };
        var output = new Option<string>("--out") { Description = "Folder whose urls/ gets the deals' request paths.", Required = true };
        var command = new Command("deals", "Add deals with their product lines, event log, payments and quarter quotas to a generated database.")
        {
            Provider, Connection, seed, now, deals, lines, payments, output,
        };
        command.SetAction(async parsed =>
        {
            var folder = Directory.CreateDirectory(parsed.GetValue(output)!).FullName;
            var at = DateTime.SpecifyKind(parsed.GetValue(now), DateTimeKind.Utc);
            var targets = await DealsData.AddAsync(Database(parsed, folder), parsed.GetValue(seed), at, parsed.GetValue(deals),
                parsed.GetValue(lines), parsed.GetValue(payments), Console.Out);
            await DealsData.WriteUrlsAsync(folder, targets);
            return 0;
        });
        return command;
    }

    private static Command Pay()
    {
        var now = new Option<DateTime>("--now")
        {
            Description = "The day whose month is opened as the current pay period (UTC); the current hour by default.",
            DefaultValueFactory = _ => CurrentHour(),
        };
        var output = new Option<string>("--out") { Description = "Folder whose urls/ gets the ledger's request paths.", Required = true };
        var command = new Command("pay", "Add pay plans for every active employee and open the current month, after the deals.")
        {
            Provider, Connection, now, output,
        };
        command.SetAction(async parsed =>
        {
            var folder = Directory.CreateDirectory(parsed.GetValue(output)!).FullName;
            await PayData.AddAsync(Database(parsed, folder), DateTime.SpecifyKind(parsed.GetValue(now), DateTimeKind.Utc), Console.Out);
            await PayData.WriteUrlsAsync(folder);
            return 0;
        });
        return command;
    }

    private static DateTime CurrentHour()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
    }

    private static Command Drop()
    {
        var command = new Command("drop", "Delete a generated database.") { Provider, Connection };
        command.SetAction(async parsed =>
        {
            if (parsed.GetValue(Connection) is null)
            {
                await Console.Error.WriteLineAsync("drop needs --connection.");
                return 2;
            }

            await Database(parsed, ".").DropAsync();
            return 0;
        });
        return command;
    }

    internal static async Task GenerateAsync(BenchDatabase database, DatasetSize size, int seed, DateTime now, string folder)
    {
        var log = Console.Out;
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"// Dataset: {size.Employees:N0} employees, {size.Accounts:N0} accounts, {size.Contacts:N0} contacts, {size.Interactions:N0} interactions; seed {seed}; {database.Provider}"));
        var total = Stopwatch.StartNew();
        await database.DropAsync();
        await database.MigrateAsync();
        var clock = Stopwatch.StartNew();
        var staff = await EmployeeGenerator.FillAsync(database.Options(), size.Employees, seed);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"// employees: {staff.Members.Count:N0} in {staff.Teams.Count} teams in {clock.Elapsed.TotalSeconds:F1} s"));

        long rows;
        IReadOnlyList<Account> accounts;
        var load = Stopwatch.StartNew();
        await using (var writer = await DatasetWriter.OpenAsync(database))
        {
            await writer.DropIndexesAsync(typeof(Account), typeof(Contact), typeof(ContactEmail), typeof(ContactPhone), typeof(Interaction),
                typeof(InteractionEmployee), typeof(InteractionContact), typeof(Relationship), typeof(SearchEntry));
            accounts = await new ClientBaseGenerator(writer, staff, size, seed, now, log).WriteAsync();
            clock.Restart();
            await writer.RestoreIndexesAsync();
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"// indexes: built in {clock.Elapsed.TotalSeconds:F1} s"));
            if (database.Provider == DatabaseProvider.Postgres)
            {
                // What autovacuum would do within a minute of such a load; without it the planner guesses.
                clock.Restart();
                await writer.ExecuteAsync("ANALYZE;");
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"// analyze: {clock.Elapsed.TotalSeconds:F1} s"));
            }

            rows = writer.Rows;
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"// client base: {rows:N0} rows in {load.Elapsed.TotalSeconds:F1} s ({rows / load.Elapsed.TotalSeconds:N0} rows/s), indexes included"));
        clock.Restart();
        await LoadTargets.WriteAsync(database, accounts, seed, folder, log);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"// users, tokens and request paths: {clock.Elapsed.TotalSeconds:F1} s"));
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"// Generated in {total.Elapsed.TotalSeconds:F1} s into {folder}"));
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"// Database file: {new FileInfo(file).Length / 1e6:N0} MB"));
        }
    }

    private static BenchDatabase Database(ParseResult parsed, string folder)
    {
        var provider = Enum.Parse<DatabaseProvider>(parsed.GetValue(Provider)!, ignoreCase: true);
        var connection = parsed.GetValue(Connection);
        if (connection is null && provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("PostgreSQL needs --connection.");
        }

        return new BenchDatabase(provider, connection ?? $"Data Source={Path.Combine(folder, "rapport-m.db")}");
    }

    private static Option<string> CreateProviderOption()
    {
        var option = new Option<string>("--provider")
        {
            Description = "Sqlite or Postgres.",
            DefaultValueFactory = _ => nameof(DatabaseProvider.Sqlite),
        };
        option.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.Postgres));
        return option;
    }
}
