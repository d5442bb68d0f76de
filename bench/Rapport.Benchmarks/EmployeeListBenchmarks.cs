using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Benchmarks;

/// <summary>
/// The query behind the employee list page and <c>GET /api/v1/employees</c>, on a generated staff of
/// <see cref="Dataset.Employees"/>: first and deep pages by name and by start date, and searches.
/// Each call gets a new context, as each request does.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class EmployeeListBenchmarks
{
    private static readonly Viewer Administrator = new(Guid.Empty, null, new HashSet<string> { Roles.Administrator });

    private DbContextOptions<RapportDb> _options = null!;
    private string? _ownFolder;
    private string _deepByName = "";
    private string _deepByStart = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var folder = Environment.GetEnvironmentVariable(Dataset.FolderVariable);
        if (string.IsNullOrEmpty(folder))
        {
            folder = _ownFolder = Directory.CreateTempSubdirectory("rapport-bench-").FullName;
        }

        var builder = new DbContextOptionsBuilder<RapportDb>();
        DatabaseOptions.Configure(builder, DatabaseProvider.Sqlite, await Dataset.EnsureAsync(folder));
        _options = builder.Options;

        await using var db = new RapportDb(_options);
        var deep = await db.Employees.CountAsync() * 9 / 10;

        // The cursor a client holds after paging through nine tenths of the list, built from the row at that position.
        var byName = await db.Employees.OrderBy(e => e.SearchName).ThenBy(e => e.Id)
            .Skip(deep - 1).Select(e => new { e.SearchName, e.Id }).FirstAsync();
        _deepByName = new Cursor(byName.SearchName, byName.Id).Encode();
        var byStart = await db.Employees.OrderBy(e => e.EmploymentStart).ThenBy(e => e.Id)
            .Skip(deep - 1).Select(e => new { e.EmploymentStart, e.Id }).FirstAsync();
        _deepByStart = new Cursor(byStart.EmploymentStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), byStart.Id).Encode();

        // A cursor that pointed anywhere else would measure the wrong page: check both land where offset paging does.
        var nextByName = await db.Employees.OrderBy(e => e.SearchName).ThenBy(e => e.Id).Skip(deep).Select(e => e.Id).FirstAsync();
        var nextByStart = await db.Employees.OrderBy(e => e.EmploymentStart).ThenBy(e => e.Id).Skip(deep).Select(e => e.Id).FirstAsync();
        if ((await DeepPageByName()).Items[0].Id != nextByName || (await DeepPageByStart()).Items[0].Id != nextByStart)
        {
            throw new InvalidOperationException("A deep cursor does not continue where the offset query does.");
        }

        var rare = (await SearchRareCyrillic()).Items.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Deep pages start after row {deep:N0}; \"{EmployeeGenerator.RareCyrillicTerm}\" finds {rare} rows"));
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

    [Benchmark(Baseline = true)]
    public Task<Page<EmployeeRow>> FirstPageByName() => ListAsync(new EmployeeFilter());

    [Benchmark]
    public Task<Page<EmployeeRow>> DeepPageByName() => ListAsync(new EmployeeFilter(After: _deepByName));

    [Benchmark]
    public Task<Page<EmployeeRow>> FirstPageByStart() => ListAsync(new EmployeeFilter(Sort: EmployeeSort.Start));

    [Benchmark]
    public Task<Page<EmployeeRow>> DeepPageByStart() =>
        ListAsync(new EmployeeFilter(Sort: EmployeeSort.Start, After: _deepByStart));

    /// <summary>Part of a rare surname in upper case: fewer matches than a page, so every row is looked at.</summary>
    [Benchmark]
    public Task<Page<EmployeeRow>> SearchRareCyrillic() => ListAsync(new EmployeeFilter(Search: EmployeeGenerator.RareCyrillicTerm));

    /// <summary>A common surname: a page fills long before the end of the list.</summary>
    [Benchmark]
    public Task<Page<EmployeeRow>> SearchCommonLatin() => ListAsync(new EmployeeFilter(Search: EmployeeGenerator.CommonLatinTerm));

    private async Task<Page<EmployeeRow>> ListAsync(EmployeeFilter filter)
    {
        await using var db = new RapportDb(_options);
        return await new EmployeeHandlers(db).ListAsync(Administrator, filter);
    }
}
