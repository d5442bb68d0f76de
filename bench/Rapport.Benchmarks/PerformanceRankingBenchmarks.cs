using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Deals;
using Rapport.People;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Benchmarks;

/// <summary>
/// The company's performance ranking for a quarter (<see cref="PerformanceQueries.RankAsync"/>, the query behind
/// <c>/deals/performance</c>) and a team's forecast for a quarter, on SQLite: 1,000 account managers in 50 teams,
/// <see cref="DealsVariable"/> deals (200,000 unless set) over three years, a tenth of them split between two people.
/// Each call gets a new context, as each request does.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class PerformanceRankingBenchmarks
{
    public const string DealsVariable = "RAPPORT_BENCH_DEALS";
    private const int Managers = 1_000;
    private const int Teams = 50;

    private static readonly Viewer Administrator = new(Guid.Empty, null, new HashSet<string> { Roles.Administrator });
    private static readonly SalesPeriod Quarter = SalesPeriod.Of(PeriodKind.Quarter, new DateOnly(2026, 5, 15));

    private BenchDatabase _database = null!;
    private string _folder = "";
    private Guid _team;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("rapport-bench-ranking-").FullName;
        _database = new BenchDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "rapport.db")}");
        await _database.MigrateAsync();
        var deals = int.TryParse(Environment.GetEnvironmentVariable(DealsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 200_000;
        _team = await GenerateAsync(_database.Options(), deals, seed: 2026);
        await using (var db = new RapportDb(_database.Options()))
        {
            // Written without the application's interceptors: the credits as the start-up refresh makes them.
            await new DealCreditRefresh(db).RunAsync();
        }

        var ranked = await Company();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {deals:N0} deals; the ranking has {ranked.Rows.Count} rows"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public async Task<PerformanceView> Company()
    {
        await using var db = new RapportDb(_database.Options());
        var scopes = new SalesScopes(db);
        var scope = (await scopes.ResolveAsync(Administrator, null, null))!;
        return await new PerformanceQueries(db, scopes, ColdSums(db), new CurrencyConverter(db)).RankAsync(Administrator, scope, Quarter);
    }

    [Benchmark]
    public async Task<ForecastView> TeamForecast()
    {
        await using var db = new RapportDb(_database.Options());
        var scopes = new SalesScopes(db);
        var scope = (await scopes.ResolveAsync(Administrator, null, _team))!;
        var catalog = new DealSettingsCatalog(_database.Options());
        return await new ForecastQueries(db, ColdSums(db), new CurrencyConverter(db), catalog, TimeProvider.System)
            .ForAsync(Administrator, scope, Quarter);
    }

    /// <summary>Sums with nothing kept from an earlier call: each call measures the queries, not the kept company sums.</summary>
    private static CreditSums ColdSums(RapportDb db) => new(db, new CreditSumsCache(new CommittedWrites(), TimeProvider.System));

    /// <summary>Writes the people, accounts, deals and splits; returns one of the teams.</summary>
    private static async Task<Guid> GenerateAsync(DbContextOptions<RapportDb> options, int count, int seed)
    {
        var random = new Random(seed);
        await using var db = new RapportDb(options);
        var teams = Enumerable.Range(0, Teams).Select(i =>
        {
            var team = new Team();
            team.Rename(string.Create(CultureInfo.InvariantCulture, $"Team {i:D2}"));
            return team;
        }).ToList();
        db.AddRange(teams);
        var people = new List<Employee>();
        for (var i = 0; i < Managers; i++)
        {
            var e = new Employee
            {
                TeamId = teams[i % Teams].Id, Position = "Account Manager", Department = "Sales", EmploymentStart = new DateOnly(2022, 1, 1),
                Status = EmployeeStatus.Active, Capacity = i % 10 == 0 ? 0.5m : 1m,
            };
            e.Rename(string.Create(CultureInfo.InvariantCulture, $"Manager {i:D4}"));
            people.Add(e);
        }

        db.AddRange(people);
        var accounts = new List<Account>();
        for (var i = 0; i < Managers * 5; i++)
        {
            var a = new Account { OwnerId = people[i % Managers].Id, Industry = "Software", Region = "Sofia", Status = AccountStatus.Active };
            a.Rename(string.Create(CultureInfo.InvariantCulture, $"Client {i:D5}"));
            accounts.Add(a);
        }

        db.AddRange(accounts);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var first = new DateOnly(2024, 1, 1);
        var days = new DateOnly(2026, 12, 31).DayNumber - first.DayNumber;
        var open = new[] { DealDefaults.QualificationId, DealDefaults.NeedsAnalysisId, DealDefaults.ProposalId, DealDefaults.NegotiationId };
        for (var start = 0; start < count; start += 10_000)
        {
            for (var i = start; i < Math.Min(count, start + 10_000); i++)
            {
                var owner = people[random.Next(Managers)];
                var close = first.AddDays(random.Next(days));
                var roll = random.Next(100);
                var outcome = roll < 45 ? DealOutcome.Won : roll < 70 ? DealOutcome.Lost : DealOutcome.Open;
                var amount = Money.Round((decimal)(random.NextDouble() * 50_000) + 500m);
                var deal = Deal.Create();
                deal.Number = i + 1;
                deal.Rename(string.Create(CultureInfo.InvariantCulture, $"Deal {i}"));
                deal.AccountId = accounts[random.Next(accounts.Count)].Id;
                deal.PipelineId = DealDefaults.DefaultPipelineId;
                deal.Outcome = outcome;
                deal.StageId = outcome switch { DealOutcome.Won => DealDefaults.WonId, DealOutcome.Lost => DealDefaults.LostId, _ => open[random.Next(4)] };
                deal.Amount = deal.AmountBase = amount;
                deal.Probability = outcome switch { DealOutcome.Won => 100m, DealOutcome.Lost => 0m, _ => 25m };
                deal.ExpectedCloseOn = deal.CloseOn = deal.RateDate = close;
                deal.ClosedOn = outcome == DealOutcome.Open ? null : close;
                deal.NewBusiness = outcome == DealOutcome.Won ? random.Next(3) == 0 : null;
                deal.Forecast = (ForecastCategory)random.Next(4);
                deal.OwnerId = owner.Id;
                deal.CreatedAt = deal.StageSince = close.AddDays(-random.Next(1, 120)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                if (random.Next(10) == 0)
                {
                    var other = people[random.Next(Managers)];
                    deal.Splits.Add(new DealSplit { EmployeeId = owner.Id, Percent = 60m });
                    if (other.Id != owner.Id)
                    {
                        deal.Splits.Add(new DealSplit { EmployeeId = other.Id, Percent = 40m });
                    }
                    else
                    {
                        deal.Splits[0].Percent = 100m;
                    }
                }
                else
                {
                    deal.Splits.Add(new DealSplit { EmployeeId = owner.Id, Percent = 100m });
                }

                db.Add(deal);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        return teams[7].Id;
    }
}
