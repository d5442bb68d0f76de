using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Rapport.ClientBase;

namespace Rapport.Benchmarks;

/// <summary>
/// The search entries of one account and one contact, as the interceptor writes them on every save and the import and
/// the dataset generator write them for every new record.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SearchTokenBenchmarks
{
    private readonly Account _account = new() { RegistrationNumber = "175074752", Domain = "pirin-tekstil.bg" };
    private readonly Contact _contact = new();

    public SearchTokenBenchmarks()
    {
        _account.Rename("Пирин Текстил ООД");
        _contact.Rename("Йордан Цветанов Кръстев");
        _contact.SetEmails(["y.krastev@pirin-tekstil.bg"]);
        _contact.SetPhones(["+359 88 123 4567"]);
    }

    [Benchmark]
    public int AccountEntries() => SearchIndexInterceptor.EntriesOf(_account).Count();

    [Benchmark]
    public int ContactEntries() => SearchIndexInterceptor.EntriesOf(_contact).Count();
}
