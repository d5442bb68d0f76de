using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Deals;
using Rapport.Pay;
using Rapport.Pay.Engine;
using Rapport.People;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Benchmarks;

/// <summary>
/// A pay period's calculation on SQLite (<see cref="PeriodHandlers.CalculateAsync"/>, what Finance's "Calculate" runs):
/// 1,000 employees on a graduated plan with a new-business rate, and <see cref="CreditsVariable"/> deals won in the
/// month (100,000 unless set), one in ten split 60/40 between two people, each with its win in the deal log. The full
/// calculation writes 1,000 statements with their inputs; one employee's recalculation reads and writes one.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PayCalculationBenchmarks
{
    public const string CreditsVariable = "RAPPORT_BENCH_PAY_DEALS";

    /// <summary>A database file to keep between runs: generated there when missing (or holding another number of deals), reused otherwise.</summary>
    public const string FileVariable = "RAPPORT_BENCH_PAY_FILE";
    private const int Employees = 1_000;
    private static readonly DateOnly Month = new(2026, 10, 1);
    private static readonly Viewer Finance = new(Guid.Empty, null, new HashSet<string> { Roles.Finance });

    private BenchDatabase _database = null!;
    private string? _folder;
    private Guid _period;
    private Guid _someone;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var deals = int.TryParse(Environment.GetEnvironmentVariable(CreditsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 100_000;
        var file = Environment.GetEnvironmentVariable(FileVariable);
        if (string.IsNullOrEmpty(file))
        {
            _folder = Directory.CreateTempSubdirectory("rapport-bench-pay-").FullName;
            file = Path.Combine(_folder, "rapport.db");
        }

        _database = new BenchDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.GetFullPath(file)}");
        if (await ReusableAsync(_database.Options(), deals) is { } kept)
        {
            (_period, _someone) = kept;
        }
        else
        {
            await _database.DropAsync();
            await _database.MigrateAsync();
            (_period, _someone) = await GenerateAsync(_database.Options(), deals, seed: 2026);
        }

        var first = await Full();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {deals:N0} deals won in the month; {first.Statements} statements, {first.Total:N2} in all"));
    }

    /// <summary>Prepares the database as <see cref="SetupAsync"/> does, then times <paramref name="runs"/> full calculations and one employee's.</summary>
    public static async Task RunOnceAsync(int runs)
    {
        var bench = new PayCalculationBenchmarks();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await bench.SetupAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// setup with the first calculation: {clock.Elapsed.TotalSeconds:N1} s"));
        try
        {
            for (var i = 0; i < runs; i++)
            {
                clock.Restart();
                await bench.Full();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Full: {clock.Elapsed.TotalSeconds:N2} s"));
            }

            clock.Restart();
            await bench.OneEmployee();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"OneEmployee: {clock.Elapsed.TotalMilliseconds:N0} ms"));
        }
        finally
        {
            bench.Cleanup();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The period and the employee of a kept file generated with the same number of deals, or null to generate it again.</summary>
    private async Task<(Guid Period, Guid Someone)?> ReusableAsync(DbContextOptions<RapportDb> options, int deals)
    {
        var path = new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource;
        if (!File.Exists(path))
        {
            return null;
        }

        // A kept file may predate a migration; applying it is what an installation would do.
        await _database.MigrateAsync();
        await using var db = new RapportDb(options);
        var period = await db.PayPeriods.Where(p => p.Start == Month).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        if (period is null || await db.Deals.CountAsync() != deals)
        {
            return null;
        }

        // The generator's people are named in order; its "someone" is the eighth.
        var someone = await db.Employees.Where(e => e.FullName == "Manager 0007").Select(e => e.Id).SingleAsync();
        return (period.Value, someone);
    }

    [Benchmark(Baseline = true)]
    public async Task<CalculationResult> Full()
    {
        await using var db = new RapportDb(_database.Options());
        return (await Handlers(db).CalculateAsync(Finance, _period)).Value;
    }

    [Benchmark]
    public async Task<CalculationResult> OneEmployee()
    {
        await using var db = new RapportDb(_database.Options());
        return (await Handlers(db).CalculateAsync(Finance, _period, _someone)).Value;
    }

    private static PeriodHandlers Handlers(RapportDb db) =>
        new(db, new PayInputs(db, new DealEvents(db), new CurrencyConverter(db)), TimeProvider.System);

    /// <summary>Writes the people, the plan and its assignments, the accounts, the won deals with their events, and opens the month.</summary>
    private static async Task<(Guid Period, Guid Someone)> GenerateAsync(DbContextOptions<RapportDb> options, int count, int seed)
    {
        var random = new Random(seed);
        await using var db = new RapportDb(options);
        var people = new List<Employee>();
        for (var i = 0; i < Employees; i++)
        {
            var e = new Employee
            {
                Position = "Account Manager", Department = "Sales", EmploymentStart = new DateOnly(2022, 1, 1), Status = EmployeeStatus.Active, Capacity = 1m,
            };
            e.Rename(string.Create(CultureInfo.InvariantCulture, $"Manager {i:D4}"));
            people.Add(e);
        }

        db.AddRange(people);
        var plan = new CompPlan { Name = "Sales" };
        db.Add(plan);
        db.Add(new CompPlanVersion
        {
            PlanId = plan.Id, Number = 1, EffectiveFrom = new DateOnly(2025, 1, 1), CreatedAt = DateTime.UtcNow, CreatedBy = "bench",
            Document = PlanDocument.Write(new PayPlan
            {
                Name = "Sales", Currency = "EUR", Base = new BasePay(BaseKind.MinimumWage, Factor: 1.5m),
                Commission = new CommissionPlan
                {
                    Method = CommissionMethod.Graduated, Tiers = [new Tier(0, 3), new Tier(200_000, 5), new Tier(500_000, 7)],
                    Rates = [new RateRule("new-business", 8, Business: BusinessKind.New)], ClawbackMonths = 6,
                },
            }),
        });
        db.AddRange(people.Select(p => new PlanAssignment { EmployeeId = p.Id, PlanId = plan.Id, From = new DateOnly(2025, 1, 1) }));
        var accounts = new List<Account>();
        for (var i = 0; i < Employees * 5; i++)
        {
            var a = new Account { OwnerId = people[i % Employees].Id, Industry = "Software", Region = "Sofia", Status = AccountStatus.Active };
            a.Rename(string.Create(CultureInfo.InvariantCulture, $"Client {i:D5}"));
            accounts.Add(a);
        }

        db.AddRange(accounts);
        var period = new PayPeriod { Start = Month, End = Month.AddMonths(1).AddDays(-1), Status = PayPeriodStatus.Open };
        db.Add(period);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        for (var start = 0; start < count; start += 10_000)
        {
            for (var i = start; i < Math.Min(count, start + 10_000); i++)
            {
                var owner = people[random.Next(Employees)];
                var close = Month.AddDays(random.Next(31));
                var amount = Money.Round((decimal)(random.NextDouble() * 5_000) + 100m);
                var deal = Deal.Create();
                deal.Number = i + 1;
                deal.Rename(string.Create(CultureInfo.InvariantCulture, $"Deal {i}"));
                deal.AccountId = accounts[random.Next(accounts.Count)].Id;
                deal.PipelineId = DealDefaults.DefaultPipelineId;
                deal.Outcome = DealOutcome.Won;
                deal.StageId = DealDefaults.WonId;
                deal.Amount = deal.AmountBase = amount;
                deal.Probability = 100m;
                deal.ExpectedCloseOn = deal.CloseOn = deal.RateDate = close;
                deal.ClosedOn = close;
                deal.NewBusiness = random.Next(5) == 0;
                deal.OwnerId = owner.Id;
                deal.CreatedAt = deal.StageSince = close.AddDays(-30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                var other = people[random.Next(Employees)];
                var split = random.Next(10) == 0 && other.Id != owner.Id;
                var credits = split
                    ? Splits.Allocate(amount, [new SplitShare(owner.Id, 60m), new SplitShare(other.Id, 40m)], owner.Id)
                    : [new Credit(owner.Id, 100m, amount)];
                deal.Splits.AddRange(credits.Select(c => new DealSplit { EmployeeId = c.EmployeeId, Percent = c.Percent }));
                db.Add(deal);
                var won = new DealEvent
                {
                    DealId = deal.Id, Kind = DealEventKind.Won, At = close.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), EffectiveOn = close,
                    Actor = "bench", ToStageId = DealDefaults.WonId, AmountAfter = amount, BaseAfter = amount, Currency = "EUR",
                    Details = new DealEventDetails(Credits: [.. credits.Select(c => new CreditDetail(c.EmployeeId, c.Percent, c.Amount))],
                        NewBusiness: deal.NewBusiness).ToJson(),
                };

                // A context made by hand has none of the app's interceptors: the people of the win, which one person's
                // recalculation reads, are written here as the interceptor would write them.
                db.Add(won);
                db.AddRange(DealEventPerson.Of(won));
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        return (period.Id, people[7].Id);
    }
}
