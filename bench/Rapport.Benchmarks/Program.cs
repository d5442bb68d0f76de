using System.Globalization;
using BenchmarkDotNet.Running;
using Rapport.Benchmarks;

// "generate" and "drop" build and delete the load test's dataset.
if (args.Length > 0 && DatasetCommands.Names.Contains(args[0]))
{
    return await DatasetCommands.RunAsync(args);
}

// "import-csv FOLDER ROWS" writes the CSV files of the import measurement (docs/benchmarks.md) instead of benchmarking.
if (args is ["import-csv", var folder, var rowsText])
{
    if (!int.TryParse(rowsText, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) || rows < 1)
    {
        await Console.Error.WriteLineAsync("import-csv takes a folder and a whole number of rows.");
        return 2;
    }

    ImportCsvGenerator.Write(folder, rows, seed: 2026);
    return 0;
}

// "pay-once [RUNS]" times the full pay calculation outside BenchmarkDotNet (whose in-process runs refuse an hour's
// setup): for the largest sizes, and for the peak resident set under `/usr/bin/time -v` (docs/benchmarks.md).
if (args is ["pay-once", ..])
{
    var runs = args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 3;
    await PayCalculationBenchmarks.RunOnceAsync(runs);
    return 0;
}

// "--employees N" chooses the size of the generated database; every other argument is BenchmarkDotNet's.
var forwarded = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] != "--employees")
    {
        forwarded.Add(args[i]);
        continue;
    }

    if (i + 1 >= args.Length || !Dataset.TryParseSize(args[i + 1], out var size))
    {
        await Console.Error.WriteLineAsync($"--employees takes a whole number of at least {Dataset.MinimumEmployees}.");
        return 2;
    }

    // BenchmarkDotNet starts a process per benchmark; environment variables are how settings reach them.
    Environment.SetEnvironmentVariable(Dataset.EmployeesVariable, size.ToString(CultureInfo.InvariantCulture));
    i++;
}

// One database per run, shared by its benchmark processes; a folder given by the caller is kept for the next run.
var ownFolder = string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Dataset.FolderVariable));
if (ownFolder)
{
    Environment.SetEnvironmentVariable(Dataset.FolderVariable, Directory.CreateTempSubdirectory("rapport-bench-").FullName);
}

try
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. forwarded]);
    return 0;
}
finally
{
    if (ownFolder)
    {
        Directory.Delete(Environment.GetEnvironmentVariable(Dataset.FolderVariable)!, recursive: true);
    }
}
