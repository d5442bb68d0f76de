using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Pay;
using Rapport.Shared;
using Rapport.Staffing;

namespace Rapport.Benchmarks;

/// <summary>
/// One call per iteration (<see cref="RunStrategy.Monitoring"/>), so that the percentile columns are those of single
/// calls, as a request's are, rather than of averages over many; in the host process, because on the shared two
/// cores building a separate benchmark process outlasted BenchmarkDotNet's two-minute build timeout.
/// </summary>
public abstract class SingleCalls : ManualConfig
{
    protected SingleCalls(int warmups, int iterations)
    {
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(warmups).WithIterationCount(iterations)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
    }
}

/// <summary>Many calls of a few milliseconds: enough for a stable 95th percentile.</summary>
public sealed class ManyCalls() : SingleCalls(warmups: 10, iterations: 100);

/// <summary>A few calls of seconds.</summary>
public sealed class FewCalls() : SingleCalls(warmups: 1, iterations: 5);

/// <summary>
/// A vacancy's ranking on SQLite: <see cref="CandidateHandlers.RankAsync"/> (a keyset page of 50 by the stored rank,
/// behind <c>/staffing/vacancies/{id}</c> and <c>GET /api/v1/staffing/vacancies/{id}/ranking</c>) on a vacancy with
/// 10,000 candidates, each with two to four ratings and some with CV experience and a client base; the vacancy page's
/// two reads together; and <see cref="CandidateHandlers.GetAsync"/>, a candidate's details with the breakdown scored
/// live, for an outside and an internal candidate. Each call gets a new context, as each request does.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ManyCalls))]
public class StaffingRankingBenchmarks
{
    private static readonly Viewer Recruiter = new(Guid.Empty, null, new HashSet<string> { Roles.Recruiter });
    private static readonly TimeProvider Clock = new StaffingData.FixedClock(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));

    private BenchDatabase _database = null!;
    private string _folder = "";
    private StaffingTargets _targets = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("rapport-bench-staffing-").FullName;
        _database = new BenchDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "rapport.db")}");
        await _database.MigrateAsync();
        await EmployeeGenerator.FillAsync(_database.Options(), 200, Dataset.Seed);
        _targets = await StaffingData.AddAsync(_database, Dataset.Seed, dealsPerAccount: 0, Console.Out);

        // A cursor that pointed anywhere else would measure the wrong page.
        var deep = (await DeepPage())!;
        var staged = (await StageDeepPage())!;
        if (deep.Items.Count != CandidateHandlers.PageSize || staged.Items.Count == 0 || staged.Items.Any(c => c.Stage != StaffingData.FilteredStage))
        {
            throw new InvalidOperationException("A deep cursor does not land nine tenths into the ranking.");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// {_targets.Candidates:N0} candidates; the stage's deep page has {staged.Items.Count} rows"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public async Task<Page<RankedCandidate>?> FirstPage()
    {
        await using var db = new RapportDb(_database.Options());
        return await Candidates(db).RankAsync(Recruiter, _targets.VacancyId, null, null);
    }

    /// <summary>After the row nine tenths into the ranking (row 9,000 of 10,000).</summary>
    [Benchmark]
    public async Task<Page<RankedCandidate>?> DeepPage()
    {
        await using var db = new RapportDb(_database.Options());
        return await Candidates(db).RankAsync(Recruiter, _targets.VacancyId, null, _targets.DeepCursor);
    }

    [Benchmark]
    public async Task<Page<RankedCandidate>?> StageFirstPage()
    {
        await using var db = new RapportDb(_database.Options());
        return await Candidates(db).RankAsync(Recruiter, _targets.VacancyId, StaffingData.FilteredStage, null);
    }

    /// <summary>One stage, after the row nine tenths into that stage's ranking.</summary>
    [Benchmark]
    public async Task<Page<RankedCandidate>?> StageDeepPage()
    {
        await using var db = new RapportDb(_database.Options());
        return await Candidates(db).RankAsync(Recruiter, _targets.VacancyId, StaffingData.FilteredStage, _targets.StageDeepCursor);
    }

    /// <summary>What the vacancy page reads: the vacancy with its counts by stage, then the first page.</summary>
    [Benchmark]
    public async Task<Page<RankedCandidate>?> VacancyPageReads()
    {
        await using var db = new RapportDb(_database.Options());
        _ = await new VacancyHandlers(db, Clock).GetAsync(Recruiter, _targets.VacancyId);
        return await Candidates(db).RankAsync(Recruiter, _targets.VacancyId, null, null);
    }

    [Benchmark]
    public async Task<CandidateDetails?> OutsideCandidate()
    {
        await using var db = new RapportDb(_database.Options());
        return await Candidates(db).GetAsync(Recruiter, _targets.OutsideCandidate);
    }

    /// <summary>An employee as a candidate: the breakdown adds what Rapport knows of them.</summary>
    [Benchmark]
    public async Task<CandidateDetails?> InternalCandidate()
    {
        await using var db = new RapportDb(_database.Options());
        return await Candidates(db).GetAsync(Recruiter, _targets.InternalCandidate);
    }

    private static CandidateHandlers Candidates(RapportDb db)
    {
        var catalogue = new Catalogue(db);
        return new CandidateHandlers(db, new Scoring(db, catalogue, Clock), catalogue, new PlanHandlers(db, Clock), Clock);
    }
}

/// <summary>
/// Internal re-targeting on SQLite: <see cref="Retargeting.CandidatesForAsync"/> (behind
/// <c>/staffing/vacancies/{id}/internal</c>) scores every active employee with capacity under 1 against the vacancy's
/// profile. The database is dataset M's client base (100,000 accounts, 300,000 contacts, 1,000,000 interactions and
/// the relationships they build) over a staff of <see cref="StaffVariable"/> people (2,700 unless set, so that at
/// least 1,000 of them are re-targeted; dataset M itself has 1,000 people), with the deals M lacks added (one per
/// account) and appraisal input for one person in five. Generated once into <see cref="Dataset.FolderVariable"/>'s folder
/// (the same layout as <c>generate</c> and <c>staffing</c> leave for <c>bench/load.sh</c>) and reused from there.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(FewCalls))]
public class RetargetingBenchmarks
{
    public const string StaffVariable = "RAPPORT_BENCH_STAFF";

    /// <summary>A fraction of dataset M's client base, for a quick run; 1 unless set.</summary>
    public const string ScaleVariable = "RAPPORT_BENCH_SCALE";

    private static readonly Viewer Recruiter = new(Guid.Empty, null, new HashSet<string> { Roles.Recruiter });
    private static readonly TimeProvider Clock = new StaffingData.FixedClock(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));

    private DbContextOptions<RapportDb> _options = null!;
    private StaffingTargets _targets = null!;
    private string? _ownFolder;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var folder = Environment.GetEnvironmentVariable(Dataset.FolderVariable);
        if (string.IsNullOrEmpty(folder))
        {
            folder = _ownFolder = Directory.CreateTempSubdirectory("rapport-bench-").FullName;
        }

        var staff = int.TryParse(Environment.GetEnvironmentVariable(StaffVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 2_700;
        var scale = double.TryParse(Environment.GetEnvironmentVariable(ScaleVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 1;
        BenchDatabase database;
        (database, _targets) = await StaffingDataset.EnsureAsync(folder, staff, scale);
        _options = database.Options();
        var scored = (await InternalCandidatesAll())!.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {staff:N0} people; {scored:N0} scored for the vacancy"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        if (_ownFolder is not null)
        {
            Directory.Delete(_ownFolder, recursive: true);
        }
    }

    /// <summary>The internal-candidates page: everyone scored, the best 50 shown.</summary>
    [Benchmark(Baseline = true)]
    public async Task<IReadOnlyList<InternalCandidate>?> InternalCandidates()
    {
        await using var db = new RapportDb(_options);
        return await Retargeting(db).CandidatesForAsync(Recruiter, _targets.VacancyId);
    }

    /// <summary>Rapport's facts for every active employee: the grouped reads over relationships and deal credits.</summary>
    [Benchmark]
    public async Task<int> Facts()
    {
        await using var db = new RapportDb(_options);
        return (await new Scoring(db, new Catalogue(db), Clock).FactsAsync(null)).Count;
    }

    /// <summary>One employee's fit (<c>/staffing/employees/{id}</c>), for comparison.</summary>
    [Benchmark]
    public async Task<EmployeeScore?> OneEmployee()
    {
        await using var db = new RapportDb(_options);
        var someone = await db.Candidates.Where(c => c.Id == _targets.InternalCandidate).Select(c => c.EmployeeId!.Value).FirstAsync();
        return await Retargeting(db).ScoreAsync(Recruiter, someone, null);
    }

    private async Task<IReadOnlyList<InternalCandidate>?> InternalCandidatesAll()
    {
        await using var db = new RapportDb(_options);
        return await Retargeting(db).CandidatesForAsync(Recruiter, _targets.VacancyId, take: int.MaxValue);
    }

    private static Retargeting Retargeting(RapportDb db)
    {
        var catalogue = new Catalogue(db);
        return new Retargeting(db, new Scoring(db, catalogue, Clock), catalogue, Clock);
    }
}

/// <summary>The re-targeting benchmarks' database: dataset M over a larger staff, with staffing added; built once per folder.</summary>
internal static class StaffingDataset
{
    /// <summary>What the <c>staffing</c> command made, written last: a folder without it is generated again.</summary>
    public const string TargetsFile = "staffing.json";

    public static async Task<(BenchDatabase Database, StaffingTargets Targets)> EnsureAsync(string folder, int staff, double scale)
    {
        var database = new BenchDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "rapport-m.db")}");
        if (await ReadAsync(folder) is { } made)
        {
            return (database, made);
        }

        await DatasetCommands.GenerateAsync(database, DatasetSize.M(scale) with { Employees = staff }, Dataset.Seed, DatasetCommands.DefaultNow, folder);
        var targets = await StaffingData.AddAsync(database, Dataset.Seed, dealsPerAccount: 1, Console.Out);
        SqliteConnection.ClearAllPools();
        await WriteAsync(folder, targets);
        return (database, targets);
    }

    public static async Task<StaffingTargets?> ReadAsync(string folder)
    {
        var path = Path.Combine(folder, TargetsFile);
        return File.Exists(path) ? System.Text.Json.JsonSerializer.Deserialize<StaffingTargets>(await File.ReadAllTextAsync(path)) : null;
    }

    public static async Task WriteAsync(string folder, StaffingTargets targets)
    {
        await StaffingData.WriteUrlsAsync(folder, targets);
        await File.WriteAllTextAsync(Path.Combine(folder, TargetsFile), System.Text.Json.JsonSerializer.Serialize(targets));
    }
}
