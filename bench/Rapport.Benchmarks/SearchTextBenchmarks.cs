using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Rapport.Shared;

namespace Rapport.Benchmarks;

/// <summary>Folding a name for search, and its Latin key, done on every save of a name and on every search term.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SearchTextBenchmarks
{
    [Params("Йордан Цветанов Кръстев", "Desislava Ivanova Petrova")]
    public string Name { get; set; } = "";

    [Benchmark]
    public string Fold() => SearchText.Fold(Name);

    /// <summary>The folded name in the one Latin form search tokens are kept in.</summary>
    [Benchmark]
    public string LatinKey() => SearchText.LatinKey(SearchText.Fold(Name));
}
